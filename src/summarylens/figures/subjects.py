"""What a figure means: its subject, its per-unit qualifier and, for money, its type.

For every figure of a paragraph at once:

- **subject** — the noun phrase the figure counts or pays, as written in its own clause
  (:func:`summarylens.phrases.figure_subjects`: the clause's words tagged by part of
  speech, the phrase chosen by rules; ``慰问困难职工24户`` → 困难职工,
  ``发放慰问金2.6万元`` → 慰问金, ``分别给予1500、1000、600元奖励`` → 奖励 three times);
- **per** — a per-unit word before the figure (``每人``, ``人均``, ``每户``, ``每人每月``),
  kept apart from the subject: ``每人发放慰问金800元`` is 800 元 per person;
- **money_type** — ``union``, ``pay``, ``business`` or ``other`` for money
  (:func:`summarylens.money.money_type`, from the subject, the clause and the sentence
  before it), None for the other kinds.

Only the clause around each figure is read, so the cost grows with the number of figures,
not with the text; decisions are cached per clause window (clauses repeat in a corpus).

Example::

    >>> from summarylens.figures import find_figures
    >>> [(f.subject, f.per, f.money_type)
    ...  for f in find_figures("慰问特困职工家庭24户，每户发放慰问金500元。")[0]]
    [('特困职工家庭', None, None), ('慰问金', '每户', 'union')]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from ..money import money_type
from ..phrases import figure_subjects
from .records import Found, new_tuple

__all__ = ["Meaning", "meanings"]


class Meaning(NamedTuple):
    """Subject, per-unit qualifier and money type of one figure."""

    subject: str | None
    per: str | None
    money_type: str | None


def meanings(text: str, found: Sequence[Found], ends: list[int]) -> list[Meaning]:
    """The :class:`Meaning` of every figure of ``text`` (figures in text order).

    ``ends`` are the sentence ends of ``text`` (:func:`~.records.sentence_bounds`): a
    money figure with no cue in its clause is typed from the sentence before the clause.
    """
    clauses: list[tuple[int, int]] = []
    subjects = figure_subjects(text, found, clauses=clauses)
    out = []
    for fig, subject, (clause, end) in zip(found, subjects, clauses, strict=True):
        mtype = None
        if fig.kind == "money":
            start = fig.start
            before = text[max(clause, start - 40):start]
            after = text[fig.end:min(end, fig.end + 16)]
            mtype = money_type(subject.text, before=before, after=after)
            if mtype == "other":                # no cue in the clause: the sentence before it
                i = bisect.bisect_right(ends, start)
                sentence = ends[i - 1] if i else 0
                if sentence < clause:
                    mtype = money_type(subject.text, before=before, after=after,
                                       context=text[max(sentence, clause - 60):clause])
        out.append(new_tuple(Meaning, (subject.text, subject.per, mtype)))
    return out
