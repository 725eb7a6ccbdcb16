"""Tagged words of a clause: the tokenizers :mod:`summarylens.phrases` reads subjects from.

:class:`LexiconTagger` (the default) cuts a text by longest match on the ``subject_words``
lexicon (verbs, time words, fillers, function words, per-unit words, nouns that begin like a
verb) and the union dictionary's words, reading every other Chinese character as noun
material (tag ``x``); :class:`JiebaTagger` runs jieba's part-of-speech tagger instead, on a
private tokenizer. Both return :class:`Token` tuples and cache their results per text.

Which one chooses the subjects of the figures a corpus reader finds is the user's choice,
by name (:data:`SUBJECT_TAGGERS`): ``read_corpus(..., subject_tagger="jieba")`` or
``summarylens extract --subject-tagger jieba`` run their work inside
:func:`using_subject_tagger`, and :func:`active_tagger` is what the chooser asks for. The
lexicon tagger stays the default: it scores as well or better on the hand-labelled
subjects and costs no jieba dictionary load per process (README, "Subjects of figures").

Example::

    >>> [tuple(t) for t in LexiconTagger().tag("春节期间发放慰问金")]
    [('春节期间', 't'), ('发放', 'v'), ('慰问金', 'n')]
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from functools import lru_cache
from typing import NamedTuple, Protocol

from .lexicons import Lexicon, load

__all__ = [
    "PERSON_TAGS", "SUBJECT_TAGGERS", "JiebaTagger", "LexiconTagger", "Tagger", "Token",
    "active_tagger", "active_tagger_name", "check_subject_tagger", "default_tagger", "jieba_tagger",
    "set_subject_tagger", "tagger_named", "using_subject_tagger",
]

#: tags of people nouns (职工, 干部职工): the doers before a verbal noun
PERSON_TAGS = frozenset({"np"})
#: quotes and title marks, kept as punctuation
_QUOTES = frozenset("“”\"‘’《》〈〉「」『』")


class Token(NamedTuple):
    """One word of a clause and its tag."""

    word: str
    tag: str



class Tagger(Protocol):
    """Anything that cuts a text into tagged words: ``tag("发放慰问金")``."""

    def tag(self, text: str) -> tuple[Token, ...]: ...


def _tag_of_char(ch: str) -> str:
    if ch.isdigit() or ch in ".．%％":
        return "m"
    if "\u4e00" <= ch <= "\u9fff":
        return "x"
    if ch in _QUOTES or ch in "、":
        return "w"
    return "w" if not ch.isalnum() else "x"


class LexiconTagger:
    """Longest-match cutting on a tagged word list; unknown Chinese characters are noun material.

    ``words`` is a lexicon with ``word`` and ``tag`` columns (default: the shipped
    ``subject_words``); a user adds words with :meth:`Lexicon.extended`. Results are
    cached per text (clauses repeat across a corpus).

        >>> [tuple(t) for t in LexiconTagger().tag("发放慰问金")]
        [('发放', 'v'), ('慰问金', 'n')]
    """

    def __init__(self, *, words: Lexicon | None = None, union: bool = True, cache_size: int = 65536) -> None:
        lexicon = words if words is not None else load("subject_words")
        own = dict(zip(lexicon.words, lexicon.column("tag"), strict=True))
        people = tuple(w for w, t in own.items() if t in PERSON_TAGS)
        self.tags: dict[str, str] = {       # a union noun for people (干部职工) is a doer too
            w: "np" if t == "n" and w.endswith(people) else t
            for w, t in (_union_tags() if union else {}).items()}
        self.tags.update(own)
        self.longest = max((len(w) for w in self.tags), default=1)
        lengths: dict[str, set[int]] = {}
        for w in self.tags:
            if len(w) > 1:
                lengths.setdefault(w[0], set()).add(len(w))
        #: for each first character, the lengths of the words that start with it, longest first
        self.lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}
        self.tag = lru_cache(maxsize=cache_size)(self._tag)

    def _tag(self, text: str) -> tuple[Token, ...]:
        tags, lengths = self.tags, self.lengths
        out: list[Token] = []
        i, n = 0, len(text)
        while i < n:
            for size in lengths.get(text[i], ()):
                if size > n - i:
                    continue
                word = text[i:i + size]
                tag = tags.get(word)
                if tag is not None:
                    out.append(Token(word, tag))
                    i += size
                    break
            else:
                ch = text[i]
                if ch == "每" and i + 1 < n and "\u4e00" <= text[i + 1] <= "\u9fff":
                    out.append(Token(text[i:i + 2], "per"))     # 每晚, 每条: a per-unit word
                    i += 2
                    continue
                tag = tags.get(ch) or _tag_of_char(ch)
                if tag == "x" and out and out[-1].tag == "m":
                    tag = "q"                                    # 15[元]: the unit of a number
                out.append(Token(ch, tag))
                i += 1
        return tuple(out)


#: the union dictionary's and stock phrases' tags read as this module's (phrases are nouns)
_UNION_TAGS = {"nz": "n", "nt": "n", "n": "n", "l": "n", "vn": "vn", "v": "v", "d": "d", "c": "c"}


def _union_tags() -> dict[str, str]:
    """Words of the shipped union dictionary (``union_dict``) and stock phrases
    (``stock_phrases``, verbs and adverbs such as 扎实推进) with their tags."""
    out: dict[str, str] = {}
    for name in ("union_dict", "stock_phrases"):
        lex = load(name)
        for word, pos in zip(lex.words, lex.column("pos"), strict=True):
            tag = _UNION_TAGS.get(pos)
            if tag and word not in out:
                out[word] = "d" if name == "stock_phrases" and tag == "n" else tag
    return out


class JiebaTagger:
    """jieba's part-of-speech tagger on a private tokenizer (jieba's global one is untouched).

    Built lazily, once per process, on first use: a private ``jieba.Tokenizer`` with
    jieba's dictionary and the shipped union dictionary
    (:func:`summarylens.words.dictionary.jieba_tokenizer`), the words of ``words`` added
    with their tags (so that 慰问金 is one noun), and a ``jieba.posseg.POSTokenizer`` over
    it, run with HMM off. Tags are jieba's
    (``n``, ``v``, ``vn``, ``t`` …); the lexicon's own tags win for its words.
    """

    def __init__(self, *, words: Lexicon | None = None, hmm: bool = False, cache_size: int = 65536) -> None:
        self.words = words
        self.hmm = hmm
        self._pos: object | None = None
        self._lock = threading.Lock()
        self._tags: dict[str, str] = {}
        self.tag = lru_cache(maxsize=cache_size)(self._tag)

    def _tokenizer(self) -> object:
        with self._lock:
            if self._pos is None:
                import jieba.posseg

                from .words.dictionary import DictEntry, jieba_tokenizer

                lexicon = self.words if self.words is not None else load("subject_words")
                self._tags = dict(zip(lexicon.words, lexicon.column("tag"), strict=True))
                mine = [DictEntry(word, None, tag) for word, tag in self._tags.items() if len(word) > 1]
                # jieba's dictionary, the union dictionary and stock phrases, then these words
                self._pos = jieba.posseg.POSTokenizer(jieba_tokenizer(mine))
            return self._pos

    def _tag(self, text: str) -> tuple[Token, ...]:
        pos = self._tokenizer()
        tags = self._tags
        out = []
        for pair in pos.cut(text, HMM=self.hmm):  # type: ignore[attr-defined]
            word, flag = pair.word, pair.flag
            tag = tags.get(word)
            if tag is None:
                if flag in ("m", "eng") or word.isdigit():
                    tag = "m"
                elif flag in ("x", "w") and not word.isalnum():
                    tag = "w"
                else:
                    tag = flag
            out.append(Token(word, tag))
        return tuple(out)


@lru_cache(maxsize=1)
def default_tagger() -> LexiconTagger:
    """The shared :class:`LexiconTagger` of this process, built on first use."""
    return LexiconTagger()


@lru_cache(maxsize=1)
def jieba_tagger() -> JiebaTagger:
    """The shared :class:`JiebaTagger` of this process (jieba loads on its first clause)."""
    return JiebaTagger()


#: the names a user may give for the tagger that chooses figure subjects (the first is the default)
SUBJECT_TAGGERS = ("lexicon", "jieba")
_ACTIVE: ContextVar[str] = ContextVar("summarylens_subject_tagger", default=SUBJECT_TAGGERS[0])


def check_subject_tagger(name: object) -> str:
    """``name`` if it names a subject tagger, else a ValueError that says which names do.

        >>> check_subject_tagger("jieba")
        'jieba'
    """
    if not isinstance(name, str) or name not in SUBJECT_TAGGERS:
        raise ValueError(f"subject_tagger must be one of {', '.join(map(repr, SUBJECT_TAGGERS))}, not {name!r}")
    return name


def tagger_named(name: str) -> Tagger:
    """The shared tagger of this process for a name of :data:`SUBJECT_TAGGERS`."""
    return jieba_tagger() if check_subject_tagger(name) == "jieba" else default_tagger()


@contextlib.contextmanager
def using_subject_tagger(name: str) -> Iterator[None]:
    """Figure subjects chosen inside this block use the tagger ``name`` (this thread or task only).

        >>> with using_subject_tagger("jieba"):
        ...     active_tagger_name()
        'jieba'
        >>> active_tagger_name()
        'lexicon'
    """
    token = _ACTIVE.set(check_subject_tagger(name))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_tagger_name() -> str:
    """The name of the subject tagger in use here (``lexicon`` unless a block chose another)."""
    return _ACTIVE.get()


def set_subject_tagger(name: str) -> None:
    """Use the tagger ``name`` for the rest of this context (a worker process, for its life)."""
    _ACTIVE.set(check_subject_tagger(name))


def active_tagger() -> Tagger:
    """The tagger the subject chooser uses here: :func:`default_tagger` unless a
    :func:`using_subject_tagger` block chose another."""
    name = _ACTIVE.get()
    return default_tagger() if name == "lexicon" else tagger_named(name)
