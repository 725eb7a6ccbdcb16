"""Finding the figures of a paragraph: amounts, headcounts, households, percentages and counts.

:func:`find_figures` reads one heading or body paragraph and returns its figures
(:class:`~summarylens.records.Figure`) and its 共计……其中 groups
(:class:`~summarylens.records.Relation`). It is regex-driven — no segmentation — so it
runs faster than ``jieba.lcut`` over the same text (``bench/figures.py`` measures by how much):
one ``finditer`` finds the numbers, most of them take a fast path (an Arabic number
and a plain unit), and each sentence is cut out once per paragraph.

How a figure is read (SPEC section 2):

- **money** is in yuan: ``3.1055万元`` → 31055, ``近400万元`` → 4000000 (``under``),
  ``捐款158万`` → 1580000 (万 or 亿 with no unit, after a money word, means yuan).
  ``人均500元`` and ``500元/人`` are money.
- **people** 人/名/位 (unit ``人``), **person_times** 人次, **households** 户 (and 户次),
  **organizations** 家, 所, and 个 when it counts unions, branches, units, departments,
  teams or outlets (``58个基层工会``, ``分工会9个``), **percent** ``%``/``％``,
  ``百分之六点九``, ``三成`` (unit ``%``) and ``1.2个百分点`` (kind ``percent``, unit
  ``个百分点``: a change in percent points, kept apart from a level), **count** for the
  other measure words (次, 场, 期, 册, 份, 条, 项, 件, 支, 处, 台, 篇, 节, 组, 门, 本,
  goods such as 袋, 箱, 桶, 把, 栋 …, and 个).
- 个 before a word for people (``91个骨干子女``) counts people; before 家庭 households;
  after or before an organisation noun (工会, 班组, 联合会, 工作室 …) organisations; a
  running total (``11个，累计达到68个``) counts what the 个 before it counted.
- 万/亿 before 人口 counts people (``13亿人口``), before 家庭 households (``2900多万家庭``).
- **measure** for physical units (亩, 平方米, 公里, 米, 吨, 斤, 千瓦, 千瓦时, 立方米, 吨标准煤 …):
  the value in the unit as written, 万/亿 applied, never converted (``1.3万亿斤`` → 1.3e12
  斤, ``100万千瓦`` → 1e6 千瓦). Foreign currency is money in its own unit (``1196亿美元``
  → 1.196e11 美元). An explicit minus sign is kept (``-200万元`` → -2000000).
- Durations (``3天``, ``4个月``, ``3个多月``, ``8小时``, ``40学时``) are not figures.
- Qualifiers: 约/大约/约合/左右/上下/来 → ``approx``; 余/多/以上/超过/逾/上百 →
  ``over``; 近/将近/接近/不到/不足/以下/以内 → ``under``. Prefix qualifiers are part of
  ``raw`` (``近400万元``), and so are trailing 左右/以上 (``10万元左右``).
- An enumeration or a range sharing one unit gives one figure per number:
  ``1000、500元`` → 1000 元 and 500 元; ``3至5名`` → 3 and 5; ``10-15万元`` → 100000
  and 150000 (the first end borrows 万 when it is the smaller number).
- Masked values (``15xxxx元``, ``202_元``, ``9x%``, ``×××元``) are figures with
  ``masked=True`` and ``value=None``.
- Not figures — see :mod:`~summarylens.figures.exclusions`: ordinals and sessions, named numerals and
  idioms (``三番五次``, ``五花八门``), document numbers, dates and clock times, list
  markers, the indefinite 一 + measure word, bare 百/千/万 without a qualifier
  (``百人大合唱``, ``千家万户``), ranks (``前三名``), rates (``每万人``), vague pairs of
  digits (``一两次``, ``三四十家``), pairings (``1对1帮扶``), and rhetorical Chinese
  counts (``突出两个重点``, ``抓好三件事``, ``三个“十条”``).

Example::

    >>> figs, rels = find_figures("共计216人，其中在职职工129人，退休人员87人。")
    >>> [(f.raw, f.value, f.kind) for f in figs]
    [('216人', 216.0, 'people'), ('129人', 129.0, 'people'), ('87人', 87.0, 'people')]
    >>> rels[0].part_fig_ids, rels[0].consistent
    ((1, 2), True)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..records import Figure, Relation
from .exclusions import (
    MAX_VALUE,
    drop_list_marker,
    excluded,
    may_be_excluded_before,
    ordinal_at,
    unit_rule_clear,
)
from .numerals import (
    CN_BIG_UNITS,
    CN_NUMERAL_CHARS,
    DIGIT_CHARS,
    MASK_CHARS,
    MULTIPLIERS,
    arabic_value,
    parse_number,
    parse_plain,
    tidy,
    to_ascii,
)
from .records import Candidate, Found, new_tuple, sentence_bounds
from .relations import find_relations
from .rules import DEFAULT_RULES, FigureRules
from .subjects import meanings
from .units import (
    BIG_NUMBER_NOUNS,
    PREFIX_LAST,
    PREFIX_QUALIFIER,
    QUALIFIER_WORDS,
    SHANG_OK,
    carry_ge_kinds,
    kind_and_unit,
    kind_of_ge,
)

__all__ = ["FIGURE", "JOINER", "RANGE_JOINER", "find_figures"]

_D_CHARS = DIGIT_CHARS
_MASK_SET = frozenset(MASK_CHARS)
_CN_SET = frozenset(CN_NUMERAL_CHARS)

#: one number with its qualifiers and unit, for the shipped units: 400万元 / 300多名 / 十余万元
FIGURE = DEFAULT_RULES.figure

#: what joins the numbers of an enumeration (、 和 及 或) or a range (至, 到, —, -, ~)
JOINER = re.compile(r"、|和|及|或|至|到|——|—|–|－|-|~|～|〜")

#: first characters of JOINER words (a number without unit is kept only before one)
_JOINER_FIRST = frozenset("、和及或至到—–－-~～〜")

#: a range joiner (the rest of JOINER is an enumeration)
RANGE_JOINER = re.compile(r"至|到|——|—|–|－|-|~|～|〜")


#: minus signs: hyphen-minus, full-width hyphen-minus, minus sign
_MINUS = frozenset("-－−")
#: characters a number, a unit or a qualifier can end with: a minus sign after one of
#: these joins a range, it gives no sign (10-15万元, 3万元-5万元, 5%-6%, 20人左右-30人)
_FIGURE_END = (_D_CHARS | _MASK_SET | _CN_SET | frozenset("%％.．多余来右下上内个")
               | frozenset(word[-1] for word in DEFAULT_RULES.unit_kinds)
               | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
#: characters before a number that make :func:`_candidate` look closer: the last
#: characters of prefix qualifiers, Latin letters (G20, iPhone15) and minus signs
_CAND_LOOK_BEFORE = (PREFIX_LAST | _MINUS
                     | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def find_figures(
    text: str, *, offset: int = 0, para_id: int | None = None,
    first_fig_id: int | None = None, topic: str | None = None, rules: FigureRules | None = None,
) -> tuple[list[Figure], list[Relation]]:
    """Figures of one paragraph and its 共计……其中 relations.

    Offsets are into ``text`` (``text[f.start:f.end] == f.raw``); ``para_id``,
    ``fig_id`` and ``topic`` are left None for the pipeline. Relation ids index the
    returned list.

    A caller placing the paragraph in a document can have the figures built in place
    instead of copying each one (``dataclasses.replace`` costs about as much as finding
    the figure): ``offset`` is added to ``start``/``end``, ``para_id`` and ``topic`` are
    set, and with ``first_fig_id`` the figures are numbered from it and the relation ids
    are those ``fig_id`` values.

    Example::

        >>> figs, _ = find_figures("春节期间慰问特困职工家庭24户，计慰问款20100元。")
        >>> [(f.raw, f.value, f.kind, f.subject) for f in figs]
        [('24户', 24.0, 'households', '特困职工家庭'), ('20100元', 20100.0, 'money', '慰问款')]
    """
    if not isinstance(text, str) or not text:
        return [], []
    if rules is None:
        rules = DEFAULT_RULES
    candidates = _scan(text, rules.figure)
    if not candidates:
        return [], []
    found: list[Found] = []
    if len(candidates) == 1:
        found.extend(_chain_figures(text, candidates, rules))
    else:
        for chain in _chains(text, candidates):
            found.extend(_chain_figures(text, chain, rules))
    if not found:
        return [], []
    if len(found) > 1 and text.count("个") > 1:
        carry_ge_kinds(text, found)
    ends = sentence_bounds(text)
    relations = find_relations(text, found, ends)          # on offsets into ``text``
    if first_fig_id and relations:
        relations = [Relation(r.total_fig_id + first_fig_id,
                              tuple(i + first_fig_id for i in r.part_fig_ids),
                              r.parts_sum, r.consistent) for r in relations]
    return _finish_all(text, found, ends, offset, para_id, first_fig_id, topic), relations



def _scan(text: str, figure: re.Pattern[str]) -> list[Candidate]:
    """Candidates of ``text``: every match of ``figure`` (:data:`FIGURE`), left to right.

    A bare number (no qualifier, no unit) is dropped right here unless it may borrow a
    unit from the next number (``1000、500元``) or stand for 万元/a masked value: most
    numerals of prose (年, 月, 一线, 统一 …) never become candidates.
    """
    out: list[Candidate] = []
    n = len(text)
    joiners, masks = _JOINER_FIRST, _MASK_SET
    for m in figure.finditer(text):
        if m.lastindex == 1:                                # only the number matched
            num = m.group(1)
            end = m.end()
            if (num[-1] not in "万亿" and num[0] != "百" and (end >= n or text[end] not in joiners)
                    and masks.isdisjoint(num)):
                continue
        elif m.lastindex == 5 and m.start() and text[m.start() - 1] not in _CAND_LOOK_BEFORE:
            # the common case, a number and its unit (300人, 6.1万元): nothing before it
            # to read (no qualifier word, no Latin letter), nothing to borrow or keep
            num, q1, unit = m.group(1, 2, 5)
            if q1 is None and unit != "个多百分点" and masks.isdisjoint(num):
                start, end = m.span()
                out.append(new_tuple(Candidate, (start, start, start + len(num), end, num, unit,
                                                 "exact", 1.0, False, False)))
                continue
        cand = _candidate(text, m)
        if cand is not None:
            out.append(cand)
    return out



def _candidate(text: str, m: re.Match[str]) -> Candidate | None:
    """A FIGURE match (with the qualifier before it) as a candidate, or None.

    A number with no unit is kept only when it may borrow one (``1000、500元``) or
    mean 万元/a masked value; everything else (years, days, list numbers) stops here.
    """
    num, q1, mult_text, q2, unit, post = m.groups()
    start, end = m.start(), m.end()
    if (unit is None and (mult_text or num[-1] in "万亿") and not post
            and text.startswith(BIG_NUMBER_NOUNS, end)):
        unit, end = text[end:end + 2], end + 2              # 13亿人口, 2900多万家庭
    masked = not _MASK_SET.isdisjoint(num)
    borrows = unit is None and not masked and not mult_text and num[-1] not in "万亿"
    if borrows and num[0] != "百" and (end >= len(text) or text[end] not in _JOINER_FIRST):
        return None
    if start and text[start - 1].isascii() and text[start - 1].isalpha() and num[0] not in _CN_SET:
        return None                                         # G20, No.3, iPhone15
    pre = _prefix(text, start, num) if start and text[start - 1] in PREFIX_LAST else None
    qualifier = "exact"
    for word in (pre, q1, q2, post):
        if word:
            qualifier = QUALIFIER_WORDS[word]
            break
    if unit == "个多百分点":                                 # 5个多百分点: over 5 points
        unit, qualifier = "个百分点", "over" if qualifier == "exact" else qualifier
    mult = 1.0
    if mult_text:
        for ch in mult_text:
            mult *= MULTIPLIERS[ch]
    negative = not pre and _minus_before(text, start, num)
    raw_start = start - len(pre) if pre else start - negative
    return new_tuple(Candidate, (raw_start, start, start + len(num), end,
                                 num, unit, qualifier, mult, masked, negative))


def _minus_before(text: str, start: int, num: str) -> bool:
    """True when an explicit minus sign stands right before an Arabic number: 利润-200万元.

    Not when the sign joins two numbers or figures (a range: ``10-15万元``, ``3万元-5万元``,
    ``2019-2020年``) or follows a Latin letter (``GB-2000``).
    """
    if start == 0 or text[start - 1] not in _MINUS or num[0] not in _D_CHARS:
        return False
    return start == 1 or text[start - 2] not in _FIGURE_END


def _prefix(text: str, start: int, num: str) -> str | None:
    """The qualifier word right before a number, if any: 约, 近, 不到, 超过, 上 (上百) …"""
    if not start or text[start - 1] not in PREFIX_LAST:
        return None
    m = PREFIX_QUALIFIER.search(text, max(0, start - 3), start)
    if m is None:
        return None
    if m.group() == "上" and not SHANG_OK.match(text, start):
        return None
    return m.group()


def _chains(text: str, candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Group candidates joined by 、 or a range joiner into enumerations and ranges."""
    chains: list[list[Candidate]] = []
    prev: Candidate | None = None
    for cand in candidates:
        # a joiner is at most two characters (——): farther candidates never join
        if prev is not None and cand.start - prev.end <= 2 and _joined(text, prev, cand):
            chains[-1].append(cand)
        else:
            chains.append([cand])
        prev = cand
    return chains


def _joined(text: str, left: Candidate, right: Candidate) -> bool:
    """True when ``right`` continues an enumeration or range after ``left``."""
    if right.start != right.num_start and right.qualifier != "exact":
        return False
    gap = text[left.end:right.start]
    if not gap or JOINER.fullmatch(gap) is None:
        return False
    if left.unit is None:
        return True
    # 5%—6%: a range of two complete figures keeps them together (same unit)
    return RANGE_JOINER.fullmatch(gap) is not None and right.unit == left.unit


def _chain_figures(text: str, chain: Sequence[Candidate], rules: FigureRules) -> list[Found]:
    """Figures of one chain: the members borrow the last member's unit (and its 万)."""
    first = chain[0]
    if ordinal_at(text, first):
        return []
    if len(chain) == 1:
        if first.unit is None and not _may_stand_alone(first):
            return []                                       # 一、 alone: a list marker
        fig = _plain_figure(text, first, first.unit, rules) or _figure(text, first, first.unit, 1.0, first, rules)
        return [fig] if fig is not None else []
    chain = drop_list_marker(text, chain)
    last = chain[-1]
    if last.unit is None and not any(_may_stand_alone(c) for c in chain):
        return []                                           # 一、二、: nothing gives a unit
    out: list[Found] = []
    for cand in chain:
        if cand.unit:
            fig = _plain_figure(text, cand, cand.unit, rules) or _figure(text, cand, cand.unit, 1.0, cand, rules)
        else:
            borrowed_mult = 1.0 if cand is last else _borrowed_multiplier(cand, last)
            fig = _figure(text, cand, last.unit, borrowed_mult, last, rules)
        if fig is not None:
            out.append(fig)
    return out


def _may_stand_alone(cand: Candidate) -> bool:
    """True when a number with no unit can still be a figure (百分之…, 158万, a mask)."""
    return (cand.num[-1] in "万亿" or cand.mult >= 10_000 or cand.masked
            or cand.num.startswith("百分之"))



def _borrowed_multiplier(cand: Candidate, last: Candidate) -> float:
    """万/亿 the first end of ``10-15万元`` borrows from the last (only if it is smaller)."""
    if cand.masked or last.masked or any(ch in CN_BIG_UNITS for ch in cand.num):
        return 1.0
    last_num = last.num.rstrip("万亿")
    tail = last.num[len(last_num):]
    if not tail:
        return last.mult if last.mult > 1 else 1.0
    head, own = parse_number(last_num), parse_number(cand.num)
    if head is None or own is None or own > head:
        return 1.0
    scale = 1.0
    for ch in tail:
        scale *= MULTIPLIERS[ch]
    return scale


# =====================================================================================
# One figure
# =====================================================================================


def _figure(
    text: str, cand: Candidate, unit: str | None, borrowed: float, ctx: Candidate, rules: FigureRules,
) -> Found | None:
    """The figure of one candidate with its (possibly borrowed) unit, or None if excluded."""
    if excluded(text, cand, unit, rules.exclusions):
        return None
    kind_unit = kind_and_unit(text, cand, unit, ctx, rules.unit_kinds)
    if kind_unit is None:
        return None
    kind, norm_unit, unit_scale = kind_unit
    value = None if cand.masked else _value(cand, unit, kind)
    if value is None and not cand.masked:
        return None
    if value is not None:
        value = tidy(value * borrowed * unit_scale)
        if not -MAX_VALUE < value < MAX_VALUE:
            return None                                     # a 400-digit string: no figure
        if cand.negative:
            value = -value
    return Found(text[cand.start:cand.end], cand.start, cand.end, value, norm_unit, kind,
                  cand.qualifier, cand.masked)


def _plain_figure(text: str, cand: Candidate, unit: str | None, rules: FigureRules) -> Found | None:
    """Fast path for the common case — an Arabic number and a plain unit written after it
    (``300人``, ``58项``, ``6.1万元``, ``１,２６０条``) with nothing before it that could
    exclude it; None sends it the long way.

    No exclusion can hold for such a number: names, dates, document numbers and the
    Chinese-numeral rules need Chinese digits or no unit; ordinals, rates and titles are
    what :func:`~summarylens.figures.exclusions.may_be_excluded_before` checks.
    """
    num, start = cand.num, cand.num_start
    if unit in rules.plain_units:
        kind, norm = rules.unit_kinds.get(unit) or ("count", unit)
    elif unit == "个":
        kind, norm = "", "个"                                # read from its nouns below
    elif unit is not None and unit_rule_clear(text, cand, unit, rules.exclusions):
        kind, norm = "count", unit                          # 次, 篇, 对 once their checks pass
    else:
        return None
    if cand.mult != 1.0 or cand.negative or num[0] not in _D_CHARS or may_be_excluded_before(text, start):
        return None
    value = float(num) if num.isdigit() and num.isascii() else arabic_value(num)
    if value is None or value >= MAX_VALUE:
        return None
    if not kind:
        kind = kind_of_ge(text, cand)
    return new_tuple(Found, (text[cand.start:cand.end], cand.start, cand.end, value, norm, kind,
                               cand.qualifier, False))



def _value(cand: Candidate, unit: str | None, kind: str) -> float | None:
    """The number of a candidate in base units (percent points for percentages)."""
    num = cand.num
    if num.isascii():
        if num.isdigit():
            return float(num) * cand.mult                  # the common case: 300, 1386
    else:
        num = to_ascii(num)
    if num.startswith("百分之"):
        return parse_plain(num[3:])
    value = parse_plain(num)
    if value is None:
        return None
    value *= cand.mult
    if unit == "成":
        value *= 10
    return value


def _finish_all(
    text: str, found: Sequence[Found], ends: list[int], offset: int = 0,
    para_id: int | None = None, first_fig_id: int | None = None, topic: str | None = None,
) -> list[Figure]:
    """The figures, each with the sentence it stands in, its subject, per-unit word and money type.

    Figures come in text order and often share a sentence: each one is cut out once.
    ``offset``, ``para_id``, ``first_fig_id`` and ``topic`` place them in a document
    (see :func:`find_figures`).
    """
    out: list[Figure] = []
    n_ends, text_len = len(ends), len(text)
    last_i, s, e, sentence = -1, 0, 0, ""
    fig_id = first_fig_id
    for fig, (subject, per, money_type) in zip(found, meanings(text, found, ends), strict=True):
        i = bisect.bisect_right(ends, fig.start)
        if i != last_i:
            s = ends[i - 1] if i > 0 else 0
            e = ends[i] if i < n_ends else text_len
            sentence, last_i = text[s:e].strip(), i
        out.append(Figure(fig.raw, fig.start + offset, fig.end + offset, fig.value, fig.unit,
                          fig.kind, fig.qualifier, fig.masked, subject, sentence,
                          para_id, fig_id, topic, per, money_type))
        if fig_id is not None:
            fig_id += 1
    return out
