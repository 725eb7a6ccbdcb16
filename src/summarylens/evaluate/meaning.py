"""How well figures are understood: their subjects and the type of their money.

Scored on the figures the extractor found right (value+kind matching of
:mod:`summarylens.evaluate.figures`), against the ``subject`` and ``money_type`` columns of
the gold set:

- **subject**: the character overlap of predicted and gold subject, as a Dice score over
  characters (``2 × shared characters / (len(pred) + len(gold))``: 困难职工 against
  特困职工 is 0.75, 慰问金 against 慰问款 0.67); two empty subjects agree (1.0), one empty
  against one written scores 0. Both are compared in simplified script (OpenCC ``t2s``):
  the pipeline writes subjects as its view reads them (会员), a gold file of a page in
  traditional script as written (會員). A subject is **acceptable** at overlap ≥ 0.5; the share
  of acceptable subjects is the headline, with the mean overlap and the exact matches.
- **money_type** (money figures only): accuracy, and per type precision, recall and F1
  with the confusion table (gold rows, predicted columns), so that a ``business`` amount
  read as ``union`` shows where it went.

Example::

    >>> round(overlap("困难职工", "特困职工"), 2)
    0.75
    >>> overlap(None, "")
    1.0
    >>> overlap("会员", "會員")
    1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from ..records import MONEY_TYPES

__all__ = ["MeaningScore", "acceptable", "meaning_scores", "overlap", "print_meaning"]

#: the share of characters a subject must share with the gold one to be acceptable
ACCEPTABLE = 0.5


class _Labelled(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def money_type(self) -> str | None: ...


def overlap(pred: str | None, gold: str | None) -> float:
    """Dice overlap of the characters of two subjects in simplified script (both empty: 1.0)."""
    a, b = pred or "", gold or ""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    if a != b:
        a, b = _simplified(a), _simplified(b)
    shared = sum((Counter(a) & Counter(b)).values())
    return 2 * shared / (len(a) + len(b))


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    return text if text.isascii() else str(_t2s().convert(text))


def acceptable(pred: str | None, gold: str | None) -> bool:
    """True when the predicted subject overlaps the gold one by half or more."""
    return overlap(pred, gold) >= ACCEPTABLE


@dataclass(frozen=True)
class MeaningScore:
    """Subject and money-type scores over the matched figures of one split."""

    n_subjects: int
    n_acceptable: int
    n_exact: int
    mean_overlap: float
    n_money: int
    n_money_right: int
    confusion: dict[tuple[str, str], int]

    @property
    def subject_share(self) -> float:
        return self.n_acceptable / self.n_subjects if self.n_subjects else math.nan

    @property
    def money_accuracy(self) -> float:
        return self.n_money_right / self.n_money if self.n_money else math.nan

    def type_scores(self, label: str) -> tuple[float, float, float]:
        """(precision, recall, F1) of one money type."""
        tp = self.confusion.get((label, label), 0)
        n_pred = sum(v for (_, p), v in self.confusion.items() if p == label)
        n_gold = sum(v for (g, _), v in self.confusion.items() if g == label)
        prec = tp / n_pred if n_pred else math.nan
        rec = tp / n_gold if n_gold else math.nan
        f1 = 2 * prec * rec / (prec + rec) if n_pred and n_gold and prec + rec else 0.0
        return prec, rec, f1


def meaning_scores(pairs: Sequence[tuple[_Labelled, _Labelled]]) -> MeaningScore:
    """Scores over (gold, predicted) pairs of matched figures. A gold subject of None
    (a file without the column) is not scored, an empty one is "no subject"; gold money
    rows without a ``money_type`` label are left out of the money-type count."""
    overlaps = [overlap(p.subject, g.subject) for g, p in pairs if g.subject is not None]
    confusion: Counter[tuple[str, str]] = Counter()
    for g, p in pairs:
        if g.kind == "money" and g.money_type:
            confusion[(g.money_type, p.money_type or "NA")] += 1
    n_money = sum(confusion.values())
    return MeaningScore(
        n_subjects=len(overlaps),
        n_acceptable=sum(o >= ACCEPTABLE for o in overlaps),
        n_exact=sum(o == 1.0 for o in overlaps),
        mean_overlap=sum(overlaps) / len(overlaps) if overlaps else math.nan,
        n_money=n_money,
        n_money_right=sum(v for (g, p), v in confusion.items() if g == p),
        confusion=dict(confusion),
    )


def print_meaning(name: str, s: MeaningScore, misses: Sequence[str] = ()) -> None:
    """Print one split's subject and money-type scores (and, if given, its misses)."""
    print(f"\n== {name}: meaning of the matched figures")
    if s.n_subjects:
        print(f"subject acceptable (overlap >= {ACCEPTABLE}): {s.n_acceptable}/{s.n_subjects} = "
              f"{s.subject_share:.3f}; exact {s.n_exact}; mean overlap {s.mean_overlap:.3f}")
    if not s.n_money:
        return
    print(f"money_type right: {s.n_money_right}/{s.n_money} = {s.money_accuracy:.3f}")
    labels = [t for t in (*MONEY_TYPES, "NA")
              if any(t in key for key in s.confusion)]
    corner = "gold/pred"
    print(f"{corner:<12}" + "".join(f"{t:>9}" for t in labels) + f"{'P':>8}{'R':>8}{'F1':>8}")
    for g in labels:
        if g == "NA":
            continue
        row = "".join(f"{s.confusion.get((g, p), 0):>9}" for p in labels)
        prec, rec, f1 = s.type_scores(g)
        fmt = [("   -" if math.isnan(x) else f"{x:.3f}") for x in (prec, rec, f1)]
        print(f"{g:<12}{row}{fmt[0]:>8}{fmt[1]:>8}{fmt[2]:>8}")
    for line in misses:
        print(line)
