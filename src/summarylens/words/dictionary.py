"""The union dictionary and private jieba tokenizers that load it.

jieba cuts this genre's fixed expressions apart: 困难职工 → 困难/职工, 工人先锋号 →
工人/先锋号, 习近平新时代中国特色社会主义思想 → seven pieces. summarylens ships a
dictionary of them as data (``lexicons/union_dict.txt``: word, frequency, part of
speech, field) and the genre's stock phrases (``lexicons/stock_phrases.txt``), and loads
both into a *private* :class:`jieba.Tokenizer`, so that jieba's global dictionary, which
other code in the same process may rely on, is never touched.

    >>> tk = jieba_tokenizer()                        # doctest: +SKIP
    >>> tk.lcut("慰问困难职工和新就业形态劳动者")        # doctest: +SKIP
    ['慰问', '困难职工', '和', '新就业形态劳动者']

For part-of-speech tags (the dictionary's ``pos`` column: ``nz`` programmes and honours,
``nt`` bodies, ``n`` groups and instruments, ``l`` formulas):

    >>> import jieba.posseg
    >>> pos = jieba.posseg.POSTokenizer(jieba_tokenizer())   # doctest: +SKIP
    >>> [(p.word, p.flag) for p in pos.cut("荣获工人先锋号")]   # doctest: +SKIP
    [('荣获', 'v'), ('工人先锋号', 'nz')]

jieba's own format (``word freq pos`` lines) for other tools: :func:`write_jieba_userdict`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import lexicons

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = [
    "UNION_DICT",
    "DictEntry",
    "jieba_tokenizer",
    "read_userdict",
    "suggest_frequency",
    "union_entries",
    "write_jieba_userdict",
]

#: the shipped lexicons the tokenizer loads (entries of the later ones never override the first)
UNION_DICT = "union_dict"
STOCK_PHRASES = "stock_phrases"
#: a dictionary word must beat the best way of cutting it into known pieces by this factor,
#: so that it also survives a neighbour that would like to borrow its first or last character
MARGIN = 1_000
#: bounds of a computed frequency (jieba's own dictionary runs from 1 to about 300,000)
MIN_FREQ, MAX_FREQ = 300, 300_000


@dataclass(frozen=True)
class DictEntry:
    """One word for the tokenizer: ``DictEntry("送温暖", 2_000, "nz", "programme")``.

    ``freq`` None means "compute one" (:func:`suggest_frequency`); ``pos`` may be empty.
    """

    word: str
    freq: int | None = None
    pos: str = ""
    field: str = ""

    def jieba_line(self) -> str:
        """The entry in jieba's user-dictionary format, ``word freq pos``."""
        return " ".join(part for part in (self.word, str(self.freq or ""), self.pos) if part)


def union_entries(names: Iterable[str] = (UNION_DICT, STOCK_PHRASES)) -> tuple[DictEntry, ...]:
    """Entries of the shipped lexicons (union dictionary first, then stock phrases), each word once."""
    seen: set[str] = set()
    out: list[DictEntry] = []
    for name in names:
        for entry in _lexicon_entries(lexicons.load(name)):
            if entry.word not in seen:
                seen.add(entry.word)
                out.append(entry)
    return tuple(out)


def _lexicon_entries(lex: lexicons.Lexicon) -> Iterator[DictEntry]:
    columns = lex.columns
    for row in lex.rows:
        cells = dict(zip(columns, row, strict=True))
        freq = cells.get("freq", "")
        yield DictEntry(word=row[0], freq=int(freq) if freq.isdigit() else None,
                        pos=cells.get("pos", ""), field=cells.get("field", ""))


def read_userdict(path: str | Path) -> tuple[DictEntry, ...]:
    """A user dictionary file: jieba's format (``word [freq] [pos]``, spaces) or a lexicon file (tabs).

    ``#`` lines are comments. A frequency left out is computed when the words are added.

        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        ...     _ = f.write("# 我的词\\n爱心妈妈小屋 nz\\n职工健康小屋 300\\n")
        >>> [(e.word, e.freq, e.pos) for e in read_userdict(f.name)]
        [('爱心妈妈小屋', None, 'nz'), ('职工健康小屋', 300, '')]
        >>> os.unlink(f.name)
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    if "\t" in text:
        return tuple(_lexicon_entries(lexicons.Lexicon.from_text(Path(path).stem, text)))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word, rest = parts[0], parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        out.append(DictEntry(word, freq, rest[0] if rest else ""))
    return tuple(out)


def suggest_frequency(tokenizer: jieba.Tokenizer, word: str, margin: float = MARGIN) -> int:
    """A frequency at which jieba keeps ``word`` whole, by ``margin`` over its best cut.

    jieba picks the path through a sentence that maximises the product of word
    probabilities (frequency / total). The best cut of ``word`` into other dictionary
    words (single characters count 1 when unknown) has probability *p*; a frequency of
    ``margin × p × total`` makes the whole word ``margin`` times likelier than that cut
    — jieba's ``suggest_freq`` logic, with a margin so that the word also wins when a
    neighbouring character would pair with its edge. Never below the word's own
    frequency in ``tokenizer``; bounded by :data:`MIN_FREQ` and :data:`MAX_FREQ`.
    Nothing in ``tokenizer`` changes.
    """
    tokenizer.check_initialized()
    freq = tokenizer.FREQ
    log_total = math.log(tokenizer.total)
    n = len(word)
    # best[i]: log-probability of the best cut of word[i:] that is not word itself
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        candidates = []
        for j in range(i + 1, n + 1):
            if i == 0 and j == n:
                continue
            piece = word[i:j]
            if j == i + 1 or freq.get(piece):
                candidates.append(math.log(freq.get(piece) or 1) - log_total + best[j])
        best[i] = max(candidates) if candidates else -math.inf
    if n < 2:
        return max(freq.get(word) or 0, MIN_FREQ)
    wanted = math.exp(best[0] + log_total) * margin
    return int(max(freq.get(word) or 0, min(max(wanted, MIN_FREQ), MAX_FREQ)))


def jieba_tokenizer(entries: Iterable[DictEntry] | None = None, *, union: bool = True) -> jieba.Tokenizer:
    """A new private :class:`jieba.Tokenizer` with jieba's dictionary, the union dictionary and ``entries``.

    Each call builds its own tokenizer (jieba's default dictionary is read from jieba's
    cache file); jieba's global dictionary is left as it was. ``union=False`` leaves
    the shipped lexicons out (plain jieba plus ``entries``).
    """
    import jieba

    tokenizer = jieba.Tokenizer()
    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    try:
        tokenizer.initialize()
    finally:
        jieba.default_logger.setLevel(level)
    add_entries(tokenizer, (*(union_entries() if union else ()), *(entries or ())))
    return tokenizer


def add_entries(tokenizer: jieba.Tokenizer, entries: Iterable[DictEntry]) -> None:
    """Add words to ``tokenizer`` (a frequency left out is :func:`suggest_frequency`'s)."""
    for entry in entries:
        freq = entry.freq if entry.freq is not None else suggest_frequency(tokenizer, entry.word)
        tokenizer.add_word(entry.word, freq, entry.pos or None)


def write_jieba_userdict(path: str | Path, entries: Iterable[DictEntry] | None = None) -> Path:
    """Write entries (default: the shipped union dictionary and stock phrases) in jieba's format.

    The file loads with ``jieba.load_userdict(path)`` or a tokenizer's ``load_userdict``.
    """
    path = Path(path)
    lines = [entry.jieba_line() for entry in (union_entries() if entries is None else entries)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
