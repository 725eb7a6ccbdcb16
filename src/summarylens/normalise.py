"""The normalised view every stage reads, and the way back to the original offsets.

Real pages come in traditional script, with ASCII punctuation where the report had
full-width, with spaces a PDF conversion left inside words ("镇工 会", "30 多名") and with
pinyin glosses ("經(jīng)驗"). The stages (split, segment, classify, figures, facts) are
written for plain simplified text, so they read a *view* of the decoded text:

* traditional characters become simplified ones (OpenCC ``t2s``, the maintained
  standard): phrase by phrase where that keeps every line's length, else character by
  character, so one view character stands for one original character;
* ASCII ``, ; : ! ? ( )`` become ``，；：！？（）`` (a comma or colon between digits stays:
  ``1,200``, ``10:30``); full-width digits and Latin letters become ASCII;
* spaces between a number and its unit are dropped ("2021 年" → "2021年", unit characters
  from the ``view_units`` lexicon), and single spaces between Han characters in a
  hard-wrapped line (a line with at least :data:`WRAP_MIN_GAPS` single spaces at the same
  width: a PDF's line ends). Elsewhere a space between Han characters separates a title
  from its text ("……工作总结范文 上半年，……") or fields of a page line, and stays;
* a pinyin gloss after a Han character is dropped: "經(jīng)驗" → "经验".

The view's characters are a subsequence of the original's positions: :attr:`View.kept`
holds, for each view character, the offset of the original character it stands for
(``None`` when nothing was dropped, so offsets are equal). :meth:`View.span` maps a view
span back, so every row keeps ``doc_text[start:end] == text`` on the original text.

Example::

    >>> v = view("2021 年，鎮工會慰問30 多名職工(共5萬元)")
    >>> v.text
    '2021年，镇工会慰问30多名职工（共5万元）'
    >>> s, e = v.span(v.text.index("30多名"), v.text.index("30多名") + 4)
    >>> v.original[s:e]
    '30 多名'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from . import lexicons
from .records import PATH_SEP, Figure, Paragraph
from .segmentation import clean_heading

__all__ = [
    "WRAP_MIN_GAPS", "View", "fold", "identity", "original_figures", "original_paragraphs", "to_simplified", "view",
]

#: a line is hard-wrapped when this many intervals between its single spaces have one width
WRAP_MIN_GAPS = 3
#: the narrowest line a wrapped text is taken to have (shorter intervals are list items)
WRAP_MIN_WIDTH = 16
#: how much the width of a wrapped line may vary (a full-width letter, a shorter last word)
WRAP_SLACK = 3

#: ASCII punctuation and its full-width form in the view
_FOLD_PUNCT = tuple(zip(",;:!?()", "，；：！？（）", strict=True))
_ASCII_PUNCT = ",;:!?()"
#: a comma or colon before a digit (kept when a digit is also before it: ``1,200``, ``10:30``);
#: two patterns that open with a literal, which the engine finds faster than a class
_DIGIT_SEPARATORS = (re.compile(",(?=[0-9０-９])"), re.compile(":(?=[0-9０-９])"))
_DIGITS = frozenset("0123456789０１２３４５６７８９")
#: full-width digits and Latin letters and their ASCII form
_WIDE = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_FOLDED = {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_IS_HAN = re.compile(f"[{_HAN}]")
_SPACE = re.compile(" ")
#: a pinyin syllable (or two) with a tone mark in brackets, right after a Han character
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS_GATE = re.compile(f"（[a-z{_TONED}]")
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{_HAN}])（(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,12}}(?: [a-zü{_TONED}]{{1,12}})?）"
)


@dataclass(frozen=True, slots=True)
class View:
    """A text as the stages read it (``text``) and the original it came from.

    ``kept[i]`` is the original offset of view character ``i``; ``None`` means the view
    dropped nothing, so view and original offsets are the same.
    """

    original: str
    text: str
    kept: np.ndarray | None = None

    def start(self, pos: int) -> int:
        """The original offset where a span starting at view offset ``pos`` starts."""
        if self.kept is None:
            return pos
        return int(self.kept[pos]) if pos < len(self.text) else len(self.original)

    def end(self, pos: int) -> int:
        """The original offset where a span ending at view offset ``pos`` ends (exclusive)."""
        if self.kept is None:
            return pos
        return int(self.kept[pos - 1]) + 1 if pos > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` in the original of the view span ``start:end``.

        The original span holds exactly the characters the view span stands for, plus
        what the view dropped between them ("30 多名" for "30多名"); an empty view span
        maps to an empty original span.
        """
        s = self.start(start)
        return s, max(s, self.end(end))

    def cover(self, start: int, end: int) -> tuple[int, int]:
        """Like :meth:`span`, but for pieces that tile the text (documents of a file).

        Dropped characters go to the piece before them and the ends are the
        original's ends, so consecutive view pieces give consecutive original pieces.
        """
        s = 0 if start == 0 else self.start(start)
        e = len(self.original) if end == len(self.text) else self.start(end)
        return s, e

    def part(self, start: int, end: int, original_start: int, original_end: int) -> View:
        """The view of one piece: view ``start:end`` standing for original ``original_start:original_end``.

        Offsets of the piece's view map into the piece's original (as from :meth:`cover`).
        """
        kept = None if self.kept is None else self.kept[start:end] - original_start
        return View(self.original[original_start:original_end], self.text[start:end], kept)

    def to_view(self, pos: int) -> int:
        """The view offset of original offset ``pos`` (of the next kept character)."""
        if self.kept is None:
            return pos
        return int(np.searchsorted(self.kept, pos))


def identity(text: str) -> View:
    """A view that changes nothing: the stages read ``text`` itself."""
    return View(text, text)


def view(text: str) -> View:
    """The normalised view of ``text`` (see the module docstring)."""
    converted = fold(to_simplified(text))
    drop = _dropped(converted)
    if not drop:
        return View(text, converted)
    keep = np.ones(len(converted), dtype=bool)
    pieces, last = [], 0
    for s, e in drop:
        keep[s:e] = False
        pieces.append(converted[last:s])
        last = e
    pieces.append(converted[last:])
    return View(text, "".join(pieces), np.flatnonzero(keep))


def fold(text: str) -> str:
    """ASCII ``,;:!?()`` to full-width (not between digits), wide digits and letters to ASCII.

    >>> fold("慰问(共3,500元):１２户")
    '慰问（共3,500元）：12户'
    """
    if _WIDE.search(text):
        text = _WIDE.sub(_wide, text)
    if not any(ch in text for ch in _ASCII_PUNCT):
        return text
    kept = sorted(m.start() for pattern in _DIGIT_SEPARATORS for m in pattern.finditer(text)
                  if m.start() > 0 and text[m.start() - 1] in _DIGITS)
    pieces, last = [], 0
    for at in kept:                 # fold between the separators, keep the separators
        pieces.append(_fold_ascii(text[last:at]))
        pieces.append(text[at])
        last = at + 1
    pieces.append(_fold_ascii(text[last:]))
    return "".join(pieces)


def _fold_ascii(text: str) -> str:
    # str.replace runs in C over the whole text; str.translate would look up every character
    for ascii_char, wide_char in _FOLD_PUNCT:
        if ascii_char in text:
            text = text.replace(ascii_char, wide_char)
    return text


def _wide(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def _dropped(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint ``(start, end)`` spans of ``text`` that the view leaves out."""
    spaces = _spaces(text)
    drop = [*_unit_spaces(text, spaces), *_wrap_spaces(text, spaces)]
    if _PINYIN_GLOSS_GATE.search(text):
        drop.extend((m.start(), m.end()) for m in _PINYIN_GLOSS.finditer(text))
    if not drop:
        return []
    drop.sort()
    merged: list[tuple[int, int]] = []
    for s, e in drop:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _spaces(text: str) -> list[int]:
    """Offsets of every space, no-break space and ideographic space, in order."""
    found = [m.start() for m in _SPACE.finditer(text)] if " " in text else []
    for other in ("\u00a0", "\u3000"):
        if other in text:
            found.extend(m.start() for m in re.finditer(other, text))
            found.sort()
    return found


@cache
def _units() -> frozenset[str]:
    return frozenset(lexicons.entries("view_units"))


def _unit_spaces(text: str, spaces: list[int]) -> list[tuple[int, int]]:
    """A single space between a digit and a unit: "30 多名", "2021 年", "5 篇"."""
    units, out, n = _units(), [], len(text)
    for at in spaces:
        if at == 0 or text[at - 1] not in _DIGITS or text[at] == "\u3000":
            continue
        end = at + 1                # one space: a run of two or more may part paragraphs
        if end < n and text[end] in units:
            out.append((at, end))
    return out


def _wrap_spaces(text: str, spaces: list[int]) -> list[tuple[int, int]]:
    """Single spaces between Han characters in hard-wrapped lines: "在 全体教职工"."""
    if len(spaces) < WRAP_MIN_GAPS + 1:
        return []
    n = len(text)
    gaps = [at for at in spaces if 0 < at < n - 1 and not text[at - 1].isspace() and not text[at + 1].isspace()]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(gaps):            # the gaps of one line at a time
        line_end = text.find("\n", gaps[i])
        line_end = n if line_end == -1 else line_end
        j = bisect.bisect_left(gaps, line_end, i)
        line_gaps = gaps[i:j]
        if _is_wrapped(line_gaps):
            out.extend((g, g + 1) for g in line_gaps if _IS_HAN.match(text, g - 1) and _IS_HAN.match(text, g + 1))
        i = j
    return out


def _is_wrapped(gaps: list[int]) -> bool:
    """True when at least WRAP_MIN_GAPS intervals between the gaps have about one width."""
    widths = [b - a for a, b in itertools.pairwise(gaps) if b - a >= WRAP_MIN_WIDTH]
    if len(widths) < WRAP_MIN_GAPS:
        return False
    common = Counter(widths)
    return any(sum(n for w, n in common.items() if abs(w - width) <= WRAP_SLACK) >= WRAP_MIN_GAPS
               for width in common)


# ---------------------------------------------------------------------------
# Rows read on the view, given back in the original's offsets and words
# ---------------------------------------------------------------------------

def original_paragraphs(doc_view: View, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs (read on ``doc_view.text``) with the offsets and words of the original.

    Heading paths are joined from the headings as written: "一、抓工會規範化建設", not the
    simplified "一、抓工会规范化建设" the outline was read on. A row whose words the view
    did not change is given back as it is.
    """
    out: list[Paragraph] = []
    written: dict[str, str] = {}
    original = doc_view.original
    span = _spans(doc_view)
    for p in paragraphs:
        s, e = span(p.start, p.end)
        text = original[s:e]
        if p.kind == "heading" and text != p.text:
            written[clean_heading(p.text)] = clean_heading(text)
        path = p.heading_path
        if path and written:
            path = PATH_SEP.join(written.get(h, h) for h in path.split(PATH_SEP))
        if text == p.text and path == p.heading_path and s == p.start:
            out.append(p)
            continue
        # what ``dataclasses.replace`` gives, in half its time (every field, in order)
        out.append(Paragraph(p.para_id, p.kind, p.level, path, s, e, text,
                             p.role, p.topic, p.topic_score, p.repeated))
    return out


def original_figures(doc_view: View, figures: Sequence[Figure]) -> list[Figure]:
    """The figures (read on ``doc_view.text``) with the offsets, surface and sentence of the original.

    The subject stays as the view reads it (simplified, no stray spaces), so that the
    same subject groups together whatever script a page is in.
    """
    out: list[Figure] = []
    seen: tuple[str, int, str] = ("", -1, "")       # the last sentence: view words, view offset, original
    original = doc_view.original
    span = _spans(doc_view)
    for f in figures:
        s, e = span(f.start, f.end)
        raw = original[s:e]
        sentence = f.sentence
        if sentence:
            if sentence == seen[0] and seen[1] <= f.start and f.end <= seen[1] + len(sentence):
                sentence = seen[2]
            else:
                at = doc_view.text.find(sentence, max(0, f.end - len(sentence)), f.start + len(sentence))
                if at != -1:
                    seen = (sentence, at, original[slice(*span(at, at + len(sentence)))])
                    sentence = seen[2]
        if raw == f.raw and sentence == f.sentence and s == f.start:
            out.append(f)
            continue
        # what ``dataclasses.replace`` gives, in half its time (every field, in order)
        out.append(Figure(raw, s, e, f.value, f.unit, f.kind, f.qualifier, f.masked, f.subject, sentence,
                          f.para_id, f.fig_id, f.topic, f.per, f.money_type))
    return out


def _spans(doc_view: View) -> Callable[[int, int], tuple[int, int]]:
    """:meth:`View.span` for many spans of one view: its offsets read from a list, not the array."""
    if doc_view.kept is None:
        return lambda start, end: (start, end)
    kept = doc_view.kept.tolist()
    n, n_original = len(kept), len(doc_view.original)

    def span(start: int, end: int) -> tuple[int, int]:
        s = kept[start] if start < n else n_original
        e = kept[end - 1] + 1 if end > 0 else 0
        return s, max(s, e)

    return span


# ---------------------------------------------------------------------------
# Traditional to simplified
# ---------------------------------------------------------------------------

def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length: "萬元" → "万元".

    A text is converted only when it holds one of the common traditional characters of
    the ``traditional_gate`` lexicon (a page in traditional script always does; one
    search, and OpenCC is not even loaded for the rest). Then every line holding any
    traditional character is converted, phrase by phrase when that keeps the line's
    length (乾隆 stays, 乾淨 → 干净), else character by character; a stray traditional
    character in a simplified text is left as written.

    >>> to_simplified("慰問困難職工12戶，發放慰問金3萬元")
    '慰问困难职工12户，发放慰问金3万元'
    """
    if _traditional_gate().search(text) is None:
        return text
    gate, table, converter = _opencc()
    hit = gate.search(text)
    pieces, last = [], 0
    while hit is not None:          # convert the line that holds the hit, then look past it
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end == -1 else end
        line = text[start:end]
        phrased = converter.convert(line)
        pieces.append(text[last:start])
        pieces.append(phrased if len(phrased) == len(line) else line.translate(table))
        last = end
        hit = gate.search(text, end)
    pieces.append(text[last:])
    return "".join(pieces)


@cache
def _traditional_gate() -> re.Pattern[str]:
    return re.compile("[" + "".join(lexicons.entries("traditional_gate")) + "]")


@cache
def _opencc() -> tuple[re.Pattern[str], dict[int, str], Any]:
    """(gate, table, converter): OpenCC's t2s, its one-to-one characters, a search for them.

    The table is read off OpenCC itself (every Han character converted alone), so it is
    the maintained standard and not a copy of it.
    """
    import opencc

    converter = opencc.OpenCC("t2s")
    chars = "".join(chr(c) for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
                    for c in range(lo, hi))
    converted = converter.convert("\n".join(chars)).split("\n")
    table = {ord(a): b for a, b in zip(chars, converted, strict=True) if len(b) == 1 and a != b}
    gate = re.compile("[" + "".join(chr(c) for c in sorted(table)) + "]")
    return gate, table, converter
