"""The word lists a figure finder reads, and how a user extends them.

:class:`FigureRules` holds the units (with their kind), the named numerals and the
non-figure words the scanner reads, compiled once. :data:`DEFAULT_RULES` are the shipped
``figure_*`` lexicons; :meth:`FigureRules.extended` adds a user's own rows (in the
columns of those files) and :func:`~summarylens.figures.find_figures` takes the result
as ``rules=``. A user's file in the same format is read with
:func:`summarylens.lexicons.read_lexicon` and passed as rows.

Example::

    >>> from summarylens.figures import find_figures
    >>> text = "爱心包裹分装300包，落实两个清单"
    >>> [f.raw for f in find_figures(text)[0]]
    ['两个']
    >>> rules = DEFAULT_RULES.extended(units=[("包", "count", "包")],
    ...                                non_figures=[("清单", "rhetorical_after")])
    >>> [(f.raw, f.kind) for f in find_figures(text, rules=rules)[0]]
    [('300包', 'count')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..lexicons import Lexicon
from ..records import FIGURE_KINDS
from .exclusions import ExclusionPatterns, compile_exclusions
from .numerals import NUMBER_SEARCHED
from .units import INSIDE_AFTER_MULT, INSIDE_QUALIFIERS, POST_QUALIFIERS, unit_tables
from .wordlists import lexicon

__all__ = ["DEFAULT_RULES", "FigureRules", "figure_pattern"]

Rows = Iterable[str | Sequence[str]]


def figure_pattern(unit_alternation: str) -> re.Pattern[str]:
    """One number with its qualifiers and unit: 400万元 / 300多名 / 十余万元 / 20人左右."""
    return re.compile(
        rf"(?P<num>{NUMBER_SEARCHED})"
        rf"(?:(?P<q1>[{INSIDE_QUALIFIERS}])(?P<mult>[十百千万亿]{{1,2}})?(?P<q2>[{INSIDE_AFTER_MULT}])?)?"
        rf"(?:[ \u3000]?(?P<unit>{unit_alternation}))?"
        rf"(?P<post>{POST_QUALIFIERS})?"
    )


@dataclass(frozen=True, eq=False)
class FigureRules:
    """The lexicons of units, named numerals and non-figure words, and what is compiled from them.

    ``units`` has the columns of ``figure_units`` (word, kind, unit, not_followed_by),
    ``named_numerals`` those of ``figure_named_numerals``, ``non_figures`` those of
    ``figure_non_figures`` (word, rule, not_preceded_by, not_followed_by). A unit's kind
    must be a figure kind (SPEC section 2); a non-figure rule one of
    :data:`~summarylens.figures.exclusions.NON_FIGURE_RULES`.
    """

    units: Lexicon
    named_numerals: Lexicon
    non_figures: Lexicon
    figure: re.Pattern[str] = field(init=False, repr=False)
    unit_kinds: dict[str, tuple[str, str]] = field(init=False, repr=False)
    plain_units: frozenset[str] = field(init=False, repr=False)
    exclusions: ExclusionPatterns = field(init=False, repr=False)

    def __post_init__(self) -> None:
        bad = sorted(set(self.units.column("kind")) - set(FIGURE_KINDS))
        if bad:
            raise ValueError(f"unit kinds {bad} are not figure kinds {FIGURE_KINDS}")
        tables = unit_tables(self.units)
        object.__setattr__(self, "figure", figure_pattern(tables.pattern))
        object.__setattr__(self, "unit_kinds", tables.kinds)
        object.__setattr__(self, "plain_units", tables.plain)
        object.__setattr__(self, "exclusions", compile_exclusions(self.named_numerals, self.non_figures))

    def extended(self, *, units: Rows = (), named_numerals: Rows = (), non_figures: Rows = ()) -> FigureRules:
        """New rules with rows added to the lists (a row: a word, or its cells in file order).

        A word the list has already keeps its meaning: ``extended`` adds, it never redefines.
        """
        return FigureRules(self.units.extended(units), self.named_numerals.extended(named_numerals),
                           self.non_figures.extended(non_figures))


@cache
def _default() -> FigureRules:
    return FigureRules(lexicon("units"), lexicon("named_numerals"), lexicon("non_figures"))


#: the rules of the shipped ``figure_*`` lexicons
DEFAULT_RULES = _default()
