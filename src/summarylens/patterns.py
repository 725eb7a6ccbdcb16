"""The patterns that find structure: compilation markers, site noise, headings, masks.

Every pattern is compiled once, named, and has a one-line comment of what it catches;
``tests/test_patterns.py`` holds what each must *not* catch. The figure patterns live
in :mod:`summarylens.figures`, next to the code that reads them.

A ``…_GATE`` beside a slow pattern finds, fast, something every match of that pattern
holds; where the gate finds nothing the slow pattern is not searched. (Python's engine
tries a pattern that opens with many alternatives or a lookbehind at every offset; a gate
that opens with a literal or a class lets it skip ahead.) ``tests/test_split.py`` and
``tests/test_segmentation.py`` hold every gate to its pattern.

Example::

    >>> bool(ARTICLE_MARKER.match("【篇二】社区工会上半年工作总结"))
    True
    >>> bool(ARTICLE_MARKER.match("二是加强职工之家建设"))
    False
"""

from __future__ import annotations

import re

#: the Chinese numeral characters of list markers and article ordinals (篇二, 范文十一); the
#: numerals and their values are defined in :mod:`summarylens.figures.numerals`
MARKER_NUMERALS = "一二三四五六七八九十百零〇两"
_NUM = rf"(?:[0-9０-９]{{1,3}}|[{MARKER_NUMERALS}]{{1,4}})"

# ---------------------------------------------------------------------------
# Compilations
# ---------------------------------------------------------------------------

#: an article marker opening a line: 第1篇：… / 篇二：… / 【篇三】… / 范文2：… / 【范文一】 / 文章一：
ARTICLE_MARKER = re.compile(
    rf"^[ \t\u3000]*(?:"
    rf"第{_NUM}篇[：:、.．\s]?"
    rf"|【\s*(?:第?{_NUM}篇|篇{_NUM}|范文{_NUM}|文章{_NUM})\s*】"
    rf"|(?:篇|范文|文章|样本|模板){_NUM}(?:[：:、.．]|[ \t\u3000]+(?=\S))"
    rf"|(?:范文|篇){_NUM}(?=[ \t\u3000]*$)"
    rf")"
)

#: the ordinal of one of a set of reports after its title: "一", "3", "（二）"
SET_ORDINAL = r"(?:[一二三四五六七八九十]{1,2}|[0-9]{1,2}|[（(][一二三四五六七八九十0-9]{1,2}[)）])"

#: a title line numbered as one of a set: "……工作总结一", "……工作总结（二）", "……总结3",
#: "……总结 篇2", "……总结【第三篇】"
NUMBERED_TITLE = re.compile(
    r"^[ \t\u3000]*[^。！？；;，,]{2,40}?(?:总结|汇报|报告|范文)"
    rf"[ \t\u3000]*(?:{SET_ORDINAL}"
    r"|篇[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}|[0-9]{1,2})"
    r"|[【\[（(]?第[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}|[0-9]{1,2})[ \t\u3000]*篇[】\]）)]?)"
    r"[ \t\u3000]*$"
)
#: in every NUMBERED_TITLE match: the report word before its set ordinal (a gate, see below)
NUMBERED_TITLE_GATE = re.compile(r"总结|汇报|报告|范文")

#: a site separator after which a cut-off piece of another report may follow: "精品合同推荐----"
SEPARATOR = re.compile(
    r"(?:精品|热门|相关|更多|猜你喜欢|推荐)[^\n]{0,8}推荐[-—－_=]{2,}"
    r"|(?:精品|热门|相关|更多)[^\n]{0,6}(?:推荐|阅读|文章)[：:]?[-—－_=]{2,}"
)
#: in every SEPARATOR match: the run of dashes that closes it (a gate; spelled out, not
#: ``{2}``: a pattern that opens with a class is the one the engine skips ahead for)
SEPARATOR_GATE = re.compile(r"[-—－_=][-—－_=]")

# ---------------------------------------------------------------------------
# Site noise: the cues of page chrome are data (lexicon ``chrome``), read by
# :mod:`summarylens.chrome`.
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------

#: heading markers by family, each with the SPEC level: 一、=1 （一）=2 1、=3 (1)=4 ①=5
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    # 一、 二． 十二、
    (1, re.compile(r"[一二三四五六七八九十]{1,3}[、．.]")),
    # （一） (二) （十一）
    (2, re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]")),
    # 1、 2. 3． 12、 — not 1.5 (a decimal) nor 1、2 (an enumeration of numbers)
    (3, re.compile(r"[0-9０-９]{1,2}(?:[、．]|\.(?![0-9０-９]))(?![0-9０-９%％])")),
    # (1) （2）
    (4, re.compile(r"[（(][0-9０-９]{1,2}[)）]")),
    # ① ② … ⑳, and ⑴ ⒈ styles
    (5, re.compile(r"[\u2460-\u2473\u2474-\u2487\u2488-\u249b]")),
    # 第一， 第二、 — level 0: one below the enclosing heading (see segment.RELATIVE_LEVEL)
    (0, re.compile(r"第[一二三四五六七八九十]{1,3}[，,、：:](?![0-9０-９])")),
)
#: the characters a heading marker (HEADING_MARKERS) can open with
HEADING_FIRST = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９第"
                          + "".join(map(chr, range(0x2460, 0x249C))))   # ① … ⒛

#: where a run-in heading clause ends: a full stop, or a space gap before more text (not a space
#: beside a digit: "（六）从去年12月22日至 1月21日", "五、2023 年工作打算")
RUN_IN_END = re.compile(r"[。！？!?]|[：:](?=.)|(?<![0-9０-９ \t\u3000])[ \t\u3000]+(?=[^\s0-9０-９])")

#: an item counter inside a paragraph: "，二是……" "。三是……" (一是 starts the series)
SHI_ITEM = re.compile(rf"(?:(?<=^)|(?<=[。；;，,：:！？\s]))(?:[{MARKER_NUMERALS[:10]}]{{1,2}})是(?=[^\s，。,])")
#: in every SHI_ITEM match: the numeral before 是 (a gate)
SHI_GATE = re.compile(r"[一二三四五六七八九十]是")

#: sentence end (or colon) followed by a numbered item starting mid-line: "……手段。 2、发挥……"
MIDLINE_ITEM = re.compile(
    r"(?<=[。；;！？!?：:])[ \t\u3000]*(?="
    r"(?:[0-9０-９]{1,2}[、．](?![0-9０-９])|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,2}[)）]|[\u2460-\u2473])"
    r")"
)

#: a paragraph break the page lost: white space after a sentence end, before more prose
MIDLINE_PARAGRAPH = re.compile(r"(?<=[。！？!?])[ \t\u3000]+(?=[\u4e00-\u9fff“\"《（(0-9０-９])")

#: a short "……工作：" heading run on after a sentence at a line's end: "……反响。 下半年主要工作："
MIDLINE_HEADING = re.compile(r"(?<=[。！？!?])[ \t\u3000]+(?=[^。，,；;：:\n]{2,14}[：:][ \t\u3000]*$)")

#: in every MIDLINE_ITEM, MIDLINE_HEADING and MIDLINE_PARAGRAPH match: the sentence end of
#: its lookbehind, then a blank or the first character of an item marker (a gate)
MIDLINE_GATE = re.compile(r"[。；;！？!?：:][0-9０-９一二三四五六七八九十（( \t\u3000\u2460-\u2473]")

#: An unnumbered line this short, ending in a colon or naming a section, is a heading.
PLAIN_HEADING_MAX_CHARS = 16
#: words of an unnumbered section heading: "下半年工作打算", "存在的问题"
PLAIN_HEADING_WORDS = re.compile(r"工作|问题|打算|计划|不足|体会|措施|成效|方面|情况|思路|设想|建议")
#: a lead-in or salutation ending in a colon, never a heading: "现将主要工作汇报如下：", "各位代表："
LEAD_IN = re.compile(r"如下[：:]$|进行(?:汇报|报告|总结|说明)[：:]$|^(?:各位|尊敬的|同志们)")
#: what a signature line closing a report ends with: "某某公司工会"
SIGNOFF_ENDS = ("工会", "工委", "委员会")
#: a signature or date line closing a report: "某某公司工会", "2023年7月5日"
SIGNOFF_LINE = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十〇零○_Xx]{2,4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{0,3}日?$"
    + "".join(f"|{re.escape(word)}$" for word in SIGNOFF_ENDS)
)
#: where an unanchored branch of SIGNOFF_LINE can match: at the end, or before a last line break
_SIGNOFF_TAILS = tuple(word + end for word in SIGNOFF_ENDS for end in ("", "\n"))


def is_signoff(text: str) -> bool:
    """``SIGNOFF_LINE.search(text)``, without trying every position of a long paragraph.

    The date branch is anchored at the start and the others end the text (``$`` matches
    at the end or before a final line break), so a match at the start or an ending decides.

    >>> is_signoff("红星机械厂工会"), is_signoff("2023年12月28日"), is_signoff("工会组织职工学习。")
    (True, True, False)
    """
    return text.endswith(_SIGNOFF_TAILS) or SIGNOFF_LINE.match(text) is not None

#: words that make a short unnumbered line a report title
TITLE_WORDS = re.compile(r"总结|汇报|报告|工作要点|述职|回顾|范文")

#: sentence-final punctuation: a line ending in it is prose, not a title
PROSE_END = re.compile(r"[。！？!?；;，,]\s*$")

# ---------------------------------------------------------------------------
# Masked values
# ---------------------------------------------------------------------------

#: a value masked by the site: 202_年, XX年, ×××, 15xxxx, ***理论, 10xxxx
MASKED = re.compile(
    r"[0-9０-９]+[_＿]+[0-9０-９]*|[0-9０-９]*[xX×＊*]{2,}[0-9０-９]*|[xX×*]{2,}|[0-9０-９]+[xX]+(?![a-zA-Z])"
)


__all__ = [
    "ARTICLE_MARKER",
    "HEADING_FIRST",
    "HEADING_MARKERS",
    "LEAD_IN",
    "MARKER_NUMERALS",
    "MASKED",
    "MIDLINE_GATE",
    "MIDLINE_HEADING",
    "MIDLINE_ITEM",
    "MIDLINE_PARAGRAPH",
    "NUMBERED_TITLE",
    "NUMBERED_TITLE_GATE",
    "PLAIN_HEADING_MAX_CHARS",
    "PLAIN_HEADING_WORDS",
    "PROSE_END",
    "RUN_IN_END",
    "SEPARATOR",
    "SEPARATOR_GATE",
    "SET_ORDINAL",
    "SHI_GATE",
    "SHI_ITEM",
    "SIGNOFF_ENDS",
    "SIGNOFF_LINE",
    "TITLE_WORDS",
    "is_signoff",
]
