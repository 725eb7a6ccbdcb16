"""The figures of a paragraph: amounts, headcounts, households, percentages and counts.

:func:`find_figures` reads one heading or body paragraph and returns its figures
(:class:`~summarylens.records.Figure`) and its 共计……其中 groups
(:class:`~summarylens.records.Relation`). The stage, by concern:

- :mod:`~summarylens.figures.numerals` — reading numerals (Arabic, full-width, Chinese, 万/亿);
- :mod:`~summarylens.figures.scan` — the patterns that find candidates, and :func:`find_figures`;
- :mod:`~summarylens.figures.units` — units, qualifiers and kinds;
- :mod:`~summarylens.figures.exclusions` — every rule for numbers that are not figures;
- :mod:`~summarylens.figures.subjects` — what a figure counts or pays;
- :mod:`~summarylens.figures.relations` — totals and their parts;
- :mod:`~summarylens.figures.rules` — the word lists a finder reads, extendable by users
  (``find_figures(text, rules=DEFAULT_RULES.extended(units=[...], non_figures=[...]))``);
- :mod:`~summarylens.figures.wordlists` — the ``figure_*`` lexicons as regex pieces.

Example::

    >>> figs, rels = find_figures("共计216人，其中在职职工129人，退休人员87人。")
    >>> [(f.raw, f.value, f.kind) for f in figs]
    [('216人', 216.0, 'people'), ('129人', 129.0, 'people'), ('87人', 87.0, 'people')]
"""

from __future__ import annotations

from .relations import find_relations
from .rules import DEFAULT_RULES, FigureRules
from .scan import find_figures

__all__ = ["DEFAULT_RULES", "FigureRules", "find_figures", "find_relations"]
