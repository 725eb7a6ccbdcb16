"""Numbers that are never figures (SPEC section 2, "Not figures"): every such rule, in one place.

The scanner (:mod:`~summarylens.figures.scan`) asks this module, and only this module,
whether a candidate is no figure: :func:`excluded` for the full test, and three cheap
tests for its fast path (:func:`ordinal_at`, :func:`may_be_excluded_before`,
:func:`unit_rule_clear`) and :func:`drop_list_marker` for enumerations. The rules:

- named numerals: festivals, plans, congresses, slogans, idioms (三八, 十四五, 十九大,
  三个代表, 三番五次 — ``figure_named_numerals`` lexicon);
- ordinals and sessions (第九届, 八届五次, 十三届全国人大五次会议), ranks (前三名) and
  rates (每万人);
- dates and clock times (5月23日, 12时20分), document numbers (〔2024〕12号), list
  markers (1、 （一）), numbers inside a 《title》 and site blurbs (精选4篇);
- Chinese numerals that are words or vague: 零售, the indefinite 一 (有一位), 周三/统一,
  数十人/几十万元, 一两次/三四十家, bare 百/千/万 (百人大合唱, 千家万户);
- pairings (1对1帮扶) and rhetorical counts (突出两个重点, 抓好三件大事 — the
  ``figure_non_figures`` lexicon); institutes named by a number (十四所工会);
- numbers too large to be real (a run of more than 16 digits, or a value of 10¹⁶ or more):
  no amount, headcount or measure of this genre comes near.

Example::

    >>> from summarylens.figures import find_figures
    >>> [f.raw for f in find_figures("第九届职代会召开，突出两个重点，慰问职工30人。")[0]]
    ['30人']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..lexicons import Lexicon
from .numerals import CN_NUMERAL_CHARS, DIGIT_CHARS, MASK_CHARS, is_bare_unit
from .records import Candidate
from .wordlists import alternation, guarded_rows, lexicon, plain

__all__ = [
    "DEFAULT_PATTERNS", "EXCLUSIONS", "MAX_VALUE", "NON_FIGURE_RULES", "ExclusionPatterns", "compile_exclusions",
    "drop_list_marker", "excluded", "may_be_excluded_before", "ordinal_at", "unit_rule_clear",
]

#: the rules of the ``figure_non_figures`` lexicon (its ``rule`` column)
NON_FIGURE_RULES = ("rhetorical_after", "session_after", "site_blurb_before", "glued_before", "name_after")


class ExclusionPatterns(NamedTuple):
    """The exclusion patterns compiled from word lists (see :func:`compile_exclusions`)."""

    named: re.Pattern[str]              # 三八, 十四五, 十九大, 三个代表, 三番五次
    session_after: re.Pattern[str]      # 五次[会议]
    glued_before: re.Pattern[str]       # [周]三, [统]一
    rhetorical_after: re.Pattern[str]   # 两个[重点]
    site_blurb: re.Pattern[str]         # [精选]4篇
    name_after: re.Pattern[str]         # 十四所[工会]


def compile_exclusions(named_numerals: Lexicon, non_figures: Lexicon) -> ExclusionPatterns:
    """The exclusion patterns of a named-numeral lexicon and a non-figure lexicon.

    ``non_figures`` has the columns of ``figure_non_figures`` (word, rule,
    not_preceded_by, not_followed_by); its rules are :data:`NON_FIGURE_RULES`.
    """
    unknown = set(non_figures.column("rule")) - set(NON_FIGURE_RULES)
    if unknown:
        raise ValueError(f"unknown non-figure rules {sorted(unknown)}; known: {', '.join(NON_FIGURE_RULES)}")

    def rule(name: str) -> str:
        return alternation(guarded_rows(non_figures, name))

    return ExclusionPatterns(
        named=re.compile(
            r"[十二][十]?[一二三四五六七八九]?大(?=精神|报告|代表|以来|召开|胜利|确定|提出|部署|和|、|”|」)"
            rf"|{plain(named_numerals)}"
        ),
        session_after=re.compile(f"(?:{rule('session_after')})"),
        glued_before=re.compile(f"(?:{rule('glued_before')})$"),
        rhetorical_after=re.compile(rf"[一二三四五六七八九十零〇0-9０-９]|{rule('rhetorical_after')}|[“「‘\"]"),
        site_blurb=re.compile(f"(?:{rule('site_blurb_before')})[（(]?$"),
        name_after=re.compile(f"(?:{rule('name_after')})"),
    )


#: the exclusion patterns of the shipped lexicons
DEFAULT_PATTERNS = compile_exclusions(lexicon("named_numerals"), lexicon("non_figures"))
#: named numerals: festivals, plans, congresses, slogans (三八, 五一, 十四五, 两争一树 …), idioms
NAMED_NUMERALS = DEFAULT_PATTERNS.named

#: a book or document title holds the number: 《廉洁从业九项准则》, 《十条措施》
IN_TITLE = re.compile(r"《[^》\n]{0,40}$")

#: an ordinal or a session: 第九届, 第3名, 八届五次 (the number right after 第 or 届)
ORDINAL_BEFORE = re.compile(r"(?:第|届)\s*$")
#: last characters of the words before a number that can exclude it (cheap test first)
_EXCLUDING_LAST = frozenset("第届每前后 \u3000")
_D_CHARS = DIGIT_CHARS
_MASK_SET = frozenset(MASK_CHARS)
_CN_SET = frozenset(CN_NUMERAL_CHARS)
#: how far around a number a named numeral is looked for (the longest name is 6 characters)
_NAMED_REACH = 8
#: a session spelled out after its congress: 十三届全国人大五次会议 (届 earlier in the clause)
SESSION_AFTER = DEFAULT_PATTERNS.session_after
SESSION_BEFORE = re.compile(r"届[^，。；,;！？、]{0,10}$")
#: a rate or a rank, not a count: 每万人, 每100名; 前三名, 前10名
RATE_OR_RANK_BEFORE = re.compile(r"(?:每|前|后)$")
#: a vague Chinese count: 数十人, 几十万元, 若干 (no number a researcher could copy)
VAGUE_BEFORE = re.compile(
    r"(?:(?<![总人次户件基参半多少指分倍系函代整负正奇偶岁年天票字位名额数])数|几|若干)$"
)
#: a Chinese numeral glued to the word before it: 周三, 初三, 高三, 星期一, 之一, 统一
CN_GLUED_BEFORE = DEFAULT_PATTERNS.glued_before
#: a date or a clock time: 5月23日, 11年3月, 12时20分, 2023年, 202_年 (the number before 年月日时分)
DATE_OR_TIME_AFTER = re.compile(r"[年月日时分秒号点]")
#: a document number: 湘工发14号文件, 〔2024〕12号, 潭政发9号 (number closed by 号)
DOCUMENT_NUMBER = re.compile(r"(?:发|字|〔[0-9０-９]{4}〕|\[[0-9]{4}\]|\([0-9]{4}\))[0-9０-９]+号")
#: a list marker opening a clause: "1、" "2." "（一）" — a number with no unit before 、
LIST_MARKER_BEFORE = re.compile(r"(?:^|[。！？；;：:\n])[\s\u3000]*[（(]?$")
_LIST_LOOKBACK = 6
#: the indefinite 一 + measure word: 有一位退休教师, 又一次, 一声 (the numeral is 一 alone)
INDEFINITE_ONE = frozenset({"一", "壹"})
#: 一 counts (is not indefinite) when it closes a clause after a noun: 其中省级一等奖一人。
COUNTED_ONE_UNITS = frozenset({"人", "名", "位"})
COUNTED_ONE_AFTER = re.compile(r"[。；;，,）)]|$")
INDEFINITE_BEFORE = re.compile(r"[又有这那每第了是为各再另只仅共]$")
#: rhetorical Chinese counts, not data: 突出两个重点, 加大三个力度, 抓好三项工作, 十件大事
RHETORICAL_AFTER = DEFAULT_PATTERNS.rhetorical_after
#: two Chinese digits in a row give a vague count, not a number: 一两次, 两三人, 三四十家, 七八个
VAGUE_PAIR = re.compile(r"[一二两三四五六七八九]{2}")
#: 对 followed by a number pairs people up, it counts nothing: 1对1帮扶, 一对一, 一对多
PAIRING_AFTER = re.compile(r"[0-9０-９一二两三四五六七八九十多Nn]")
#: measure words after which a Chinese numeral may be rhetorical (个, 项, 条, 件, 大, 种)
RHETORICAL_UNITS = frozenset({"个", "项", "条", "件"})

#: no amount, headcount or measure of the genre comes near this (GDP is about 10¹⁴ 元): a
#: number as large or larger is a run of digits, not a figure (and inf is never a value)
MAX_VALUE = 1e16

#: a site blurb counting the articles of a compilation: (精选4篇), 通用8篇
SITE_BLURB = DEFAULT_PATTERNS.site_blurb

#: the rules of this module by name, each with the pattern it reads (an index for readers and
#: tests: the functions below read these patterns, and the scanner reads only the functions)
EXCLUSIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("named numeral", NAMED_NUMERALS),
    ("ordinal or session", ORDINAL_BEFORE),
    ("session after its congress", SESSION_AFTER),
    ("rate or rank", RATE_OR_RANK_BEFORE),
    ("chinese numeral glued to a word", CN_GLUED_BEFORE),
    ("date or clock time", DATE_OR_TIME_AFTER),
    ("document number", DOCUMENT_NUMBER),
    ("list marker", LIST_MARKER_BEFORE),
    ("site blurb", SITE_BLURB),
    ("inside a title", IN_TITLE),
    ("vague count", VAGUE_BEFORE),
    ("vague pair of digits", VAGUE_PAIR),
    ("pairing", PAIRING_AFTER),
    ("rhetorical chinese count", RHETORICAL_AFTER),
)


def ordinal_at(text: str, cand: Candidate) -> bool:
    """True when the number of ``cand`` is an ordinal or a session: 第九届, 八届五次."""
    at = cand.num_start
    return (cand.start == at and at > 0 and text[at - 1] in _EXCLUDING_LAST
            and ORDINAL_BEFORE.search(text, max(0, at - 3), at) is not None)


def may_be_excluded_before(text: str, start: int) -> bool:
    """True when the words before an Arabic number might exclude it (第, 每, 前, a 《title》).

    The fast path of the scanner asks this first: when it is False, no rule of
    :func:`excluded` can hold for an Arabic number with a plain unit written after it.
    """
    return bool((start and text[start - 1] in _EXCLUDING_LAST)
                or text.find("《", max(0, start - 40), start) >= 0)


def unit_rule_clear(text: str, cand: Candidate, unit: str, pats: ExclusionPatterns) -> bool:
    """True when the rule of 次, 篇 or 对 surely does not exclude ``cand`` (a cheap test).

    次 in a session (五次会议), 篇 in a site blurb (精选4篇), 对 in a pairing (1对1).
    """
    if unit == "次":
        return not pats.session_after.match(text, cand.end)
    if unit == "篇":
        return not pats.site_blurb.search(text[max(0, cand.num_start - 4):cand.num_start])
    if unit == "对":
        return not PAIRING_AFTER.match(text, cand.end)
    return False


def _named(text: str, cand: Candidate, pats: ExclusionPatterns) -> bool:
    """True when a named numeral (三八, 十四五, 三个代表 …) overlaps the number of ``cand``.

    Looked for only in a window around the number (the longest name is 6 characters),
    and only for Chinese numerals: one short search instead of one over the whole text.
    """
    lo, hi = cand.num_start, cand.num_end
    for m in pats.named.finditer(text, max(0, lo - _NAMED_REACH), hi + _NAMED_REACH):
        if m.start() < hi and lo < m.end():
            return True
    return False



def drop_list_marker(text: str, chain: Sequence[Candidate]) -> Sequence[Candidate]:
    """Drop a leading list marker ("2、3万元…" at a clause start) from a chain."""
    first = chain[0]
    if (len(chain) > 1 and first.unit is None and text.startswith("、", first.end)
            and _at_clause_start(text, first.start)):
        return chain[1:]
    return chain


def _at_clause_start(text: str, pos: int) -> bool:
    """True when only blanks or an opening bracket stand between a clause start and ``pos``."""
    lo = max(0, pos - _LIST_LOOKBACK)
    before = text[lo:pos]
    if lo > 0:
        before = "x" + before  # the window does not start the text: ^ must not match
    return LIST_MARKER_BEFORE.search(before) is not None



def excluded(text: str, cand: Candidate, unit: str | None, pats: ExclusionPatterns = DEFAULT_PATTERNS) -> bool:
    """True when a rule of this module says ``cand`` (with ``unit``) is not a figure.

    ``pats`` are the patterns compiled from the word lists (:func:`compile_exclusions`).
    """
    num, start = cand.num, cand.num_start
    before = text[max(0, start - 3):start]
    chinese = not _CN_SET.isdisjoint(num)
    if chinese and _named(text, cand, pats):
        return True                                         # named numeral
    if (cand.start == start and before[-1:] in _EXCLUDING_LAST   # no qualifier word before it
            and _excluded_by_before(before, unit)):
        return True                                         # ordinal, session, rate, rank
    if unit is None:
        if DATE_OR_TIME_AFTER.match(text, cand.num_end):
            return True                                     # date or clock time
        if text.startswith("号", cand.num_end) and DOCUMENT_NUMBER.search(
                text, max(0, start - 12), min(len(text), cand.num_end + 1)):
            return True                                     # document number
    elif unit == "次":
        if pats.session_after.match(text, cand.end) and SESSION_BEFORE.search(
                text, max(0, start - 12), start):
            return True                                     # 十三届全国人大五次会议
    elif unit == "篇":
        if pats.site_blurb.search(text[max(0, start - 4):start]):
            return True                                     # site blurb
    elif unit == "对" and PAIRING_AFTER.match(text, cand.end):
        return True                                         # 1对1帮扶: a pairing
    lo = max(0, start - 40)
    if text.find("《", lo, start) >= 0 and IN_TITLE.search(text, lo, start):
        return True                                         # inside a 《title》
    if not chinese or num[0] in _D_CHARS or num[-1] in _D_CHARS or not _MASK_SET.isdisjoint(num):
        return False
    return _chinese_excluded(text, cand, unit, before, pats)


def _excluded_by_before(before: str, unit: str | None) -> bool:
    """Ordinals and sessions (第九届, 八届五次), rates (每万人) and ranks (前三名)."""
    if ORDINAL_BEFORE.search(before):
        return True
    rate_or_rank = RATE_OR_RANK_BEFORE.search(before) is not None
    return rate_or_rank and (before.endswith("每") or unit == "名")


def _counted_one(text: str, cand: Candidate, unit: str | None) -> bool:
    """一 that counts one person at the end of a clause: ``其中省级一等奖一人。``."""
    return (unit in COUNTED_ONE_UNITS and cand.start == cand.num_start
            and COUNTED_ONE_AFTER.match(text, cand.end) is not None
            and not INDEFINITE_BEFORE.search(text, max(0, cand.start - 1), cand.start))


def _chinese_excluded(
    text: str, cand: Candidate, unit: str | None, before: str, pats: ExclusionPatterns,
) -> bool:
    """Exclusions that only concern Chinese numerals (一 + measure word, 百人大合唱 …)."""
    num = cand.num
    if num[0] in "零〇○":
        return True                                         # 零部件, 零售: a word, not zero
    if num in INDEFINITE_ONE and not _counted_one(text, cand, unit):
        return True                                         # indefinite 一 + measure word
    if pats.glued_before.search(before) and cand.start == cand.num_start:
        return True                                         # glued to a word or a quote
    if VAGUE_BEFORE.search(before):
        return True                                         # 数十人, 几十万元
    if VAGUE_PAIR.match(num):
        return True                                         # 一两次, 两三人, 三四十家
    if is_bare_unit(num) and num != "十" and cand.qualifier == "exact":
        return True                                         # 百人大合唱, 千家万户
    if unit == "所" and pats.name_after.match(text, cand.end):
        return True                                         # 十四所工会: an institute's name
    # 突出两个重点, 加大三个力度: rhetorical, not data
    return unit in RHETORICAL_UNITS and pats.rhetorical_after.match(text, cand.end) is not None

