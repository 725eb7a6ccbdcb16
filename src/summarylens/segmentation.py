"""Segmenting one document into title, headings, body paragraphs and noise.

The segmenter reads line by line and never rewrites text: each row is a slice of the
document with surrounding white space trimmed, so ``text[p.start:p.end] == p.text``.

* the head of a document (before its first heading or body line) holds page noise,
  article markers and title lines: the last title line is the ``title``, the rest ``noise``;
* a heading marker (一、 （一） 1、 1. (1) ①) opens a heading of SPEC level 1–5; a run-in
  heading ("1、加强教师队伍建设，……。学校工会引导……") is split into heading and body;
* an enumeration starting mid-line ("……手段。 2、发挥民主监督作用……") opens a new row;
* "一是……；二是……" items inside a paragraph become separate body rows;
* a site separator inside a line ("……建功十一 精品合同推荐----") is cut out as ``noise``.

Example::

    >>> rows = segment_text("工会工作总结\\n一、加强组织建设。今年新建工会3家。")
    >>> [(p.kind, p.level, p.text) for p in rows]
    [('title', None, '工会工作总结'), ('heading', 1, '一、加强组织建设。'), ('body', None, '今年新建工会3家。')]
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from .chrome import chrome_kind, chrome_prefix_end
from .patterns import (
    ARTICLE_MARKER,
    HEADING_FIRST,
    HEADING_MARKERS,
    MIDLINE_GATE,
    MIDLINE_HEADING,
    MIDLINE_ITEM,
    MIDLINE_PARAGRAPH,
    PROSE_END,
    RUN_IN_END,
    SEPARATOR,
    SEPARATOR_GATE,
    SHI_GATE,
    SHI_ITEM,
)
from .patterns import SIGNOFF_LINE as SIGNOFF_LINE  # where sections.roles reads it
from .records import CONTENT_KINDS, PATH_SEP, Paragraph
from .split import (
    blocks,
    is_article_marker,
    is_noise_line,
    is_plain_heading,
    is_separator,
    is_title_like,
)

#: The level of "第一，" headings: one below the enclosing heading, 1 when there is none.
RELATIVE_LEVEL = 0
#: a subtitle line under a report title: "——在公司第三届职代会上的工作报告"
SUBTITLE = re.compile(r"[—－\-]{1,2}")
#: A numbered line whose first clause is longer than this is an item, not a run-in heading.
RUN_IN_HEADING_MAX_CHARS = 40
#: The same for a section marker (一、 （一）), whose headings run longer.
SECTION_RUN_IN_MAX_CHARS = 60
#: A one-sentence 一、/（一） line longer than this is a numbered body item.
SECTION_HEADING_MAX_CHARS = 40
#: A one-clause numbered line (level 3 and deeper) longer than this is a body item.
SHORT_ITEM_MAX_CHARS = 30

_WS = " \t\u3000\ufeff\xa0"
DIGIT = re.compile(r"[0-9０-９]")
#: a number with a measure word, as results are reported: "6户", "1.8万元", "95%"
COUNTED_QUANTITY = re.compile(
    r"[0-9０-９][0-9０-９.．]*\s*[万亿千]?(?:元|人|户|名|个|家|次|场|期|项|件|条|册|份|支|%|％|余|多)"
)
#: a date in a numbered line: "4月16日" (a heading names a task, an item reports an event)
DATE = re.compile(r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}[日号]")
#: a section heading (一、) and, run into it with no punctuation, its first subsection marker
SECTION_FIRST = frozenset("一二三四五六七八九十")
SECTION_MARKER = re.compile(r"[一二三四五六七八九十]{1,3}、")
FIRST_SUBSECTION = re.compile(r"(?<=[\u4e00-\u9fff])[（(]一[)）]")
#: a numbered clause with a comma, this long, that ends a document unfinished was cut off: a body item
CUT_OFF_MIN_CHARS = 20
#: a comma inside a line: a long comma-separated numbered line is a sentence, not a heading
CLAUSE_BREAK = re.compile(r"[，,]")
#: a title run into the first sentence of the report: "……2031年工作总结2031年，……"
GLUED_TITLE = re.compile(
    r"[^。！？；;，,：:\n]{4,40}?(?:总结|报告|汇报|计划|思路|打算|要点)(?=[0-9０-９_＿xX×*]{2,4}[ \t]*年)")
#: a clause ending like an item of a running list ("②开展心理关爱行动；"), not a heading
ITEM_END = re.compile(r"[；;，,、]\s*$")


# The two records below are made for every line of every document: tuples (a NamedTuple
# is built in about a third of the time of a frozen dataclass), private to this module.

class _Row(NamedTuple):
    """A decided row: kind, heading level, span; ``item_level`` for a numbered body item."""

    kind: str
    level: int | None
    start: int
    end: int
    item_level: int | None = None


class _Piece(NamedTuple):
    """A trimmed span of the document and the kind decided for it (None: undecided)."""

    start: int
    end: int
    kind: str | None = None
    #: cut from the middle of a line: a one-sentence numbered piece is then a list item
    midline: bool = False


def segment_text(text: str) -> list[Paragraph]:
    """Segment one document's text into paragraphs (see the module docstring)."""
    pieces = _head_and_body_pieces(text)
    return _assemble(text, pieces)


# ---------------------------------------------------------------------------
# From lines to pieces
# ---------------------------------------------------------------------------

def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``start:end`` past white space (any Unicode space, and a stray BOM)."""
    while start < end and ((ch := text[start]).isspace() or ch == "\ufeff"):
        start += 1
    while end > start and ((ch := text[end - 1]).isspace() or ch == "\ufeff"):
        end -= 1
    return start, end


def _head_and_body_pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    in_head = True
    links = False  # after "相关推荐" and the like, title lines are links to other pages
    for line in blocks(text):
        start, end = _trim(text, line.start, line.end)
        if start == end:
            continue
        content = text[start:end]
        if (cut := chrome_prefix_end(content)) and cut < len(content):
            pieces.append(_Piece(start, start + cut, "noise"))  # "下载后可任意编辑……": the rest is report
            start, end = _trim(text, start + cut, end)
            content = text[start:end]
        if links and (is_title_like(content) or is_noise_line(content)):
            pieces.append(_Piece(start, end, "noise"))  # a title listed under "相关推荐": a link
            continue
        links = not in_head and is_noise_line(content) and chrome_kind(content) == "toc"
        if in_head:
            head = _head_pieces(text, start, end, content)
            if head is not None:
                pieces.extend(head)
                if any(p.kind is None for p in head):
                    in_head = False
                continue
            in_head = False
        pieces.extend(_body_line_pieces(text, start, end, content))
    _mark_title(text, pieces)
    return pieces


def _head_pieces(text: str, start: int, end: int, content: str) -> list[_Piece] | None:
    """Pieces of a head line, or None when the line already is body or a heading."""
    if is_noise_line(content) or is_separator(content):
        return [_Piece(start, end, "noise")]
    if SUBTITLE.match(content) and len(content) <= 60 and not PROSE_END.search(content):
        return [_Piece(start, end, "title?")]
    if is_article_marker(content) or is_title_like(content):
        gap = re.search(r"[ \t\u3000]+", content)
        marker_only = ARTICLE_MARKER.match(content)
        if marker_only and marker_only.end() >= len(content.rstrip()):
            return [_Piece(start, end, "noise")]
        if gap and is_article_marker(content) and len(content) > 48:
            title_end = start + gap.start()
            body_start, _ = _trim(text, title_end, end)
            return [_Piece(start, title_end, "title?"), _Piece(body_start, end)]
        return [_Piece(start, end, "title?")]
    glued = GLUED_TITLE.match(content)
    if glued:  # "某局2031年工作总结2031年，我局……": a title run into the first sentence
        body_start, _ = _trim(text, start + glued.end(), end)
        return [_Piece(start, start + glued.end(), "title?"),
                *_body_line_pieces(text, body_start, end, text[body_start:end])]
    return None


def _mark_title(text: str, pieces: list[_Piece]) -> None:
    """The last title candidate of the head is the title; earlier ones are page noise.

    A subtitle ("——在职代会上的报告") belongs to the title before it and is a title row too.
    """
    candidates = [i for i, p in enumerate(pieces) if p.kind == "title?"]
    mains = [i for i in candidates if not SUBTITLE.match(text, pieces[i].start)] or candidates
    for i in candidates:
        kind = "title" if i == mains[-1] or (i > mains[-1] and SUBTITLE.match(text, pieces[i].start)) else "noise"
        pieces[i] = _Piece(pieces[i].start, pieces[i].end, kind)


def _body_line_pieces(text: str, start: int, end: int, content: str) -> list[_Piece]:
    if is_noise_line(content) or is_separator(content):
        return [_Piece(start, end, "noise")]
    pieces: list[_Piece] = []
    for seg_start, seg_end, is_noise in _cut_separators(text, start, end):
        if is_noise:
            pieces.append(_Piece(seg_start, seg_end, "noise"))
            continue
        for item_start, item_end in _cut_midline_items(text, seg_start, seg_end):
            for a, b in _cut_first_subsection(text, item_start, item_end):
                pieces.append(_Piece(a, b, midline=a > seg_start))
    return pieces


def _cut_first_subsection(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut "一、工作开展情况（一）突出政治引领，……" before its first subsection marker.

    A conversion that lost the line break leaves the section heading run into "（一）"
    with no punctuation between; only a section line (一、) followed by "（一）" is cut.
    """
    if text[start:start + 1] not in SECTION_FIRST or not SECTION_MARKER.match(text, start, end):
        return [(start, end)]
    sub = FIRST_SUBSECTION.search(text, start, end)
    return [(start, sub.start()), (sub.start(), end)] if sub else [(start, end)]


def _cut_separators(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Cut inline site separators out of a line: (start, end, is_noise) spans, trimmed."""
    if not SEPARATOR_GATE.search(text, start, end):
        span = _trim(text, start, end)
        return [(*span, False)] if span[0] < span[1] else []
    spans: list[tuple[int, int, bool]] = []
    cursor = start
    for match in SEPARATOR.finditer(text, start, end):
        spans.append((*_trim(text, cursor, match.start()), False))
        spans.append((match.start(), match.end(), True))
        cursor = match.end()
    spans.append((*_trim(text, cursor, end), False))
    return [span for span in spans if span[0] < span[1]]


def _cut_midline_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut where a numbered item ("……。 2、……") or a lost paragraph ("……。 在……") starts."""
    # Every cut starts right after a sentence end (the patterns' lookbehind), where the gate
    # matches: the patterns are tried there only, not at every position of the line.
    cuts = sorted({m.end() for gate in MIDLINE_GATE.finditer(text, max(0, start - 1), end)
                   for m in _midline_matches(text, gate.start() + 1, end) if m.end() > start})
    if not cuts:
        span = _trim(text, start, end)
        return [span] if span[0] < span[1] else []
    bounds = [start, *cuts, end]
    spans = [_trim(text, a, b) for a, b in itertools.pairwise(bounds)]
    return [span for span in spans if span[0] < span[1]]


def _midline_matches(text: str, at: int, end: int) -> list[re.Match[str]]:
    """The MIDLINE_ITEM, MIDLINE_HEADING and MIDLINE_PARAGRAPH matches starting at ``at``."""
    found = (MIDLINE_ITEM.match(text, at, end), MIDLINE_HEADING.match(text, at, end),
             MIDLINE_PARAGRAPH.match(text, at, end))
    return [m for m in found if m is not None]


# ---------------------------------------------------------------------------
# From pieces to paragraphs
# ---------------------------------------------------------------------------

def heading_level(content: str) -> tuple[int, int] | None:
    """``(level, marker_end)`` when ``content`` opens with a heading marker: "（二）…" → (2, 3)."""
    if content[:1] not in HEADING_FIRST:
        return None
    for level, pattern in HEADING_MARKERS:
        match = pattern.match(content)
        if match:
            return level, match.end()
    return None


def _assemble(text: str, pieces: list[_Piece]) -> list[Paragraph]:
    rows: list[_Row] = []
    for piece in pieces:
        if piece.kind is not None:
            rows.append(_Row(piece.kind, None, piece.start, piece.end))
        else:
            rows.extend(_classify_piece(text, piece.start, piece.end, piece.midline))
    return _with_heading_paths(text, _items_that_head_nothing(text, rows))


def _items_that_head_nothing(text: str, rows: list[_Row]) -> list[_Row]:
    """Numbered sentences that follow each other and head nothing are list items, not headings.

    "1、对新会员的培训不够。" "2、……。" "3、……。" under "存在的问题", each followed by its
    sibling and no body, are body items; one such line alone keeps its heading (a section
    may have nothing to say under it). A long clause cut off at the end of a page ("3、为加强
    ……，按照") is a body item too. Section headings (一、 and unnumbered) are left alone.
    """
    order = [i for i, row in enumerate(rows) if row.kind != "noise"]
    empty: list[int] = []  # rows (indexes into ``rows``) of numbered sentences that head nothing
    demote: set[int] = set()
    for n, i in enumerate(order):
        row = rows[i]
        if row.kind != "heading" or row.level is None or row.level < 2:
            continue
        following = rows[order[n + 1]] if n + 1 < len(order) else None
        heads_nothing = following is None or (
            following.kind == "heading" and following.level is not None
            and following.level != RELATIVE_LEVEL and following.level <= row.level)
        content = text[row.start:row.end]
        if heads_nothing and content[-1] in "。；;！!？?":
            empty.append(n)
        elif (following is None and content[-1] not in "：:" and len(content) > CUT_OFF_MIN_CHARS
              and CLAUSE_BREAK.search(content)):
            demote.add(i)  # cut off at the end of the page
    for a, b in itertools.pairwise(empty):
        if b == a + 1 and rows[order[a]].level == rows[order[b]].level:
            demote.update((order[a], order[b]))
    return [_Row("body", None, r.start, r.end, item_level=r.level) if i in demote else r
            for i, r in enumerate(rows)]


def _classify_piece(text: str, start: int, end: int, midline: bool = False) -> list[_Row]:
    """Decide heading/body for one trimmed piece; split run-in headings and 一是 items."""
    content = text[start:end]
    marker = heading_level(content)
    if marker is None:
        if is_plain_heading(content):
            return [_Row("heading", 1, start, end)]
        return _body_rows(text, start, end)
    level, marker_end = marker
    clause_end = _run_in_clause_end(content, marker_end)
    short = SECTION_HEADING_MAX_CHARS if level in (1, 2) else SHORT_ITEM_MAX_CHARS
    if clause_end is None or clause_end >= len(content):
        reads_as_heading = (len(content) <= short and not _counts_something(content[marker_end:], level)
                            and not ITEM_END.search(content) and not midline)
        if DATE.search(content, marker_end):
            return [_Row("body", None, start, end, item_level=level)]  # "(五)8月26日，……": an event, not a section
        if reads_as_heading or not PROSE_END.search(content):
            return [_Row("heading", level, start, end)]
        return [_Row("body", None, start, end, item_level=level)]
    longest = {RELATIVE_LEVEL: SHORT_ITEM_MAX_CHARS, 1: SECTION_RUN_IN_MAX_CHARS,
               2: SECTION_RUN_IN_MAX_CHARS}.get(level, RUN_IN_HEADING_MAX_CHARS)
    clause = content[marker_end:clause_end]
    if clause_end > longest or _counts_something(clause, level) or DATE.search(clause):
        return _body_rows(text, start, end, item_level=level)
    body_start, body_end = _trim(text, start + clause_end, end)
    heading_end = _trim(text, start, start + clause_end)[1]
    return [_Row("heading", level, start, heading_end), *_body_rows(text, body_start, body_end)]


def _body_rows(text: str, start: int, end: int, item_level: int | None = None) -> list[_Row]:
    return [_Row("body", None, a, b, item_level) for a, b in _cut_shi_items(text, start, end)]


def _counts_something(clause: str, level: int) -> bool:
    """A numbered clause with digits reports a result ("参赛医师78人。"): an item, not a heading.

    Section headings (一、 （一）) may hold years and names with digits ("一、2023年工作回顾"),
    so for them only a counted quantity ("档案6户", "1.8万元") counts.
    """
    pattern = COUNTED_QUANTITY if level in (1, 2) else DIGIT
    return bool(pattern.search(clause))


def _run_in_clause_end(content: str, marker_end: int) -> int | None:
    """Offset just after a run-in heading clause, or None when the line is one clause."""
    position = marker_end
    while position < len(content) and content[position] in _WS:
        position += 1
    match = RUN_IN_END.search(content, position)
    if match is None:
        return None
    matched = match.group()
    end = match.end() if matched.strip(_WS) else match.start()
    rest = content[match.end():].strip(_WS)
    if not rest:
        return None
    return end


def _cut_shi_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut "……，一是……；二是……" into the lead text and one span per item."""
    if not SHI_GATE.search(text, start, end):
        return [(start, end)]
    matches = list(SHI_ITEM.finditer(text, start, end))
    firsts = [m for m in matches if text[m.start()] == "一"]
    if not firsts or not any(text[m.start()] == "二" for m in matches if m.start() > firsts[0].start()):
        return [(start, end)]
    cuts = [m.start() for m in matches if m.start() >= firsts[0].start() and m.start() > start]
    bounds = [start, *cuts, end]
    spans = [_trim(text, a, b) for a, b in itertools.pairwise(bounds)]
    return [span for span in spans if span[0] < span[1] and _has_words(text[span[0]:span[1]])]


def _has_words(content: str) -> bool:
    return any(ch.isalnum() for ch in content)


def clean_heading(content: str) -> str:
    """A heading as it stands in a heading path: "一、送温暖：" → "一、送温暖"."""
    return content.rstrip("。．.，,；;：: \u3000")


def _with_heading_paths(text: str, rows: list[_Row]) -> list[Paragraph]:
    """Number the rows and give each heading and body row its chain of enclosing headings.

    Nesting follows the document, not a fixed order of marker styles: a marker family
    already open in the chain closes back to its sibling ("（二）" after "（一）……1、"); a
    family not yet open nests under the current heading ("(1)" under "②" as well as "②"
    under "(1)"). Only 一、 and unnumbered section headings always start at the top.
    The ``level`` column keeps the SPEC's fixed level per marker family (一、=1 …
    ①=5); "第一，" headings, which SPEC does not rank, get their depth in the chain.
    """
    paragraphs: list[Paragraph] = []
    outline = Outline()
    for row in rows:
        content = text[row.start:row.end]
        family = row.level if row.kind == "heading" else row.item_level
        path, level = outline.step(row.kind, family, content)
        paragraphs.append(Paragraph(
            para_id=len(paragraphs), kind=row.kind, level=level, heading_path=path,
            start=row.start, end=row.end, text=content,
        ))
    return paragraphs


class Outline:
    """The chain of open headings while reading a document's rows in order."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []  # (marker family, heading)

    def step(self, kind: str, family: int | None, content: str) -> tuple[str, int | None]:
        """Read one row; return its heading path and (for a heading) its level."""
        if family is not None:
            self.stack = _close_to(self.stack, family)
        path = PATH_SEP.join(title for _, title in self.stack) if kind in CONTENT_KINDS else ""
        level = None
        if kind == "heading" and family is not None:
            level = len(self.stack) + 1 if family == RELATIVE_LEVEL else family
            self.stack.append((family, clean_heading(content)))
        return path, level


def heading_paths(rows: list[tuple[str, str]]) -> list[str]:
    """Heading paths for ``(kind, text)`` rows of one document, as :func:`segment_text` gives.

    For label files, which keep each row's kind and text but not how it was cut:
    ``heading_paths([("heading", "一、帮扶"), ("body", "慰问12户。")])`` → ``["", "一、帮扶"]``.
    """
    outline = Outline()
    paths = []
    for kind, content in rows:
        marker = heading_level(content)
        family = marker[0] if marker else (1 if kind == "heading" else None)
        paths.append(outline.step(kind, family, content)[0])
    return paths


def _close_to(stack: list[tuple[int, str]], family: int) -> list[tuple[int, str]]:
    """The chain a heading of ``family`` opens under: up to its open sibling, if any."""
    if family == 1:
        return []
    for depth, (open_family, _title) in enumerate(stack):
        if open_family == family:
            return stack[:depth]
    return stack


__all__ = [
    "CLAUSE_BREAK",
    "COUNTED_QUANTITY",
    "CUT_OFF_MIN_CHARS",
    "DATE",
    "DIGIT",
    "FIRST_SUBSECTION",
    "GLUED_TITLE",
    "ITEM_END",
    "RELATIVE_LEVEL",
    "RUN_IN_HEADING_MAX_CHARS",
    "SECTION_FIRST",
    "SECTION_HEADING_MAX_CHARS",
    "SECTION_MARKER",
    "SECTION_RUN_IN_MAX_CHARS",
    "SHORT_ITEM_MAX_CHARS",
    "SUBTITLE",
    "Outline",
    "clean_heading",
    "heading_level",
    "heading_paths",
    "segment_text",
]
