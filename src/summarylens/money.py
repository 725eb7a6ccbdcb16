"""What kind of money a money figure is: ``union``, ``pay``, ``business`` or ``other``.

SPEC section 6: **union** money is raised, held, spent or paid out by the union or
through its programmes (dues, funds, donations, relief and condolence money, union
prizes, mutual-aid insurance, union facilities); **pay** is workers' wages, income,
allowances and arrears recovered; **business** is the employer's output, revenue,
profit, tax, loans, deposits, investment and economic benefit; **other** is the rest.
A researcher summing what unions spend sums ``union`` money only — never ``business``
money, which is a thousand times larger.

The cue words live in the ``money_types`` lexicon (word, money_type, priority). The rule:

1. a cue in the figure's **subject** decides (``慰问金`` → union, ``存款余额`` →
   business, ``夜班津贴`` → pay); among several, the lowest priority, then the longest;
2. else the cue **nearest before the figure in its clause** (``为职工追回工资报酬``,
   ``捐款158万``), then the nearest after it (``600元奖励``), then the nearest in the
   sentence before the clause (``发放节日慰问品，人均300元``);
3. else ``other``.

Example::

    >>> money_type("慰问金", "春节期间发放慰问金2.6万元")
    'union'
    >>> money_type("营业收入", "全年实现营业收入86.4亿元")
    'business'
    >>> money_type(None, "帮助职工追回工资12万元", before="帮助职工追回工资")
    'pay'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicons import Lexicon, load
from .records import MONEY_TYPES

__all__ = ["MONEY_TYPES", "MoneyTyper", "money_type"]


class MoneyTyper:
    """The rule above over a cue lexicon (default: the shipped ``money_types``).

        >>> MoneyTyper().type_of("存款余额", "")
        'business'
    """

    def __init__(self, *, cues: Lexicon | None = None) -> None:
        lexicon = cues if cues is not None else load("money_types")
        types = lexicon.column("money_type")
        bad = sorted(set(types) - set(MONEY_TYPES))
        if bad:
            raise ValueError(f"money_types lexicon {lexicon.name!r}: unknown types {bad}")
        priorities = [int(p) if p else 2 for p in lexicon.column("priority")]
        self.cues: dict[str, tuple[str, int]] = {
            w: (t, p) for w, t, p in zip(lexicon.words, types, priorities, strict=True)
        }
        # one alternation, longest first, so that 营业收入 is seen before 收入
        self.pattern = re.compile("|".join(re.escape(w) for w in sorted(self.cues, key=len, reverse=True)))
        self.type_of = lru_cache(maxsize=16384)(self._type_of)

    def _in(self, text: str) -> str | None:
        """The type of the best cue in ``text`` (lowest priority, then longest)."""
        best: tuple[int, int, str] | None = None
        for m in self.pattern.finditer(text):
            kind, prio = self.cues[m.group()]
            key = (prio, -len(m.group()), kind)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def _nearest(self, text: str, *, from_end: bool) -> str | None:
        """The type of the cue nearest to one end of ``text``."""
        if not from_end:
            m = self.pattern.search(text)
            return self.cues[m.group()][0] if m else None
        found = [m.group() for m in self.pattern.finditer(text)]
        return self.cues[found[-1]][0] if found else None

    def _type_of(self, subject: str | None, before: str, after: str = "", context: str = "") -> str:
        if subject:
            found = self._in(subject)
            if found:
                return found
        found = self._nearest(before, from_end=True) if before else None
        if found is None and after:
            found = self._nearest(after, from_end=False)
        if found is None and context:
            found = self._nearest(context, from_end=True)
        return found or "other"


@lru_cache(maxsize=1)
def _default() -> MoneyTyper:
    return MoneyTyper()


def money_type(subject: str | None, sentence: str = "", *, before: str | None = None,
               after: str = "", context: str = "") -> str:
    """The money type of one money figure from its subject and clause (rule above).

    ``before``/``after`` are the clause text before the number and after the unit; when
    ``before`` is not given, ``sentence`` stands for it. ``context`` is the sentence
    before the clause, read last (``为会员发放节日慰问品，人均300元`` → union).
    """
    return _default().type_of(subject, sentence if before is None else before, after, context)
