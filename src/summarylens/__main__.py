"""``python -m summarylens`` is the ``summarylens`` command."""

import sys

from .cli import main

sys.exit(main())
