"""``python -m summarylens`` is the ``summarylens`` command."""

import sys

from .cli import console

sys.exit(console())
