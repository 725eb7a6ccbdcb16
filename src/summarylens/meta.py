"""Document facts: the title, the reporting organisation, the period and the year.

They are read from the report itself: its title row, its opening (the first body
paragraphs that read as prose, so a "发布日期：……" line left in the body is passed over)
and, for the organisation, the rest of its text when neither names one. Where the title
and the opening disagree the opening wins: a site's title ("2023年工会年度工作总结范文")
over a half-year report that opens "过去的半年里，……" gives the period of the report and
not the title's year. A masked year (``202_年``, ``XX年``, ``20xx年，……``) gives NA, never
a guess; a report that names no period but reads as a year's summary is ``全年``.

Example::

    >>> facts = document_facts("篇2：建设局工会2021年上半年工作总结", "建设局工委根据……")
    >>> (facts.title, facts.org, facts.period, facts.year)
    ('建设局工会2021年上半年工作总结', '建设局工会', '上半年', 2021)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import lexicons
from .figures.numerals import to_ascii
from .patterns import ARTICLE_MARKER, MASKED, SET_ORDINAL

__all__ = ["DocumentFacts", "clean_title", "document_facts", "find_org", "find_period", "find_year", "opening_text"]

#: how much of the opening is searched for a year, period or organisation
OPENING_CHARS = 160
#: a body paragraph shorter than this, or without a comma or a stop, is not the opening
#: ("发布日期：2021-01-05", "各位代表：")
OPENING_MIN_CHARS = 20
#: how much of the body is searched for the organisation when title and opening name none
BODY_CHARS = 4000
#: a year this close to the start of the opening is the report's own ("20xx年，镇工会……")
LEAD_YEAR_CHARS = 8

#: a reporting year, possibly masked: 2023年 / ２０２３年 / 202_年 / XX年 / 20XX年
YEAR = re.compile(r"(?<![0-9０-９])((?:19|20|１９|２０)[0-9０-９]{2}|[0-9０-９]{0,3}[_＿xX×*]{1,4}[0-9０-９]?)\s*年")

#: reporting periods in the order they are tried: the first that matches wins
PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("上半年", re.compile(r"上半年|上半工作|1[-—至~～]6月|一至六月|前半年|半年来|过去的半年|这半年")),
    ("下半年", re.compile(r"下半年|7[-—至~～]12月|七至十二月|后半年")),
    ("季度", re.compile(r"季度")),
    ("月度", re.compile(r"月度|[0-9０-９一二三四五六七八九十]{1,2}月份?工作总结")),
    ("全年", re.compile(r"全年|年度|年终|(?:19|20|１９|２０)[0-9０-９]{2}年(?:[^上下半季月]{0,12})工作总结")),
)

#: the suffixes of a union's name: "……工会", "……工委", "……工会委员会", "……工会小组"
ORG_SUFFIX = r"(?:工会委员会|工会联合会|工会工作委员会|工会小组|总工会|工会|工委)"
#: the characters of a name before its suffix, masks included ("**街道总工会")
ORG_NAME_CHARS = r"[\u4e00-\u9fff（）()·\-A-Za-z0-9*＊_＿×]"


@cache
def org_pattern() -> re.Pattern[str]:
    """An organisation naming itself at a clause start, followed by a word of ``org_followers``."""
    followers = "|".join(re.escape(w) for w in sorted(lexicons.entries("org_followers"), key=len, reverse=True))
    return re.compile(rf"({ORG_NAME_CHARS}{{1,30}}?{ORG_SUFFIX})(?=$|(?:{followers})(?!的)|[0-9０-９_XＸx]|[（(])")


#: leading words of a clause that are not part of an organisation's name
ORG_LEADING_NOISE = re.compile(
    r"^(?:(?:[0-9０-９_＿xX]{2,4}|今|去|本|明)?年(?:度)?|上半年|下半年|全年|年初以来|今年以来|一年来|半年来"
    r"|近年来|[0-9０-９]{4}年|以来|度|第[一二三四]季度|过去的一年(?:里)?|在过去的一年(?:里)?|最新|我们|我|本"
    r"|[0-9０-９]{4}(?![0-9０-９年])|年初|年底|几年来|多年来|一年以来|过去的半年(?:里)?|目前|同时|此外|另外|为此"
    r"|于?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})月(?:份|[0-9０-９]{1,2}[日号])?|[0-9０-９]{1,2}(?=我))+"
)

#: clause openings after which a name is a superior body or an object, not the reporter
#: (the lexicon org_superior_openings; longest first, as an alternation tries them in order)
ORG_SUPERIOR_CONTEXT = re.compile(
    "^(?:" + "|".join(sorted(lexicons.entries("org_superior_openings"), key=len, reverse=True)) + ")"
)
#: the reporting organisation is named in the first few clauses of a report, or not at all
ORG_CLAUSES = 4

#: what is removed from a title row to get the title: the article marker and a set ordinal
TITLE_ORDINAL = re.compile(rf"[ \t\u3000]*{SET_ORDINAL}$")
#: a title that ends in a set ordinal after a report word: "……工作总结一"
NUMBERED_REPORT_TITLE = re.compile(rf"(?:总结|汇报|报告|范文)[ \t\u3000]*{SET_ORDINAL}$")


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What a document says about itself."""

    title: str | None
    org: str | None
    period: str | None
    year: int | None


def document_facts(title_row: str | None, opening: str | None, fragment: bool = False,
                   body: Sequence[str] = ()) -> DocumentFacts:
    """Read title, org, period and year from the title row, the opening and the body.

    ``opening`` is the start of the report (see :func:`opening_text`), ``body`` its
    heading and body rows, read for the organisation when title and opening name none.
    A fragment opens in the middle of someone else's report: its first words are not an
    overview, so only a title (rarely present) is read.

    >>> f = document_facts("2023年工会年度工作总结范文", "过去的半年里，车队工会小组根据公司要求……")
    >>> (f.org, f.period, f.year)
    ('车队工会小组', '上半年', None)
    """
    title = clean_title(title_row) if title_row else None
    head = opening[:OPENING_CHARS] if opening and not fragment else ""
    title_period = find_period(title) if title else None
    head_period = find_period(head) if head else None
    # a site's title over the report: it says a year where the report says a half, or another half
    contradicted = head_period in _PARTS and title_period not in (None, head_period)
    period = head_period if contradicted else (title_period or head_period)
    if period is None and _reads_like_a_year(title, head):
        period = "全年"
    return DocumentFacts(
        title=title,
        org=_org(title, head, () if fragment else body),
        period=period,
        year=_year(None if contradicted else title, head),
    )


#: periods shorter than a year
_PARTS = frozenset({"上半年", "下半年", "季度", "月度"})
#: a title of a report, or an opening that looks back over a year
_REPORT_TITLE = re.compile(r"总结|报告|汇报|年报")
_YEAR_OPENING = re.compile(r"一年|今年|本年|年初|岁末|年终")


def _reads_like_a_year(title: str | None, head: str) -> bool:
    return bool((title and _REPORT_TITLE.search(title)) or (head and _YEAR_OPENING.search(head)))


def opening_text(paragraphs: Sequence[str]) -> str | None:
    """The opening of a report: its first body paragraphs that read as prose, up to OPENING_CHARS.

    >>> opening_text(["发布日期：2021-01-05", "各位代表：", "一年来，学校工会在党支部的领导下做了以下工作。"])
    '一年来，学校工会在党支部的领导下做了以下工作。'
    """
    picked: list[str] = []
    size = 0
    for text in paragraphs:
        if len(text) < OPENING_MIN_CHARS or not _PROSE_MARK.search(text):
            continue
        picked.append(text)
        size += len(text)
        if size >= OPENING_CHARS:
            break
    return "".join(picked) or None


_PROSE_MARK = re.compile(r"[，。；,;]")


def clean_title(row: str) -> str | None:
    """Strip the article marker and set ordinal: "篇1：学校工会工作总结一" → "学校工会工作总结"."""
    text = row.strip(" \t\u3000")
    marker = ARTICLE_MARKER.match(text)
    if marker:
        text = text[marker.end():].strip(" \t\u3000：:")
    if NUMBERED_REPORT_TITLE.search(text):
        text = TITLE_ORDINAL.sub("", text)
    return text or None


def find_period(text: str) -> str | None:
    """The reporting period named in ``text``: "2023年上半年工会工作总结" → "上半年"."""
    for period, pattern in PERIOD_PATTERNS:
        if pattern.search(text):
            return period
    return None


def find_year(text: str) -> int | bool | None:
    """The first year in ``text``: an int, False when it is masked, None when there is none.

    >>> find_year("202_年上半年"), find_year("２０２３年工作总结"), find_year("上半年")
    (False, 2023, None)
    """
    match = YEAR.search(text)
    if match is None:
        return None
    digits = match.group(1)
    if MASKED.search(digits) or not digits.isdigit():
        return False
    return int(to_ascii(digits))


def find_org(text: str) -> str | None:
    """The organisation reporting, as it names itself: "建设局工委根据……" → "建设局工委"."""
    for clause in re.split(r"[，,。；;：:！？、\s]", text)[:ORG_CLAUSES]:
        if not clause or ORG_SUPERIOR_CONTEXT.match(clause):
            continue
        org = _clause_org(clause)
        if org:
            return org
    return None


def _clause_org(clause: str) -> str | None:
    """The organisation a clause opens with, if it names itself: "2020镇工会在……" → "镇工会"."""
    clause = ORG_LEADING_NOISE.sub("", clause)
    if ORG_SUPERIOR_CONTEXT.match(clause):       # "今年在组建……工会" after the time words
        return None
    match = org_pattern().match(clause)
    if match is None:
        return None
    org = match.group(1)
    if org.startswith(("工会", "我")) or _SUPERIOR_NAME.match(org) or _NOT_A_NAME.search(org):
        return None
    return org


#: what a name does not hold: a function word first ("了总工会" from a cut line), 的 inside
#: ("……总体思路和工会"), a year ("现将我局20__年度工会"), 我 after a time word the leading
#: words missed ("本学期我校工会" → "学期我校工会": the report calling itself 我校, not a name)
_NOT_A_NAME = re.compile(r"^[了的与及对把将为向于由被从现以各]|的|我|[0-9０-９_＿xX*]年|年度|[一二三四五六七八九十]是"
                         r"|为|加强|开展|推进|统领|重视|需要|要求|通过|新建|组建|建立")


#: names of superior bodies, never the reporter: "上级工会", "市总工会" is the city's federation
#: when a town's union reports to it, but "区总工会" may report itself, so only these
_SUPERIOR_NAME = re.compile(r"^(?:上级|中华全国|全国|全总|省总|市总)")
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！？、\s]")


def _body_orgs(body: Sequence[str]) -> Counter[str]:
    """How often the body names each organisation at a clause start (in order of first mention)."""
    counts: Counter[str] = Counter()
    size = 0
    for text in body:
        for clause in _CLAUSE_BREAK.split(text):
            if clause and not ORG_SUPERIOR_CONTEXT.match(clause):
                org = _clause_org(clause)
                if org:
                    counts[org] += 1
        size += len(text)
        if size >= BODY_CHARS:
            break
    return counts


@cache
def _generic_org() -> re.Pattern[str]:
    """A name that only says a kind of unit: "学校工会", "镇工会" (lexicon ``org_generic_units``)."""
    units = "|".join(re.escape(w) for w in sorted(lexicons.entries("org_generic_units"), key=len, reverse=True))
    return re.compile(rf"^(?:{units})?(?:总工会|工会|工委)$")


def _org(title: str | None, head: str, body: Sequence[str]) -> str | None:
    """The organisation reporting: the title's, the opening's, else the body's most frequent.

    A name that only says a kind of unit ("学校工会", "县总工会") gives way: a title's to
    the opening's or the body's name, any to a longer name of the body that ends with it
    ("县总工会" → "蒙城县总工会").
    """
    generic = _generic_org()
    from_title = find_org(title) if title else None
    if from_title and not generic.match(from_title):
        return from_title
    org = find_org(head) if head else None
    if org and not generic.match(org):
        return org                      # the body is read only when title and opening fall short
    counts = _body_orgs(body) if body else Counter()
    # over a generic title, a name the body uses once may be a passing mention: it must recur
    recurring = [name for name, n in counts.most_common() if n >= (2 if from_title else 1)]
    org = org or (recurring[0] if recurring else None) or from_title
    if org and generic.match(org):
        longer = [(n, name) for name, n in counts.items()
                  if name.endswith(org) and len(name) > len(org) and not generic.match(name)]
        if longer:
            return max(longer, key=lambda pair: pair[0])[1]
        own = _self_named(body)
        if own and not org.endswith(own):
            return own                  # a template site's title names another kind of unit
    return org


#: a report naming its own union "our bureau's union": 我局工会, 我乡总工会, 我校工会 (the
#: character after 我 is a kind of unit; 我们/我国/我省/我市 are not the reporter)
_SELF_NAMED = re.compile(r"我([局乡镇区县校院司厂所队站行矿处科街])(总工会|工会)")


def _self_named(body: Sequence[str]) -> str | None:
    """The union as the report calls itself, if it does so at least twice: "我局工会" → "局工会".

    A page titled "医院工会工作总结 篇1" over a bureau's report that says "我局工会" three
    times is the bureau's: the title's kind of unit was the site's, not the author's.

    >>> _self_named(["我局工会组织职工……", "年内我局工会共慰问……"])
    '局工会'
    >>> _self_named(["我局工会组织职工……"]) is None
    True
    """
    counts: Counter[str] = Counter()
    size = 0
    for text in body:
        counts.update(unit + suffix for unit, suffix in _SELF_NAMED.findall(text))
        size += len(text)
        if size >= BODY_CHARS:
            break
    name, n = counts.most_common(1)[0] if counts else (None, 0)
    return name if n >= 2 else None


def _year(title: str | None, head: str) -> int | None:
    """The year of the title, else of the opening; one that opens the report wins over the title."""
    lead = find_year(head[:LEAD_YEAR_CHARS + 2]) if head else None
    if lead is False or (lead is not None and head.find("年") <= LEAD_YEAR_CHARS):
        return None if lead is False else int(lead)
    for source in (title, head):
        if source:
            found = find_year(source)
            if found is False:
                return None
            if found is not None:
                return int(found)
    return None
