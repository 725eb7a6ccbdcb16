"""Plots a researcher would put in a paper, with Chinese that renders.

On import this module finds a CJK font already on the machine (by family name in
matplotlib's font list, then by file under the system font folders, then through
``fc-list``), registers it with matplotlib and puts it first in ``font.sans-serif``.
If there is none it warns once, with the command that installs one, instead of letting
matplotlib draw empty boxes. ``SUMMARYLENS_CJK_FONT=/path/to/font.ttf`` picks a font.

Every plot takes a :class:`~summarylens.corpus.Corpus` (or the table it needs, with the
others as keywords) and returns the matplotlib Axes or Figure::

    >>> import summarylens as sl, summarylens.plot as slp          # doctest: +SKIP
    >>> corpus = sl.read_corpus("corpus/")                          # doctest: +SKIP
    >>> ax = slp.section_profile(corpus)       # 各文档的主题构成      # doctest: +SKIP
    >>> ax.figure.savefig("profile.png", dpi=150)                    # doctest: +SKIP

matplotlib is imported here and nowhere else in the package.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import fonts
from .corpus import template_reuse, topic_by_org
from .figures import figures_by_org, figures_by_topic, totals_check
from .fonts import INSTALL_HINT, MissingCJKFontWarning, find_cjk_font, setup_cjk_font
from .sections import corpus_profile, role_composition, section_profile, topic_confidence
from .words import keyness_bars, keywords_by_topic, term_trend

# ---------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------

#: every plot function, by name (what ``save_all`` draws)
PLOTS: dict[str, Any] = {
    "section_profile": section_profile, "corpus_profile": corpus_profile,
    "role_composition": role_composition, "topic_confidence": topic_confidence,
    "figures_by_topic": figures_by_topic, "figures_by_org": figures_by_org,
    "totals_check": totals_check, "topic_by_org": topic_by_org, "template_reuse": template_reuse,
}


def figure_of(drawn: Axes | Figure) -> Figure:
    """The Figure of what a plot function returned (an Axes or a Figure)."""
    return drawn if isinstance(drawn, Figure) else drawn.figure  # type: ignore[return-value]


def save_all(corpus: Any, folder: str | Path, dpi: int = 150) -> list[Path]:
    """Draw every plot of a Corpus into ``folder`` as PNG files; return their paths.

    A plot whose data is missing (no relations, no roles…) is skipped with a message on stderr.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, function in PLOTS.items():
        try:
            fig = figure_of(function(corpus))
        except ValueError as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        path = folder / f"{name}.png"
        fig.savefig(path, dpi=dpi)
        plt.close(fig)
        written.append(path)
    return written


__all__ = [
    "CJK_FONT", "INSTALL_HINT", "PLOTS", "MissingCJKFontWarning", "corpus_profile", "figure_of", "figures_by_org",
    "figures_by_topic", "find_cjk_font", "keyness_bars", "keywords_by_topic", "role_composition", "save_all",
    "section_profile", "setup_cjk_font", "template_reuse", "term_trend", "topic_by_org", "topic_confidence",
    "totals_check",
]


def __getattr__(name: str) -> Any:
    if name == "CJK_FONT":  # set when the font is registered, so read it where it lives
        return fonts.CJK_FONT
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
