"""Hits of cue words in many texts at once: automata for word lists, regexes for the rest.

The classifier's keyword features are counts of ``re.findall``-style hits (leftmost-first,
no overlap) of each cue list in each paragraph. Counting a batch of paragraphs joined by
line breaks, one scan per list, is what keeps the cues cheap on the hot path.

    >>> WordCounter([["慰问", "送温暖"], ["培训"]]).counts(["春节慰问，送温暖", "技能培训"]).tolist()
    [[2.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["WordCounter", "count_matches"]


def count_matches(patterns: Sequence[re.Pattern[str]], texts: Sequence[str]) -> np.ndarray:
    """``len(pattern.findall(text))`` for every text (rows) and pattern (columns), in one scan each.

    The texts are joined with line breaks and each pattern runs once over the whole; so the
    patterns must not match a line break nor look behind the start of a text (word lists).
    Patterns that are plain lists of words ("将|要|力争") are counted by a
    :class:`WordCounter` (automata), the others by their own scan.

    >>> count_matches([re.compile("慰问"), re.compile("培训")], ["慰问慰问", "", "培训"]).tolist()
    [[2.0, 0.0], [0.0, 0.0], [0.0, 1.0]]
    """
    counts = np.zeros((len(texts), len(patterns)))
    if not len(texts):
        return counts
    listed, counter, scanned = _split_patterns(tuple(patterns))
    if listed:
        counts[:, listed] = counter.counts(texts)
    if scanned:
        counts[:, scanned] = _scan_counts([patterns[j] for j in scanned], texts)
    return counts


@lru_cache(maxsize=64)
def _split_patterns(patterns: tuple[re.Pattern[str], ...]) -> tuple[list[int], WordCounter, list[int]]:
    """Which patterns are word lists (and their counter), which must be scanned."""
    words = [_words_of(pattern) for pattern in patterns]
    listed = [j for j, w in enumerate(words) if w is not None]
    scanned = [j for j, w in enumerate(words) if w is None]
    return listed, WordCounter([w for w in words if w is not None]), scanned


def _words_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words of a pattern that is an alternation of plain words, else None.

    >>> _words_of(re.compile("将|要|力争")), _words_of(re.compile("计划(?!生育)|拟"))
    (('将', '要', '力争'), None)
    """
    words = tuple(pattern.pattern.split("|"))
    plain = pattern.flags == re.UNICODE and all(word and re.escape(word) == word for word in words)
    return words if plain else None


class WordCounter:
    """Hits of word lists in texts: for each list, what ``len(re.findall(pattern, text))``
    gives for the pattern ``"|".join(map(re.escape, words))``.

    That is leftmost-first, non-overlapping matching: at each position the first word of
    the list that fits wins, and the search goes on after it. An Aho–Corasick automaton
    with the same rule (``ahocorasick_rs``) finds them in one pass over the UTF-8 bytes of
    a whole batch, half the time of the regular expressions (which are used when it is not
    installed; ``tests/test_linear.py`` holds the two equal).

    >>> WordCounter([["工会", "工会会员"], ["会员"]]).counts(["工会会员大会", "会员"]).tolist()
    [[1.0, 1.0], [0.0, 1.0]]

    ``silent`` (optional, one tuple per list) holds phrases matched before the list's words
    that take their characters without counting: the pattern is then
    ``"|".join(silent + words)`` and only hits of ``words`` count. "工会组织职工" keeps the
    cue 工会组织 from counting where 组织 is the verb:

    >>> WordCounter([["工会组织"]], silent=[("工会组织职工",)]).counts(["工会组织职工参观", "工会组织建设"]).tolist()
    [[0.0], [1.0]]
    """

    def __init__(self, word_lists: Sequence[Sequence[str]],
                 silent: Sequence[Sequence[str]] | None = None) -> None:
        silent = silent if silent is not None else ((),) * len(word_lists)
        if len(silent) != len(word_lists):
            raise ValueError(f"silent: one tuple per word list ({len(word_lists)}), not {len(silent)}")
        if any(not word for words in (*word_lists, *silent) for word in words):
            raise ValueError("an empty word would match everywhere")
        self.word_lists = tuple(tuple(words) for words in word_lists)
        self.silent = tuple(tuple(words) for words in silent)
        self._automata = _automata(tuple(s + w for s, w in zip(self.silent, self.word_lists, strict=True)))
        self._patterns = tuple(_silent_pattern(s, w) for s, w in zip(self.silent, self.word_lists, strict=True))

    def counts(self, texts: Sequence[str]) -> np.ndarray:
        """Hits of every list (columns) in every text (rows)."""
        if not len(texts):
            return np.zeros((0, len(self.word_lists)))
        if self._automata is None:
            return _scan_counts(self._patterns, texts, silent_group=any(self.silent))
        counts = np.zeros((len(texts), len(self.word_lists)))
        data = "\n".join(texts).encode("utf-8", "surrogatepass")
        next_start = np.cumsum(np.fromiter((len(t.encode("utf-8", "surrogatepass")) + 1 for t in texts),
                                           dtype=np.int64, count=len(texts)))
        for j, automaton in enumerate(self._automata):
            found = automaton.find_matches_as_indexes(data)  # (word, start byte, end byte)
            if not found:
                continue
            if first := len(self.silent[j]):  # the list's first words are silent phrases: they do not count
                starts = np.fromiter((start for word, start, _end in found if word >= first), dtype=np.int64)
            else:
                starts = np.fromiter((start for _word, start, _end in found), dtype=np.int64, count=len(found))
            counts[:, j] = _hits_per_text(starts, next_start)
        return counts


def _silent_pattern(silent: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str]:
    """The regular expression of a list with silent phrases: they match first, in a group of
    their own, so that :func:`_scan_counts` can leave them out (``silent_group``)."""
    alternation = "|".join(map(re.escape, words))
    if not silent:
        return re.compile(alternation)
    return re.compile(f"({'|'.join(map(re.escape, silent))})|(?:{alternation})")


def _automata(word_lists: tuple[tuple[str, ...], ...]) -> tuple[Any, ...] | None:
    """One leftmost-first automaton per list over UTF-8 bytes (a UTF-8 word can only match
    where a character starts), or None without ``ahocorasick_rs``."""
    try:
        import ahocorasick_rs
    except ImportError:  # pragma: no cover - it is a dependency; the patterns do the same
        return None
    return tuple(ahocorasick_rs.BytesAhoCorasick([w.encode("utf-8") for w in words],
                                                 matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
                 for words in word_lists)


def _scan_counts(patterns: Sequence[re.Pattern[str]], texts: Sequence[str], *,
                 silent_group: bool = False) -> np.ndarray:
    """:func:`count_matches` by each pattern's own ``finditer`` over the joined texts;
    with ``silent_group``, matches of a pattern's first group (silent phrases) do not count."""
    counts = np.zeros((len(texts), len(patterns)))
    joined = "\n".join(texts)
    next_start = np.cumsum(np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts)))
    for j, pattern in enumerate(patterns):
        matches = pattern.finditer(joined)
        hits = np.fromiter((m.start() for m in matches if not (silent_group and m.lastindex == 1)), dtype=np.int64)
        counts[:, j] = _hits_per_text(hits, next_start)
    return counts


def _hits_per_text(starts: np.ndarray, next_start: np.ndarray) -> np.ndarray:
    """How many of the match ``starts`` (offsets into the joined texts) fall in each text;
    ``next_start[k]`` is where the text after text ``k`` starts.

    >>> _hits_per_text(np.array([0, 3, 4, 9]), np.array([4, 5, 10])).tolist()
    [2, 1, 1]
    """
    return np.bincount(np.searchsorted(next_start, starts, side="right"), minlength=len(next_start))

