"""Page chrome: the lines a web page wraps around a report, found by cues kept as data.

Scraped pages carry a site's title ("……工作总结精选6篇"), breadcrumbs ("当前位置：首页 >
……"), datelines and tool links ("发布日期：……", "[打印] [关闭窗口]"), document-viewer lines
("……总结.docx_第3页", "第3页 / 共9页", "12.5 KB"), copyright and download blurbs, share
links, screen-resolution notes and bylines. None of it is report: such a line becomes a
``noise`` row, never a document, title, heading or body, so no figure, org or year is
read from it.

The cues are the lexicon ``chrome`` (``src/summarylens/lexicons/chrome.tsv``: a regular
expression fragment, its kind, and *where* on a line it is tried; the file's header says
what each ``where`` means). :class:`ChromeCues` builds one pattern per ``where`` from a
lexicon; :func:`read_lexicon` a user's own file and :meth:`Lexicon.extended` let a user
add cues. Lines are checked whole and anchored, so the check costs little per line.

Example::

    >>> chrome_kind("发布日期：2024-03-02 09:15")
    'meta'
    >>> chrome_kind("当前位置：首页 > 工作总结 > 工会")
    'breadcrumb'
    >>> chrome_kind("今年共慰问困难职工36户。") is None
    True
    >>> chrome_prefix_end("第2页共5页镇工会全年工作总结")
    6
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from .lexicons import Lexicon, load
from .patterns import HEADING_FIRST, HEADING_MARKERS

__all__ = [
    "ANY_MAX_CHARS",
    "LONG_MAX_CHARS",
    "SHORT_MAX_CHARS",
    "ChromeCues",
    "chrome_kind",
    "chrome_prefix_end",
    "closes_article",
    "default_cues",
    "is_chrome_line",
]

#: the longest line an ``any`` or ``start`` cue makes chrome (a longer line is prose)
ANY_MAX_CHARS = 160
#: the longest line a ``long`` cue (a site's blurb) makes chrome
LONG_MAX_CHARS = 400
#: the longest line an ``end`` or ``short`` cue makes chrome
SHORT_MAX_CHARS = 60
#: how far from a line's end an ``end`` cue may begin
_END_WINDOW = 40
#: chrome kinds that, after a report's text, may close it (so that prose after them is a fragment)
CLOSING_KINDS = frozenset({"blurb", "toc", "copyright", "download", "credit"})
#: what a line that ends a sentence or clause closes with (see patterns.PROSE_END)
_PROSE_END_CHARS = frozenset("。！？!?；;，,")
#: the ways a cue is tried on a line (see the lexicon header)
WHERE = ("any", "long", "line", "start", "prefix", "end", "short")


def _alternation(cues: list[str]) -> str:
    return "|".join(cues) if cues else r"(?!x)x"


@dataclass(frozen=True)
class ChromeCues:
    """The chrome patterns built from one lexicon (columns cue, kind, where, gate)."""

    rows: tuple[tuple[str, str, str, str], ...]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> ChromeCues:
        """Check the rows of a chrome lexicon and keep them: ``ChromeCues.from_lexicon(load("chrome"))``."""
        rows = []
        for cue, kind, where, gate in zip(lexicon.words, lexicon.column("kind"), lexicon.column("where"),
                                          lexicon.column("gate"), strict=True):
            if where not in WHERE:
                raise ValueError(f"chrome cue {cue!r}: where must be one of {WHERE}, not {where!r}")
            if where in ("any", "long") and not gate:
                raise ValueError(f"chrome cue {cue!r}: an {where!r} cue needs a gate")
            re.compile(cue)  # a broken cue fails here, naming nothing else
            rows.append((cue, kind, where, gate))
        return cls(rows=tuple(rows))

    def _cues(self, where: str) -> list[str]:
        return [cue for cue, _kind, w, _gate in self.rows if w == where]

    @cached_property
    def any_pattern(self) -> re.Pattern[str]:
        """Every ``any`` cue as one pattern (searched)."""
        return re.compile(_alternation(self._cues("any")))

    @cached_property
    def any_gate(self) -> re.Pattern[str]:
        """The gates of the ``any`` cues: where none is found, no ``any`` cue can match."""
        gates = list(dict.fromkeys(gate for _cue, _kind, w, gate in self.rows if w == "any"))
        return re.compile(_alternation(gates))

    @cached_property
    def long_gate(self) -> re.Pattern[str]:
        """The gates of the ``long`` cues."""
        gates = list(dict.fromkeys(gate for _cue, _kind, w, gate in self.rows if w == "long"))
        return re.compile(_alternation(gates))

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        out = {}
        for where in WHERE:
            body = f"(?:{_alternation(self._cues(where))})"
            out[where] = re.compile(body + r"\Z" if where in ("line", "end") else body)
        return out

    def pattern(self, where: str) -> re.Pattern[str]:
        """The cues of one ``where`` as one pattern (``line`` and ``end`` anchored at the line's end)."""
        return self._patterns[where]

    def prefix_end(self, line: str) -> int:
        """Characters of chrome opening ``line`` (a ``prefix`` cue), 0 when none."""
        match = self.pattern("prefix").match(line)
        return match.end() if match else 0

    def is_chrome(self, line: str) -> bool:
        """True when the trimmed ``line`` is page chrome as a whole."""
        return self._where_found(line) is not None

    def kind(self, line: str) -> str | None:
        """The kind of chrome ``line`` is (its first cue's), or None for a line of the report."""
        where = self._where_found(line)
        if where is None:
            return None
        for cue, kind, w, _gate in self.rows:
            if w == where and self._found(cue, where, line):
                return kind
        return None  # pragma: no cover - the joined pattern matched, so one cue does

    def _found(self, cue: str, where: str, line: str) -> bool:
        if where in ("any", "long", "short"):
            return re.search(cue, line) is not None
        if where == "end":
            return re.search(f"(?:{cue})\\Z", line) is not None
        if where == "line":
            return re.fullmatch(f"(?:{cue})", line) is not None
        if where == "prefix":
            return (m := re.match(cue, line)) is not None and m.end() >= len(line)
        return re.match(cue, line) is not None

    @cached_property
    def _gate(self) -> re.Pattern[str]:
        """The gates of the ``any`` and ``long`` cues as one pattern: one scan of a line for both."""
        gates = [gate for _cue, _kind, w, gate in self.rows if w in ("any", "long")]
        return re.compile(_alternation(list(dict.fromkeys(gates))))

    def _where_found(self, line: str) -> str | None:
        """Which kind of cue makes ``line`` chrome ('any', 'start', …), or None."""
        n = len(line)
        if not n:
            return None
        patterns = self._patterns
        if n <= LONG_MAX_CHARS and self._gate.search(line):
            if n <= ANY_MAX_CHARS and self.any_gate.search(line) and self.any_pattern.search(line):
                return "any"
            if self.long_gate.search(line) and patterns["long"].search(line):
                return "long"
        if n <= ANY_MAX_CHARS and patterns["start"].match(line):
            return "start"
        prefix = patterns["prefix"].match(line)
        if prefix and prefix.end() >= n:
            return "prefix"
        if n > SHORT_MAX_CHARS or (line[0] in HEADING_FIRST and any(p.match(line) for _level, p in HEADING_MARKERS)):
            return None
        if patterns["line"].match(line):
            return "line"
        if line[-1] not in _PROSE_END_CHARS:
            if patterns["end"].search(line, max(0, n - _END_WINDOW)):
                return "end"
            if patterns["short"].search(line):
                return "short"
        return None


@cache
def default_cues() -> ChromeCues:
    """The shipped cues (lexicon ``chrome``), built once per process."""
    return ChromeCues.from_lexicon(load("chrome"))


@lru_cache(maxsize=4096)
def is_chrome_line(line: str) -> bool:
    """True for a trimmed line that is page chrome: ``is_chrome_line("字号：大 中 小")`` → True.

    Remembers the last few thousand lines: the splitter and then the segmenter ask about the
    same lines of a file, and the second answer is then a dictionary look-up.
    """
    return default_cues().is_chrome(line)


def chrome_kind(line: str) -> str | None:
    """The chrome kind of a trimmed line ("meta", "viewer", …), None for report text."""
    return default_cues().kind(line)


def chrome_prefix_end(line: str) -> int:
    """Length of page chrome glued to the start of a line ("下载后可任意编辑……"), else 0."""
    return default_cues().prefix_end(line)


def closes_article(line: str) -> bool:
    """True for chrome that closes an article ("返回目录", "本文由……整理"), not a dateline or viewer line."""
    return chrome_kind(line) in CLOSING_KINDS
