"""What flows between the figure stages: candidates, found figures, and the sentences they stand in.

A :class:`Candidate` is one number the scanner matched, before units are shared along an
enumeration; a :class:`Found` figure has its value, unit and kind but not yet its
sentence or subject (those make a :class:`~summarylens.records.Figure`). Both are named
tuples, built without the Python-level ``__new__`` in the hot loops (:data:`new_tuple`).

Example::

    >>> text = "共计216人。其中在职职工129人，退休人员87人。"
    >>> ends = sentence_bounds(text)
    >>> text[slice(*sentence_span(text, 10, ends))]
    '其中在职职工129人，退休人员87人。'
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

__all__ = ["SENTENCE_END", "Candidate", "Found", "new_tuple", "sentence_bounds", "sentence_span"]

#: builds a NamedTuple from a tuple without the Python-level ``__new__`` (hot loops)
new_tuple = tuple.__new__

#: sentence ends (a sentence is what a figure "stands in"); spelt ``XX*``, not ``X+``: a
#: pattern that opens with a character class lets the engine skip ahead between matches
SENTENCE_END = re.compile(r"[。！？!?…\n][。！？!?…\n]*")


class Found(NamedTuple):
    """A figure before its sentence and subject are read."""

    raw: str
    start: int
    end: int
    value: float | None
    unit: str
    kind: str
    qualifier: str
    masked: bool


class Candidate(NamedTuple):
    """One FIGURE match, before units are shared along an enumeration or a range."""

    start: int          # where raw starts (prefix qualifier included)
    num_start: int      # where the number itself starts
    num_end: int
    end: int            # where raw ends
    num: str
    unit: str | None    # unit as written, None when it has to be borrowed
    qualifier: str
    mult: float         # 万/亿 written after 余/多 (十余万元)
    masked: bool
    negative: bool      # an explicit minus sign before the number (-200万元), part of raw


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences end (after their closing punctuation), for bisect."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_span(text: str, pos: int, ends: list[int]) -> tuple[int, int]:
    """(start, end) of the sentence holding offset ``pos``."""
    i = bisect.bisect_right(ends, pos)
    start = ends[i - 1] if i > 0 else 0
    end = ends[i] if i < len(ends) else len(text)
    return start, end
