"""Tokens: jieba with the union dictionary, punctuation and whitespace dropped.

    >>> import summarylens as sl
    >>> sl.tokenize("春节期间，慰问困难职工24户。")                  # doctest: +SKIP
    ['春节', '期间', '慰问', '困难职工', '24', '户']
    >>> sl.tokenize("春节期间，慰问困难职工24户。", stopwords=True)   # doctest: +SKIP
    ['春节', '慰问', '困难职工', '24', '户']

:class:`WordTokenizer` holds a private :class:`jieba.Tokenizer` (jieba's global
dictionary is never touched); :func:`tokenize` and :func:`add_words` use one shared per
process, built on first use. A :class:`WordTokenizer` pickles as its options and added
words (the dictionary is rebuilt on load), so ``CountVectorizer(tokenizer=sl.tokenize,
token_pattern=None)`` and pipelines holding a tokenizer pickle too.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import lexicons
from .dictionary import STOCK_PHRASES, DictEntry, add_entries, jieba_tokenizer, read_userdict

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["WordTokenizer", "add_words", "default_tokenizer", "is_word", "stock_phrases", "stopwords", "tokenize"]

#: a letter or digit of any script (what ``str.isalnum`` accepts), found by one regex search
_WORD_CHAR = re.compile(r"[^\W_]")
#: what ``stopwords=`` may be: False/None keep all, True the shipped list, or a collection of words
Stopwords = bool | Collection[str] | None


def is_word(token: str) -> bool:
    """True for a token with a letter or digit in it: punctuation and whitespace are not words.

    >>> [is_word(t) for t in ("职工", "24", "，", " ", "……", "%")]
    [True, True, False, False, False, False]
    """
    return _WORD_CHAR.search(token) is not None


@cache
def stopwords() -> frozenset[str]:
    """The shipped stop words (``lexicons/stopwords.txt``)."""
    return frozenset(lexicons.entries("stopwords"))


@cache
def stock_phrases() -> frozenset[str]:
    """The shipped stock phrases (``lexicons/stock_phrases.txt``), 套话 such as 进一步, 扎实推进."""
    return frozenset(lexicons.entries(STOCK_PHRASES))


def _as_entry(word: str | DictEntry | tuple[Any, ...]) -> DictEntry:
    if isinstance(word, DictEntry):
        return word
    if isinstance(word, str):
        return DictEntry(word)
    word, *rest = word
    freq = rest[0] if rest else None
    pos = rest[1] if len(rest) > 1 else ""
    return DictEntry(str(word), None if freq is None else int(freq), str(pos or ""))


class WordTokenizer:
    """jieba with the union dictionary and the user's words, as a picklable callable.

    ``WordTokenizer(userdict="mine.txt", words=["爱心妈妈小屋"])``; ``tok("……")`` is
    ``tok.tokenize("……")``. ``union=False`` gives plain jieba (for comparisons);
    ``hmm`` is jieba's guessing of words it does not know (on, as in ``jieba.lcut``).
    """

    def __init__(self, *, userdict: str | Path | None = None,
                 words: Iterable[str | DictEntry | tuple[Any, ...]] = (),
                 union: bool = True, hmm: bool = True) -> None:
        self.userdict = None if userdict is None else str(userdict)
        self.union = union
        self.hmm = hmm
        self._added: list[DictEntry] = list(read_userdict(userdict)) if userdict is not None else []
        self._added += [_as_entry(w) for w in words]
        self._jieba: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def jieba(self) -> jieba.Tokenizer:
        """The private jieba tokenizer, built on first use (a second or two: jieba's dictionary)."""
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = jieba_tokenizer(self._added, union=self.union)
        return self._jieba

    @property
    def added(self) -> tuple[DictEntry, ...]:
        """The words added to the shipped dictionary (userdict file, ``words``, :meth:`add_words`)."""
        return tuple(self._added)

    def add_words(self, words: Iterable[str | DictEntry | tuple[Any, ...]] | str) -> None:
        """Add words (``"爱心妈妈小屋"``, ``("职工健康小屋", 500, "nz")`` or :class:`DictEntry`).

        A frequency left out is one at which jieba keeps the word whole
        (:func:`~summarylens.words.dictionary.suggest_frequency`).
        """
        entries = [_as_entry(w) for w in ([words] if isinstance(words, str) else words)]
        self._added += entries
        if self._jieba is not None:
            add_entries(self._jieba, entries)

    def spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(token, start, end)`` for every word of ``text`` (punctuation and whitespace left out)."""
        for token, start, end in self.jieba.tokenize(text, HMM=self.hmm):
            if is_word(token):
                yield token, start, end

    def tokenize(self, text: str, *, stopwords: Stopwords = False, stock_phrases: bool = True) -> list[str]:
        """The words of ``text``: ``stopwords=True`` drops the shipped stop words (or pass your own
        collection), ``stock_phrases=False`` drops the genre's stock phrases."""
        drop = _drop_set(stopwords, stock_phrases)
        cut = self.jieba.cut(text, HMM=self.hmm)
        return [t for t in cut if is_word(t) and t not in drop]

    __call__ = tokenize

    def __getstate__(self) -> dict[str, Any]:
        return {"userdict": self.userdict, "union": self.union, "hmm": self.hmm, "added": self._added}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.userdict, self.union, self.hmm = state["userdict"], state["union"], state["hmm"]
        self._added = list(state["added"])
        self._jieba = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"WordTokenizer(union={self.union}, hmm={self.hmm}, added={len(self._added)} words)"


def _drop_set(stopwords: Stopwords, stock_phrases: bool) -> frozenset[str]:
    drop: frozenset[str] = frozenset()
    if stopwords is True:
        drop = _shipped_stopwords()
    elif stopwords:
        drop = frozenset(stopwords)
    if not stock_phrases:
        drop = drop | _shipped_stock()
    return drop


def _shipped_stopwords() -> frozenset[str]:
    return stopwords()


def _shipped_stock() -> frozenset[str]:
    return stock_phrases()


_DEFAULT: WordTokenizer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_tokenizer() -> WordTokenizer:
    """The process's shared :class:`WordTokenizer` (what :func:`tokenize` and :func:`add_words` use)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = WordTokenizer()
    return _DEFAULT


def tokenize(text: str, *, stopwords: Stopwords = False, stock_phrases: bool = True) -> list[str]:
    """The words of ``text`` by jieba with the union dictionary (see :meth:`WordTokenizer.tokenize`)."""
    return default_tokenizer().tokenize(text, stopwords=stopwords, stock_phrases=stock_phrases)


def add_words(words: Iterable[str | DictEntry | tuple[Any, ...]] | str) -> None:
    """Add words to the shared tokenizer: ``sl.add_words(["爱心妈妈小屋", ("职工健康小屋", 500, "nz")])``."""
    default_tokenizer().add_words(words)
