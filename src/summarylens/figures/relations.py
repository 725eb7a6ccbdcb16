"""共计……其中 groups: a total and the parts that make it up.

A total is a figure after 共计/合计/总计/累计/共; its parts are the figures after the
其中 that follows, with the same unit. Each group becomes a
:class:`~summarylens.records.Relation` row with the sum of its parts and whether it
equals the total.

Example::

    >>> from summarylens.figures import find_figures
    >>> _, rels = find_figures("共计216人，其中在职职工129人，退休人员87人。")
    >>> rels[0].total_fig_id, rels[0].part_fig_ids, rels[0].consistent
    (0, (1, 2), True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeAlias

from ..records import Figure, Relation
from .numerals import tidy
from .records import Found, sentence_bounds, sentence_span

__all__ = ["MIN_PARTS", "find_relations"]

#: the figures a relation is read from: finished figures, or found ones before their subject
_Figures: TypeAlias = Sequence[Figure] | Sequence[Found]

#: words that open the total of a 共计……其中 group (共 but not 中共, 共产, 共同 …)
TOTAL_WORD = re.compile(
    r"共计|合计|总计|累计|共有|(?<![中公])共(?![产同建享青识赢])|总数|总人数|总额"
)
#: the word that opens the parts of a group
PARTS_WORD = re.compile(r"其中")
# a per-head or per-unit rate, never a part of a total: "每户500元", "人均3000元", "标准为"
RATE_BEFORE = re.compile(r"(?:每|人均|户均|均|标准为?)[^，。；,;！？\d]{0,2}$")
MIN_PARTS = 2


def find_relations(text: str, figures: _Figures,
                   ends: list[int] | None = None) -> list[Relation]:
    """共计……其中 groups: totals before 其中 and the parts after it, by unit.

    A total is a figure after 共计/合计/总计/累计/共 (and the other figures of its clause
    group up to 其中); its parts are the figures after 其中 with the same unit, through
    the rest of the sentence and the following sentences while they carry on its list.
    When no part has the total's unit and there is a single total, parts of any
    non-money, non-percent kind are summed (``158条，其中……132次，……26人次``).
    ``ends`` are the sentence ends of ``text`` (:func:`sentence_bounds`) when the caller
    has them already.
    ``consistent`` is None when the total or a part is approximate or masked.

    Only groups a reader could check are kept: at least two parts (one part after 其中
    names a subset, "其中困难职工48人", and says nothing about the rest), a total that
    is not a percentage (parts of a rate are shares of it: "2%，其中60%留厂使用"), and no
    per-head rates among the parts ("每户500元").

    Example::

        >>> from summarylens.figures import find_figures
        >>> figs, rels = find_figures("共筹措资金247.85万元，其中捐款160万元，财政投入87.85万元。")
        >>> rels[0].parts_sum, rels[0].consistent
        (2478500.0, True)
    """
    relations: list[Relation] = []
    if "其中" not in text or len(figures) < MIN_PARTS + 1:
        return relations
    if ends is None:
        ends = sentence_bounds(text)
    for m in PARTS_WORD.finditer(text):
        rel = _group_at(text, figures, m.start(), m.end(), ends)
        relations.extend(rel)
    return relations


def _group_at(text: str, figures: _Figures, at: int, after: int,
              ends: list[int]) -> list[Relation]:
    """The relations of the 其中 at ``at``: totals before it, parts after it."""
    totals = _totals_before(text, figures, at, ends)
    if not totals:
        return []
    region = _parts_region(text, figures, totals, after, ends)
    parts_of: dict[int, list[int]] = {t: [] for t in totals}
    for i in region:
        if RATE_BEFORE.search(text, max(0, figures[i].start - 4), figures[i].start):
            continue
        key = (figures[i].kind, figures[i].unit)
        same = [t for t in totals if (figures[t].kind, figures[t].unit) == key]
        if same and not _reached(figures, same[0], parts_of[same[0]]):
            parts_of[same[0]].append(i)
    if len(totals) == 1 and not parts_of[totals[0]]:
        family = [i for i in region if figures[i].kind not in ("money", "percent")]
        if figures[totals[0]].kind not in ("money", "percent"):
            parts_of[totals[0]] = family
    return [
        _relation(figures, t, parts) for t, parts in parts_of.items()
        if len(parts) >= MIN_PARTS and figures[t].kind != "percent"
    ]


def _totals_before(text: str, figures: _Figures, at: int, ends: list[int]) -> list[int]:
    """Figures between the last total word before 其中 and 其中.

    The total word is looked for in the sentence of 其中, or in the sentence before
    when 其中 opens its sentence ("……共新建工会组织38家，净增会员3581人。其中……").
    """
    s, _ = sentence_span(text, at, ends)
    if not text[s:at].strip(" \t\u3000，,：:"):
        s, _ = sentence_span(text, max(0, s - 1), ends)
    opener = None
    for m in TOTAL_WORD.finditer(text, s, at):
        opener = m.start()
    if opener is None or "其中" in text[opener:at]:
        return []
    return [i for i in range(len(figures)) if opener <= figures[i].start < at]


def _parts_region(text: str, figures: _Figures, totals: list[int], after: int,
                  ends: list[int]) -> list[int]:
    """Figures after 其中: this sentence, then the sentences that carry on its list.

    A following sentence carries on the list (``其中农民工工会8家……。非公单位工会17家……。``)
    only while it holds nothing but exact figures of the totals' units and the parts so
    far stay within their totals; otherwise it says something else (``……共计148.6万元，
    其中……。收缴会费约18万元。`` does not make 18万 a part). Figures come in text order,
    so each following sentence is one run of them, read once.
    """
    units = {(figures[t].kind, figures[t].unit) for t in totals}
    _, sent_end = sentence_span(text, after, ends)
    region: list[int] = []
    i, n = 0, len(figures)
    while i < n and figures[i].start < after:
        i += 1
    while i < n and figures[i].start < sent_end:
        region.append(i)
        i += 1
    while i < n:
        s, e = sentence_span(text, figures[i].start, ends)
        j = i
        while j < n and figures[j].start < e:
            j += 1
        if (TOTAL_WORD.search(text, s, e) or "其中" in text[s:e]
                or any((figures[k].kind, figures[k].unit) not in units for k in range(i, j))
                or not _carries_on(figures, totals, region, range(i, j))):
            break
        region.extend(range(i, j))
        i = j
    return region


def _carries_on(figures: _Figures, totals: list[int], region: list[int], more: range) -> bool:
    """True when the figures ``more`` of a following sentence can still be parts of ``totals``.

    Every total and every figure is exact and known, and for each total the like figures
    of ``region`` and ``more`` add up to no more than it.
    """
    for k in (*totals, *more):
        if figures[k].qualifier != "exact" or figures[k].value is None:
            return False
    for t in totals:
        key = (figures[t].kind, figures[t].unit)
        like = [figures[k].value for k in (*region, *more) if (figures[k].kind, figures[k].unit) == key]
        if sum(v for v in like if v is not None) > (figures[t].value or 0.0) + 1e-6:
            return False
    return True


def _reached(figures: _Figures, total: int, parts: list[int]) -> bool:
    """True when the parts found so far already add up to the total (stop collecting)."""
    values = [figures[i].value for i in parts]
    target = figures[total].value
    if not parts or target is None or any(v is None for v in values):
        return False
    return abs(sum(v for v in values if v is not None) - target) < 1e-6


def _relation(figures: _Figures, total: int, parts: list[int]) -> Relation:
    """A relation row: the sum of the parts and whether it equals the total."""
    values = [figures[i].value for i in parts]
    tot = figures[total]
    if any(v is None for v in values):
        return Relation(total, tuple(parts), None, None)
    parts_sum = tidy(sum(v for v in values if v is not None))
    exact = tot.qualifier == "exact" and all(figures[i].qualifier == "exact" for i in parts)
    consistent = None if (tot.value is None or not exact) else abs(parts_sum - tot.value) < 1e-6
    return Relation(total, tuple(parts), parts_sum, consistent)
