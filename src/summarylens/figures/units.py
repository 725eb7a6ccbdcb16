"""Units, qualifiers and kinds: what a number is counted in and how sure it is.

The units (``figure_units`` lexicon) give the kind of most figures: 元 money, 人/名/位
people, 人次 person_times, 户 households, 家/所 organizations, % percent, and count for the
other measure words. A few need the words around them:

- 个 counts organisations next to an organisation noun (``58个基层工会``, ``分工会9个``),
  people before a people noun (``91个骨干子女``), households before 家庭; a running total
  (``11个，累计达到68个``) counts what the 个 before it counted.
- 万/亿 with no unit is money after a money word (``捐款158万``), people after a people
  word (``会员1.2万``); before a measure word (``口罩3.6万只``) or a noun it is neither.
- 万/亿 before 人口 counts people (``13亿人口``), before 家庭 households.

Qualifiers (``figure_qualifiers`` lexicon): 约/左右/来 → ``approx``, 余/多/以上/超过 →
``over``, 近/不到/以下 → ``under``; the word before the number is part of ``raw``.

Example::

    >>> UNIT_KINDS["名"], QUALIFIER_WORDS["近"]
    (('people', '人'), 'under')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicons import Lexicon
from .numerals import CN_NUMERAL_CHARS
from .records import Candidate, Found
from .wordlists import alternation, guarded_rows, lexicon, plain

__all__ = [
    "BIG_NUMBER_NOUNS", "MONEY_CONTEXT", "PEOPLE_CONTEXT", "PLAIN_UNITS", "PREFIX_QUALIFIER",
    "QUALIFIER_WORDS", "UNIT", "UNIT_KINDS", "UnitTables", "carry_ge_kinds", "kind_and_unit", "kind_of_ge",
    "unit_tables",
]

_UNITS = lexicon("units")
_QUALIFIERS = lexicon("qualifiers")

#: units with a rule of their own in code (个 reads its nouns, 成 needs a Chinese numeral,
#: 次/篇/对 have non-figure checks, 个多百分点 sets the qualifier); the others are plain
SPECIAL_UNITS = frozenset({"个", "成", "次", "篇", "对", "个多百分点"})

#: nouns read as the unit of a number in 万 or 亿 (13亿人口, 惠及2900多万家庭)
BIG_NUMBER_NOUNS = ("人口", "家庭")
_BIG_NUMBER_KINDS = {"人口": ("people", "人"), "家庭": ("households", "户")}


class UnitTables(NamedTuple):
    """What the scanner reads of a units lexicon (see :func:`unit_tables`)."""

    pattern: str                              # the alternation of units, longest first
    kinds: dict[str, tuple[str, str]]         # unit as written → (kind, normalised unit)
    plain: frozenset[str]                     # units read without looking around them


def unit_tables(units: Lexicon) -> UnitTables:
    """The unit alternation, kinds and plain units of a lexicon in the ``figure_units`` columns.

    Units are tried longest first (人次 before 人), each guarded against the words it
    starts (``人(?![民员…])``); 个 and 个多百分点 get their kind in code.
    """
    rows = sorted(zip(units.words, units.column("not_followed_by"), strict=True), key=lambda row: -len(row[0]))
    kinds = {
        word: (kind, unit or word)
        for word, kind, unit in zip(units.words, units.column("kind"), units.column("unit"), strict=True)
        if word not in ("个", "个多百分点")
    }
    return UnitTables(alternation((word, "", after) for word, after in rows),
                      kinds | _BIG_NUMBER_KINDS, frozenset(units.words) - SPECIAL_UNITS)


_DEFAULT = unit_tables(_UNITS)
#: the unit after a number, as a regex alternation (shipped lexicon)
UNIT = _DEFAULT.pattern
#: unit as written → (kind, normalised unit) (shipped lexicon)
UNIT_KINDS = _DEFAULT.kinds
#: units read without looking around them: the fast path of the scanner (shipped lexicon)
PLAIN_UNITS = _DEFAULT.plain

#: qualifier words → qualifier
QUALIFIER_WORDS: dict[str, str] = dict(zip(_QUALIFIERS.words, _QUALIFIERS.column("qualifier"), strict=True))
_POSITION = dict(zip(_QUALIFIERS.words, _QUALIFIERS.column("position"), strict=True))
_NOT_PRECEDED = dict(zip(_QUALIFIERS.words, _QUALIFIERS.column("not_preceded_by"), strict=True))

#: qualifier words written inside a number, before its 万 or unit (300多万元, 十余人, 20来人)
INSIDE_QUALIFIERS = "".join(w for w in QUALIFIER_WORDS if _POSITION[w] == "inside")
#: of those, the ones that may also follow the 万 (十万余元)
INSIDE_AFTER_MULT = "".join(w for w in INSIDE_QUALIFIERS if QUALIFIER_WORDS[w] == "over")
#: qualifier words after the unit (10万元左右, 20人以上)
POST_QUALIFIERS = plain(w for w in QUALIFIER_WORDS if _POSITION[w] == "after")

_PREFIX_WORDS = [w for w in QUALIFIER_WORDS if _POSITION[w] == "before"]
#: a qualifier right before a number (约, 近, 不到, 超过 …; not 节约, 附近): 近400万元
PREFIX_QUALIFIER = re.compile(f"(?:{alternation((w, _NOT_PRECEDED[w], '') for w in _PREFIX_WORDS)})$")
#: the last characters of the words of PREFIX_QUALIFIER (a cheap test before the regex)
PREFIX_LAST = frozenset(w[-1] for w in _PREFIX_WORDS)
#: 上 qualifies only a bare 百/千/万 (上百人, 上千名)
SHANG_OK = re.compile(r"[百千万亿]{1,2}[余多]?[人名户家元]")

#: money words: 万/亿 with no unit after one of these means 万元/亿元 (捐款158万)
MONEY_CONTEXT = re.compile(rf"(?:{plain(lexicon('money_words'))})[^，。；,;！？]{{0,6}}$")

#: a measure word we do not count, right after 万/亿 (口罩3.6万只, 粮食1.3万亿斤): not money
MEASURE_AFTER = re.compile(f"[{''.join(lexicon('goods_after'))}]")

#: a word right after 万/亿 with no unit: it names what is counted, so it is not money
NOUN_AFTER = re.compile(r"(?![的用并及和作为余多])[\u4e00-\u9fff]")

#: people words: 万 with no unit after one of these counts people (会员1.2万, 人口1000万以上)
PEOPLE_CONTEXT = re.compile(r"(?:会员|职工|员工|人数|人口|群众|志愿者)[^，。；,;！？]{0,6}$")

#: 万/亿 with no unit before a short noun phrase ending in 人口 counts people (6600多万农村人口)
POPULATION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?人口")
#: 人次 shortly before 万/亿 with no unit: the number counts person-times (出境旅游人次由8300万)
PERSON_TIMES_CONTEXT = re.compile(r"人次[^，。；,;！？\d]{0,4}$")

#: a rate word before a masked number with no unit: 上交费率达到10xxxx
MASKED_RATE_CONTEXT = re.compile(r"率[^，。；,;！？]{0,4}$")

#: organisation nouns that make 个 count organisations (58个基层工会, 分工会9个)
_ORG_NOUNS = alternation(guarded_rows(lexicon("org_nouns")))
ORG_AFTER = re.compile(rf"[^，。；、,;！？\s\d]{{0,12}}?(?:{_ORG_NOUNS})")
#: an organisation noun just before a number ("分工会9个", "“服务明星网点”6个")
ORG_BEFORE = re.compile(rf"(?:{_ORG_NOUNS})[”\"’）)》]?$")

#: 个 with nothing counted after it (the clause ends): 累计达到68个。
GE_BARE_AFTER = re.compile(r"[，。；、,;！？）)\s]|$")
#: what may stand between two 个 figures when the second is a running total of the first
GE_CARRY_GAP = re.compile(
    r"[，,；;、]?(?:累计|总数|总计|合计|共计|目前|现已|已|共|全部|总共)*(?:达到|达|增至|增加到|增加至|为|有)?"
)
#: people nouns that make 个 count people (91个骨干子女); 家庭 makes households
PEOPLE_AFTER = re.compile(
    r"[^，。；、,;！？\s\d]{0,2}?(?:职工|员工|会员|子女|学生|孩子|老人|同志|人员|代表(?!队))"
)
HOUSEHOLD_AFTER = re.compile(r"[^，。；、,;！？\s\d]{0,4}?(?:家庭|困难户)")

_CN_SET = frozenset(CN_NUMERAL_CHARS)


def kind_and_unit(
    text: str, cand: Candidate, unit: str | None, ctx: Candidate, kinds: dict[str, tuple[str, str]],
) -> tuple[str, str, float] | None:
    """(kind, normalised unit, scale) of a candidate; None when it has no usable unit.

    ``ctx`` is the chain member whose unit is used (the candidate itself, or the last
    member of ``1000、500元``): 个 is read from the words around it. ``kinds`` maps units
    to (kind, normalised unit) (:attr:`UnitTables.kinds`).
    """
    if cand.num.startswith("百分之"):
        return "percent", "%", 1.0
    if unit is None:
        return unitless_kind(text, cand)
    if unit == "个":
        return kind_of_ge(text, ctx), "个", 1.0
    if unit == "成" and not all(ch in _CN_SET for ch in cand.num):
        return None
    kind, norm = kinds.get(unit, ("count", unit))
    return kind, norm, 1.0


def unitless_kind(text: str, cand: Candidate) -> tuple[str, str, float] | None:
    """万/亿 with no unit: money after a money word (捐款158万), people after a people word."""
    if not (cand.num.endswith(("万", "亿")) or cand.mult >= 10_000 or cand.masked):
        return None
    if POPULATION_AFTER.match(text, cand.end):
        return "people", "人", 1.0                          # 6600多万农村人口
    if MEASURE_AFTER.match(text, cand.end):
        return None                                         # 口罩2.4万只
    window = text[max(0, cand.start - 12):cand.start]
    if not cand.masked and PERSON_TIMES_CONTEXT.search(window):
        return "person_times", "人次", 1.0                  # 旅游人次由8300万增加到…
    if NOUN_AFTER.match(text, cand.end):
        return None                                         # 1100多万学生
    if cand.masked:
        return masked_kind(window)
    money = MONEY_CONTEXT.search(window)
    people = PEOPLE_CONTEXT.search(window)
    if money and (not people or money.start() >= people.start()):
        return "money", "元", 1.0
    if people:
        return "people", "人", 1.0
    return None


def masked_kind(window: str) -> tuple[str, str, float] | None:
    """A masked number with no unit, read from the words before it.

    ``参赛人数约15xxxx`` → people, ``上交费率达到10xxxx`` → percent, ``捐款15xxxx`` → money.
    """
    if MASKED_RATE_CONTEXT.search(window):
        return "percent", "%", 1.0
    if PEOPLE_CONTEXT.search(window):
        return "people", "人", 1.0
    if MONEY_CONTEXT.search(window):
        return "money", "元", 1.0
    return None


def kind_of_ge(text: str, cand: Candidate) -> str:
    """个 counts organisations before/after an organisation noun, people before a people noun."""
    after = text[cand.end:cand.end + 14]
    if PEOPLE_AFTER.match(after):
        return "people"
    if HOUSEHOLD_AFTER.match(after):
        return "households"
    if ORG_AFTER.match(after) or ORG_BEFORE.search(text, max(0, cand.start - 10), cand.start):
        return "organizations"
    return "count"


def carry_ge_kinds(text: str, found: list[Found]) -> None:
    """A running total in 个 counts what the 个 before it counted (in place).

    ``新建“教工之家”11个，累计达到68个``: 68个 has no noun of its own, only a filler
    (累计达到, 总数达, 增至 …) between it and the 11个 of the same sentence.
    """
    for i in range(1, len(found)):
        fig, prev = found[i], found[i - 1]
        if (fig.unit != "个" or fig.kind != "count" or prev.unit != "个" or prev.kind == "count"
                or not GE_BARE_AFTER.match(text, fig.end)):
            continue
        if GE_CARRY_GAP.fullmatch(text, prev.end, fig.start):
            found[i] = fig._replace(kind=prev.kind)
