"""Document facts: the title, the reporting organisation, the period and the year.

They are read from the title row first, then from the opening body paragraph. A masked
year (``202_年``, ``XX年``) gives NA, never a guess.

Example::

    >>> facts = document_facts("篇2：建设局工会2021年上半年工作总结", "建设局工委根据……")
    >>> (facts.title, facts.org, facts.period, facts.year)
    ('建设局工会2021年上半年工作总结', '建设局工会', '上半年', 2021)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures.numerals import to_ascii
from .patterns import ARTICLE_MARKER, MASKED

#: how much of the opening paragraph is searched for a year, period or organisation
OPENING_CHARS = 160

#: a reporting year, possibly masked: 2023年 / ２０２３年 / 202_年 / XX年 / 20XX年
YEAR = re.compile(r"(?<![0-9０-９])((?:19|20|１９|２０)[0-9０-９]{2}|[0-9０-９]{0,3}[_＿xX×*]{1,4}[0-9０-９]?)\s*年")

#: reporting periods in the order they are tried: the first that matches wins
PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("上半年", re.compile(r"上半年|上半工作|1[-—至~～]6月|一至六月|前半年")),
    ("下半年", re.compile(r"下半年|7[-—至~～]12月|七至十二月|后半年")),
    ("季度", re.compile(r"季度")),
    ("月度", re.compile(r"月度|[0-9０-９一二三四五六七八九十]{1,2}月份?工作总结")),
    ("全年", re.compile(r"全年|年度|年终|(?:19|20|１９|２０)[0-9０-９]{2}年(?:[^上下半季月]{0,12})工作总结")),
)

#: an organisation naming itself: "……工会", "……工委", "……工会委员会", "……工会联合会"
ORG = re.compile(
    r"([\u4e00-\u9fff（）()·\-A-Za-z0-9]{1,30}?(?:工会委员会|工会联合会|工会工作委员会|总工会|工会|工委))"
    r"(?=$|在|根据|围绕|以|坚持|认真|紧紧|结合|按照|全面|深入|把|积极|进一步|各|共|及|和|与|于|立足|聚焦"
    r"|始终|不断|紧扣|上半年|下半年|今年|年度|全年|第|[0-9０-９_XＸx]|工作|[（(])"
)

#: leading words of a clause that are not part of an organisation's name
ORG_LEADING_NOISE = re.compile(
    r"^(?:(?:[0-9０-９_＿xX]{2,4}|今|去|本|明)?年(?:度)?|上半年|下半年|全年|年初以来|今年以来|一年来|半年来"
    r"|近年来|[0-9０-９]{4}年|以来|度|第[一二三四]季度|过去的一年(?:里)?|在过去的一年(?:里)?|最新|我们|我|本)+"
)

#: clause openings after which a name is a superior body or an object, not the reporter
ORG_SUPERIOR_CONTEXT = re.compile(
    r"^(?:在|按照|根据|围绕|认真|贯彻|落实|响应|由|努力|提高|加强|推动|突出|履行|发挥|组织|开展|做好"
    r"|强化|深化|进一步|全面|充分|积极|协助|配合|向|对|为|与|和|经|受)"
)
#: the reporting organisation is named in the first few clauses of a report, or not at all
ORG_CLAUSES = 4

#: what is removed from a title row to get the title: the article marker and a set ordinal
SET_ORDINAL = r"(?:[一二三四五六七八九十]{1,2}|[0-9]{1,2}|[（(][一二三四五六七八九十0-9]{1,2}[)）])"
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


def document_facts(title_row: str | None, opening: str | None, fragment: bool = False) -> DocumentFacts:
    """Read title, org, period and year from the title row and the opening paragraph.

    A fragment opens in the middle of someone else's report: its first words are not an
    overview, so only a title (rarely present) is read.
    """
    title = clean_title(title_row) if title_row else None
    head = opening[:OPENING_CHARS] if opening and not fragment else ""
    sources = [s for s in (title, head) if s]
    return DocumentFacts(
        title=title,
        org=_org(title, head),
        period=_first(find_period, sources),
        year=_year(title, head),
    )


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
        clause = ORG_LEADING_NOISE.sub("", clause)
        match = ORG.match(clause)
        if match:
            org = match.group(1)
            if not org.startswith(("工会", "我")):
                return org
    return None


#: a title's organisation that only names a kind of unit: "企业工会", "学校工会"
GENERIC_ORG = re.compile(r"^(?:企业|学校|公司|单位|机关|社区|医院|银行|基层|事业单位|工厂|最新)?(?:工会|工委)$")


def _org(title: str | None, head: str) -> str | None:
    """The title's organisation, unless it is generic and the opening names a real one."""
    from_title = find_org(title) if title else None
    if from_title and not GENERIC_ORG.match(from_title):
        return from_title
    return (find_org(head) if head else None) or from_title


def _year(title: str | None, head: str) -> int | None:
    for source in (title, head):
        if source:
            found = find_year(source)
            if found is False:
                return None
            if found is not None:
                return int(found)
    return None


def _first(finder, sources: list[str]):  # type: ignore[no-untyped-def]
    for source in sources:
        found = finder(source)
        if found:
            return found
    return None
