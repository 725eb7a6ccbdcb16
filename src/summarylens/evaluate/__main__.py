"""``python -m summarylens.evaluate sections|figures [options]``."""

import sys

from . import main

sys.exit(main())
