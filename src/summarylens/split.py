"""Splitting a source file into documents: compilations, nested compilations, fragments.

Template sites bundle several summaries in one page ("精选4篇", "第1篇：", "篇2：",
"【篇三】", "范文二：", "……总结一/二") and sometimes glue on the cut-off tail of another
report after a line such as "精品合同推荐----". The splitter walks the lines once:

* an article marker or numbered title line starts a new document, unless the current
  one has no body yet (so "第1篇：…" followed by "篇1：…" is one leaf: nesting is
  resolved to the leaves);
* page noise after body text ("精品合同推荐----", "本文由……整理", "返回目录") followed by
  prose (not by a marker or title) starts a *fragment*: the cut-off tail of another report;
* a report title line ("某某工会2023年工作总结") after body text starts a new document.

Every character of the file belongs to exactly one document: the page title and
blurb sit in the first document, separators at the end of the one they close.

Example::

    >>> text = ("工会总结（精选2篇）\\n篇一：甲厂工会工作总结\\n今年，甲厂工会……。"
    ...         "\\n篇二：乙校工会工作总结\\n乙校工会……。")
    >>> [text[s.start:s.end].splitlines()[-1] for s in split_documents(text)]
    ['今年，甲厂工会……。', '乙校工会……。']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .chrome import chrome_prefix_end, closes_article, is_chrome_line
from .patterns import (
    ARTICLE_MARKER,
    HEADING_MARKERS,
    LEAD_IN,
    NUMBERED_TITLE,
    NUMBERED_TITLE_GATE,
    PLAIN_HEADING_MAX_CHARS,
    PLAIN_HEADING_WORDS,
    PROSE_END,
    SEPARATOR,
    SEPARATOR_GATE,
    TITLE_WORDS,
    is_signoff,
)
from .records import DocumentSpan

#: A report title is short; a longer line is prose even without a full stop.
TITLE_MAX_CHARS = 48
#: A marker line longer than this carries body text after its title ("篇3：……范文 上半年，……").
MARKER_WITH_BODY_CHARS = 60


# A Line is made for every line of every file, twice (split, then segment): a NamedTuple is
# built in about a third of the time of a frozen dataclass, and is as immutable.
class Line(NamedTuple):
    """One line of text with its offsets; ``text`` excludes the newline."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u3000\ufeff")


def iter_lines(text: str) -> Iterator[Line]:
    """Yield the lines of ``text`` with offsets: ``'甲\\n乙'`` → Line(0,1,'甲'), Line(2,3,'乙')."""
    start = 0
    new_line = tuple.__new__                # a Line without the NamedTuple's Python __new__
    for piece in text.split("\n"):
        end = start + len(piece)
        yield new_line(Line, (start, end, piece))
        start = end + 1


#: what a line that ends its sentence closes with (after any closing quote or bracket)
SENTENCE_END = frozenset("。！？!?；;：:….")
_CLOSERS = "”’\"」』)）"
#: an end of a sentence inside a line: a numbered line holding one is a run-in heading with body
INNER_END = re.compile(r"[。！？!?；;]")
#: white space runs that a conversion left between paragraphs of one line ("……审议。   一年来……")
SPACE_RUN = re.compile(r"[ \t\u3000\xa0]{2,}")
#: a page number a converted document put at the start of each page: "2、" (see _page_cut)
PAGE_NUMBER = re.compile(r"([0-9]{1,3})、")
#: a page number a conversion left on a line of its own: "— 2 —", "- 3 -", "第4页"
PAGE_FOOTER = re.compile(r"[—\-－]\s*[0-9]{1,3}\s*[—\-－]|第\s*[0-9]{1,3}\s*页(?:\s*[/／]?\s*共\s*[0-9]{1,3}\s*页)?")
#: a line this short, with no comma, standing alone, is a headline ("某厂工会开展“送清凉”活动")
HEADLINE_MAX_CHARS = 24
CLAUSE_MARK = re.compile(r"[，,、；;]")
#: a page cut off mid-word is a long line; a short numbered line is a list item
PAGE_CUT_MIN_CHARS = 60


def iter_blocks(text: str) -> Iterator[Line]:
    """The lines as the author wrote them: physical lines cut at runs of spaces, hard wraps joined.

    A line that does not end its sentence joins the next line when that one opens no heading
    ("……组织分会干部" + "学习" + "了总工会……。"); a page number that cut a word ("……开展了爱国卫生月活"
    + "3、动。……") joins too. A joined line's text holds the line break, so offsets stay exact:
    ``[b.text for b in iter_blocks("甲工会组织\n职工学习。")]`` → ``['甲工会组织\n职工学习。']``.
    """
    pending: Line | None = None  # the last piece of the previous physical line
    tail = ""  # its text, trimmed
    physical = ""  # the physical line ``pending`` ends on
    joined = False  # ``pending`` already joins wrapped lines
    footer: Line | None = None  # a page footer ("— 2 —") right after ``pending``, held back
    for line in iter_lines(text):
        content = line.stripped
        if not content:
            if pending is not None:
                yield pending
            if footer is not None:
                yield footer
            pending = footer = None
            continue
        if pending is not None and footer is None and PAGE_FOOTER.fullmatch(content) \
                and tail.rstrip(_CLOSERS)[-1:] not in SENTENCE_END:
            footer = line  # a page break inside a sentence: the paragraph may go on after it
            continue
        pieces = _space_pieces(line) if _has_space_run(content) else [line]
        carried = False
        if pending is not None:
            head = content if len(pieces) == 1 else pieces[0].stripped
            if tail.rstrip(_CLOSERS)[-1:] in SENTENCE_END and not head[:1].isdigit():
                carried = False  # the common case: a sentence ended, and no page number follows
            else:
                carried = _continues(tail, head, physical, joined)
            if carried:
                pieces[0] = Line(pending.start, pieces[0].end, text[pending.start:pieces[0].end])
            else:
                yield pending
                if footer is not None:
                    yield footer
        footer = None
        joined = len(pieces) == 1 and carried
        yield from pieces[:-1]
        pending = pieces[-1]
        tail, physical = (content if len(pieces) == 1 else pending.stripped), content
    if pending is not None:
        yield pending
    if footer is not None:
        yield footer


#: the last text :func:`blocks` was given and its blocks (the text object itself is the key)
_LAST: tuple[str | None, tuple[Line, ...]] = (None, ())
#: a longer text's blocks are read as they come, never held all at once (a 100 MB dump)
REMEMBER_MAX_CHARS = 1_000_000


def blocks(text: str) -> Iterable[Line]:
    """:func:`iter_blocks` of ``text``, remembered for the last text asked about.

    The splitter reads a file's blocks, then the segmenter those of each document: a file
    that is one document whole is the same string object, and its blocks are read once.
    A text longer than :data:`REMEMBER_MAX_CHARS` is not remembered.
    """
    global _LAST
    last = _LAST                            # one read: another thread may replace it
    if text is last[0]:
        return last[1]
    if len(text) > REMEMBER_MAX_CHARS:
        return iter_blocks(text)
    found = tuple(iter_blocks(text))
    _LAST = (text, found)
    return found


def _has_space_run(content: str) -> bool:
    """Whether a trimmed line may hold a run of spaces (plain ``in`` tests, cheaper than a search)."""
    return ("  " in content or "\u3000" in content or "\t" in content or "\xa0" in content) and bool(
        SPACE_RUN.search(content))


def _space_pieces(line: Line) -> list[Line]:
    """A physical line cut where a run of spaces separates two paragraphs."""
    pieces, cursor = [], line.start
    for match in SPACE_RUN.finditer(line.text):
        inside = match.start() > 0 and match.end() < len(line.text)
        if inside and line.text[:match.start()].strip(" \t\u3000\ufeff\xa0"):
            end = line.start + match.start()
            pieces.append(Line(cursor, end, line.text[cursor - line.start:match.start()]))
            cursor = line.start + match.end()
    pieces.append(Line(cursor, line.end, line.text[cursor - line.start:]))
    return [piece for piece in pieces if piece.stripped]


def _continues(line: str, following: str, physical: str, joined: bool) -> bool:
    """True when ``following`` (the next physical line) carries on the paragraph ``line`` wraps.

    ``joined``: ``line`` already joins wrapped lines, so it cannot be a signature line.
    """
    if _page_cut(line, following, physical) or _title_wraps(line, following):
        return True
    if not joined and len(line) <= HEADLINE_MAX_CHARS and not CLAUSE_MARK.search(line):
        return False  # a short line with no comma that is not a wrapped piece: a headline
    return not (_ends_paragraph(line, signature=not joined) or _opens_paragraph(following))


def _title_wraps(line: str, following: str) -> bool:
    """A title broken over two lines: "某县总工会2031年" + "工作总结" (neither half alone a title line)."""
    return (len(line) + len(following) <= TITLE_MAX_CHARS and not PROSE_END.search(line)
            and not _starts_with_heading_marker(line) and not _stands_alone(line)
            and is_title_like(line + following) and not is_article_marker(following))


def _ends_paragraph(line: str, signature: bool = True) -> bool:
    """Nothing of a paragraph follows a sentence end, a heading, a title, a signature or chrome."""
    if line.rstrip(_CLOSERS)[-1:] in SENTENCE_END:
        return True
    if _starts_with_heading_marker(line) and not INNER_END.search(line):
        return True
    # a heading run on after the last sentence ("……手段。 2、发挥民主监督作用") is a heading too
    tail = line[max(line.rfind(end) for end in "。！？!?；;") + 1:].strip(" \t\u3000")
    if tail and tail != line and _starts_with_heading_marker(tail):
        return True
    return _stands_alone(line, signature) or (tail != line and _stands_alone(tail, signature))


def _opens_paragraph(line: str) -> bool:
    # not a signature: a wrapped piece may end like one ("……了总工会"); only what precedes it tells
    return _starts_with_heading_marker(line) or _stands_alone(line, signature=False)


def _stands_alone(line: str, signature: bool = True) -> bool:
    """A title, unnumbered heading, signature or chrome line: a paragraph of its own."""
    return bool(
        is_title_like(line) or is_article_marker(line) or is_plain_heading(line)
        or (signature and is_signoff(line)) or is_separator(line) or is_noise_line(line)
    )


def _page_cut(line: str, following: str, physical: str) -> bool:
    """A page number that cut a word: a long page "1、……困难" then "2、群众……" (each page numbered)."""
    number = PAGE_NUMBER.match(following)
    if number is None or len(line) < PAGE_CUT_MIN_CHARS or not "\u4e00" <= line[-1] <= "\u9fff":
        return False
    previous = PAGE_NUMBER.match(physical)
    return previous is not None and int(number.group(1)) == int(previous.group(1)) + 1


def is_plain_heading(line: str) -> bool:
    """An unnumbered section line: "下半年工作打算", "存在的问题：" (short, no full stop, no lead-in)."""
    if len(line) > PLAIN_HEADING_MAX_CHARS or PROSE_END.search(line):
        return False
    if is_signoff(line) or "特此" in line or LEAD_IN.search(line):
        return False
    return line.endswith(("：", ":")) or bool(PLAIN_HEADING_WORDS.search(line))


def is_article_marker(line: str) -> bool:
    """True for "第2篇：…", "篇一：…", "【篇二】…", "范文3：" and "……工作总结二"."""
    return bool(ARTICLE_MARKER.match(line)
                or (NUMBERED_TITLE_GATE.search(line) and NUMBERED_TITLE.match(line)))


def is_separator(line: str) -> bool:
    """True for a line that is only a site separator such as "精品合同推荐----"."""
    match = SEPARATOR.search(line) if SEPARATOR_GATE.search(line) else None
    return match is not None and len(line) - (match.end() - match.start()) <= 4


def is_noise_line(line: str) -> bool:
    """True for a page line that is not part of any report: chrome, blurbs, credits (lexicon ``chrome``)."""
    return is_chrome_line(line)


def is_title_like(line: str) -> bool:
    """True for a short report title: "建设局工会上半年工作总结" (no full stop, a title word)."""
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and not PROSE_END.search(line)
        and not line.endswith(("：", ":"))
        and bool(TITLE_WORDS.search(line))
        and not _starts_with_heading_marker(line)
    )


def is_report_title(line: str) -> bool:
    """A title that, after body text, opens another report: "某某工会2023年工作总结"."""
    return is_title_like(line) and ("工作总结" in line or "工作汇报" in line or (
        "总结" in line and "工会" in line))


def _starts_with_heading_marker(line: str) -> bool:
    return any(pattern.match(line) for _level, pattern in HEADING_MARKERS)


def split_documents(text: str) -> list[DocumentSpan]:
    """Cut a source file's text into document spans (see the module docstring)."""
    if not text.strip(" \t\n\u3000\ufeff"):
        return []  # an empty source holds no document
    starts: list[tuple[int, bool]] = [(0, False)]  # (file offset, fragment)
    bodied = [False]  # whether each document has a line of text (not only titles and chrome)
    has_body = False
    after_separator = False
    for line in blocks(text):
        content = line.stripped
        if not content:
            continue
        if (cut := chrome_prefix_end(content)) and cut < len(content):
            content = content[cut:].strip(" \t\u3000")  # "下载后可任意编辑某局工会总结……": the rest counts
        if is_article_marker(content):
            if has_body:
                starts.append((line.start, False))
                bodied.append(False)
            has_body = len(content) > MARKER_WITH_BODY_CHARS
            after_separator = False
        elif is_separator(content):
            after_separator = has_body
        elif is_noise_line(content):
            # a blurb or link list after a report may close it; a dateline or viewer line does not
            after_separator = after_separator or (has_body and closes_article(content))
        elif is_title_like(content):
            if has_body and (after_separator or is_report_title(content)):
                starts.append((line.start, False))
                bodied.append(False)
                has_body = False
            after_separator = False
        else:
            if after_separator:
                starts.append((line.start, True))
                bodied.append(False)
                after_separator = False
            has_body = True
        bodied[-1] = bodied[-1] or has_body
    # titles with no text after them ("相关推荐" then linked titles; a page cut off after a
    # title) open no document: they stay with the one before
    starts = [start for n, start in enumerate(starts) if n == 0 or bodied[n]]
    bounds = [offset for offset, _ in starts[1:]] + [len(text)]
    return [
        DocumentSpan(start, end, fragment)
        for (start, fragment), end in zip(starts, bounds, strict=True)
    ]


__all__ = [
    "CLAUSE_MARK",
    "HEADLINE_MAX_CHARS",
    "INNER_END",
    "MARKER_WITH_BODY_CHARS",
    "PAGE_CUT_MIN_CHARS",
    "PAGE_FOOTER",
    "PAGE_NUMBER",
    "REMEMBER_MAX_CHARS",
    "SENTENCE_END",
    "SPACE_RUN",
    "TITLE_MAX_CHARS",
    "Line",
    "blocks",
    "is_article_marker",
    "is_noise_line",
    "is_plain_heading",
    "is_report_title",
    "is_separator",
    "is_title_like",
    "iter_blocks",
    "iter_lines",
    "split_documents",
]
