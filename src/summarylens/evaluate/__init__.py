"""Measurements of summarylens against labelled data: ``python -m summarylens.evaluate NAME``.

``sections`` scores the topic/role classifier by grouped cross-validation
(:mod:`summarylens.evaluate.sections`); ``figures`` scores the figure extractor
(:mod:`summarylens.evaluate.figures`).

Example::

    python -m summarylens.evaluate sections --folds 5
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

#: evaluation name → module with a ``main(argv) -> int``
EVALUATIONS: dict[str, str] = {
    "figures": "summarylens.evaluate.figures",
    "sections": "summarylens.evaluate.sections",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one evaluation: ``main(["sections", "--folds", "5"])``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in EVALUATIONS:
        names = " | ".join(EVALUATIONS)
        print(f"usage: python -m summarylens.evaluate {{{names}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(EVALUATIONS[args[0]])
    return int(module.main(args[1:]) or 0)


__all__ = [
    "EVALUATIONS",
    "main",
]
