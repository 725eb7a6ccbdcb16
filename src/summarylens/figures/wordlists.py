"""The word lists of the figure extractor, read from the ``figure_*`` lexicons, as regex pieces.

Every list the extractor reads lives in a file of :mod:`summarylens.lexicons` (units with
their kind, qualifier words, named numerals, non-figure words, money words, organisation
nouns, subject words); this module turns rows into the alternations the patterns of
:mod:`~summarylens.figures.scan`, :mod:`~summarylens.figures.units`,
:mod:`~summarylens.figures.exclusions` and :mod:`~summarylens.figures.subjects` are
compiled from. A word may carry guards, written as data next to it: the characters that
must not stand right before it and the words that must not follow it (人 is no unit in
人民: ``人(?!民|员|…)``).

Example::

    >>> alternation([("元", "", "旦 素"), ("人次", "", "")])
    '元(?![旦素])|人次'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicons import Lexicon, load

__all__ = ["alternation", "guarded_rows", "lexicon", "plain"]


def lexicon(name: str) -> Lexicon:
    """The shipped figure lexicon ``figure_<name>``: ``lexicon("units")``."""
    return load(f"figure_{name}")


def _class_or_words(items: list[str]) -> str:
    """``["旦", "素"]`` → ``[旦素]``; ``["人", "个月"]`` → ``人|个月`` (for a look-around)."""
    if all(len(item) == 1 for item in items):
        return "[" + "".join(re.escape(item) for item in items) + "]"
    return "|".join(re.escape(item) for item in items)


def _guarded(word: str, not_preceded_by: str, not_followed_by: str) -> str:
    """One word with its guards as a regex: ``(?<![大格])局``, ``人(?![民员])``."""
    out = re.escape(word)
    if not_preceded_by:
        out = f"(?<!{_class_or_words(list(not_preceded_by))}){out}"
    if not_followed_by:
        out += f"(?!{_class_or_words(not_followed_by.split())})"
    return out


def alternation(rows: Iterable[tuple[str, str, str]]) -> str:
    """An alternation of guarded words ``(word, not_preceded_by, not_followed_by)``, in order."""
    return "|".join(_guarded(word, before, after) for word, before, after in rows)


def plain(words: Iterable[str]) -> str:
    """An alternation of plain words, in order: ``plain(["职工", "款"])`` → ``"职工|款"``."""
    return "|".join(re.escape(word) for word in words)


def guarded_rows(lex: Lexicon, rule: str | None = None) -> list[tuple[str, str, str]]:
    """The (word, not_preceded_by, not_followed_by) rows of a lexicon, of one ``rule`` if given."""
    rows = lex.rows
    cols = lex.columns
    before = cols.index("not_preceded_by") if "not_preceded_by" in cols else None
    after = cols.index("not_followed_by") if "not_followed_by" in cols else None
    kind = cols.index("rule") if rule is not None else None
    return [
        (row[0], row[before] if before is not None else "", row[after] if after is not None else "")
        for row in rows if kind is None or row[kind] == rule
    ]
