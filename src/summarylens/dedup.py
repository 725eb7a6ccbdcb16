"""Near-duplicate documents: character shingles, MinHash signatures, LSH buckets.

A document is a *near-duplicate* of the earliest earlier document whose estimated
Jaccard similarity of character 5-shingles (punctuation and white space removed) is at
least :data:`DUPLICATE_THRESHOLD` (0.5): at that level most sentences of one report stand
in the other, as when a template site posts the same summary twice with small edits.
Candidates come from LSH buckets (16 bands of 4 rows), so the work per document stays
constant as the corpus grows; there is no all-pairs comparison.

The signature is a one-permutation MinHash: one hash sends every shingle to one of
:data:`NUM_PERM` bins, a second one ranks it there, and each bin keeps its minimum; a bin
no shingle fell into borrows the minimum of another bin, picked by a fixed random probe
sequence of its own ("optimal densification", Shrivastava 2017). Two signatures agree
in a bin about as often as the two shingle sets' Jaccard similarity, as with 64 separate
hash functions, at two hashes per shingle instead of 64.

Hashing is vectorised with NumPy and seeded, so signatures are the same in every process
and on every machine (Python's own ``hash`` is salted per process and is not used).

Example::

    >>> a = signature("学校工会组织全体女教职员工四十余人去梅花山赏梅踏青，愉悦了身心。四月份组织退离休教师分组旅游。")
    >>> b = signature("学校工会组织全体女教职员工四十余人去梅花山赏梅踏青，愉悦身心。四月份组织退离休教师分组旅游。")
    >>> estimate_similarity(a, b) >= DUPLICATE_THRESHOLD
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .records import CONTENT_KINDS

#: shingle length in characters
SHINGLE = 5
#: number of minima in a signature (bands × rows; a power of two: a bin is the top bits of a hash)
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
#: estimated Jaccard similarity from which a document counts as a near-duplicate
DUPLICATE_THRESHOLD = 0.5
#: documents shorter than this (in shingled characters) are not compared
MIN_CHARS = 40

_MASK32 = np.uint64(0xFFFFFFFF)
_BIN_SHIFT = np.uint64(64 - (NUM_PERM.bit_length() - 1))  # the top bits of a 64-bit hash: a bin
_HIGH = np.uint64(32)
#: no shingle yet: above every 32-bit rank
_EMPTY = np.uint64(2**32)
#: two multiply-add-shift hashes ``h ↦ (a·h + b) mod 2**64``, high bits kept: a shingle's
#: bin, and its rank inside the bin (independent of each other; strongly universal)
_rng = np.random.default_rng(20240601)
_BIN_A, _RANK_A = _rng.integers(0, 2**64 - 1, size=2, dtype=np.uint64, endpoint=True) | np.uint64(1)
_BIN_B, _RANK_B = _rng.integers(0, 2**64 - 1, size=2, dtype=np.uint64, endpoint=True)
#: for every bin, the bins it looks at in turn when no shingle fell into it
_PROBES = _rng.integers(0, NUM_PERM, size=(NUM_PERM, 64))
_POLY = np.uint64(0x9E3779B97F4A7C15)

#: what is dropped before shingling: punctuation, white space and digits-only noise
_NON_WORD = re.compile(r"[\W_]+")


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the character 5-shingles of ``text`` (words only), as uint64, distinct."""
    return np.unique(_shingle_values(text))


@cache
def _is_letter() -> np.ndarray:
    """For each character of the Basic Multilingual Plane, whether ``_NON_WORD`` keeps it."""
    return np.fromiter((chr(c).isalnum() for c in range(0x10000)), dtype=bool, count=0x10000)


def _letter_codes(text: str) -> np.ndarray:
    """The code points of ``text`` without what ``_NON_WORD`` drops: a table lookup per character.

    >>> _letter_codes("慰问 12户，共计。").tobytes().decode("utf-32-le")
    '慰问12户共计'
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(codes) or codes.max() < 0x10000:
        return codes[_is_letter()[codes]]
    return np.frombuffer(_NON_WORD.sub("", text).encode("utf-32-le"), dtype=np.uint32)  # beyond the BMP


def _shingle_values(text: str) -> np.ndarray:
    """The hash of every 5-shingle of ``text``, in order, repeats included."""
    codes = _letter_codes(text).astype(np.uint64)
    if len(codes) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    n = len(codes) - SHINGLE + 1
    value = codes[:n].copy()
    with np.errstate(over="ignore"):
        for k in range(1, SHINGLE):
            value *= _POLY
            value += codes[k:k + n]
        value ^= value >> np.uint64(33)
        value *= np.uint64(0xFF51AFD7ED558CCD)
        value ^= value >> np.uint64(33)
    value &= _MASK32
    return value


def _enough_shingles(values: np.ndarray) -> bool:
    """Whether ``values`` hold at least ``MIN_CHARS - SHINGLE + 1`` distinct shingles."""
    need = MIN_CHARS - SHINGLE + 1
    if len(values) < need:
        return False
    return len(np.unique(values[:4 * need])) >= need or len(np.unique(values)) >= need


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint32 minima) of a text, None when too short.

    Bin ``i`` holds the least rank ``(a·h + b) mod 2**64 >> 32`` of the shingle hashes
    ``h`` that fall into it (repeated shingles do not change a minimum, so they are not
    removed first); an empty bin is filled by :func:`_densify`.

    >>> text = "机械厂工会组织全厂职工开展安全生产知识竞赛，参赛职工三百余人；又举办两期班组长培训班，学员八十六人。"
    >>> sig = signature(text)
    >>> sig.dtype, len(sig), bool((sig == signature(text.replace("，", " "))).all())
    (dtype('uint32'), 64, True)
    """
    values = _shingle_values(text)
    if not _enough_shingles(values):
        return None
    with np.errstate(over="ignore"):
        bins = (values * _BIN_A + _BIN_B) >> _BIN_SHIFT
        ranks = (values * _RANK_A + _RANK_B) >> _HIGH
    minima = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(minima, bins.astype(np.intp), ranks)
    return _densify(minima)


def _densify(minima: np.ndarray) -> np.ndarray:
    """The bins' minima as uint32, every empty bin holding the minimum of the first
    non-empty bin on its probe sequence (:data:`_PROBES`; in the rare case all probes are
    empty, of the next non-empty bin after it).

    >>> _densify(np.array([5, 2**32, 7] + [2**32] * 61, dtype=np.uint64))[:4].tolist()
    [5, 7, 7, 7]
    """
    filled = minima < _EMPTY
    out = minima.astype(np.uint32)
    if filled.all():
        return out
    empty = np.flatnonzero(~filled)
    probes = _PROBES[empty]
    hits = filled[probes]
    source = probes[np.arange(len(empty)), hits.argmax(axis=1)]
    for k in np.flatnonzero(~hits.any(axis=1)):  # every probe empty: the next filled bin
        source[k] = np.flatnonzero(np.roll(filled, -empty[k]))[0] + empty[k]
    out[empty] = out[source % NUM_PERM]
    return out


def estimate_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minima."""
    return int(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[int]:
    """One bucket key per LSH band: a hash of the band's number and its ``ROWS`` minima.

    Two documents share a bucket when a whole band of their signatures is equal. The
    keys live only in the process that builds the index (Python's ``hash`` is salted per
    process), so they are never stored or sent anywhere.
    """
    raw = sig.astype(np.uint32, copy=False).tobytes()
    width = 4 * ROWS
    return [hash((band, raw[band * width:(band + 1) * width])) for band in range(BANDS)]


@dataclass
class DuplicateIndex:
    """An LSH index that, fed documents in order, names the earlier one each repeats.

    Memory per document is small and fixed: the signature (256 bytes), the id, and 12
    bytes per band bucket it opens (sorted NumPy arrays; the newest keys wait in a small
    dict until they are merged in), so 100,000 documents take about 75 MB.

    >>> index = DuplicateIndex()
    >>> index.add("a#1", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥" * 3)
    (None, None)
    """

    threshold: float = DUPLICATE_THRESHOLD
    _ids: list[str] = field(default_factory=list)
    _signatures: np.ndarray = field(default_factory=lambda: np.empty((64, NUM_PERM), np.uint32))
    #: bucket keys (sorted) and the first document in each
    _keys: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    _firsts: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    _recent: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc_id: str, text: str) -> tuple[str | None, float | None]:
        """Index one document; return ``(duplicate_of, similarity)`` against earlier ones."""
        sig = signature(text)
        if sig is None:
            return None, None
        return self.add_signature(doc_id, sig)

    def add_signature(self, doc_id: str, sig: np.ndarray) -> tuple[str | None, float | None]:
        """Like :meth:`add`, for a signature computed elsewhere (e.g. in a worker process)."""
        keys = band_keys(sig)
        firsts = self._lookup(keys)
        best: tuple[float, int] | None = None
        for candidate in sorted({f for f in firsts if f >= 0}):
            similarity = estimate_similarity(sig, self._signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        position = self._append(doc_id, sig)
        for key, first in zip(keys, firsts, strict=True):
            if first < 0:
                self._recent.setdefault(key, position)
        if len(self._recent) >= max(4096, len(self._keys) // 4):
            self._merge()
        if best is None:
            return None, None
        return self._ids[best[1]], round(best[0], 4)

    def _lookup(self, keys: list[int]) -> list[int]:
        """The first document of each bucket, -1 for a bucket nobody opened yet."""
        found = [-1] * len(keys)
        if len(self._keys):
            wanted = np.array(keys, dtype=np.int64)
            at = np.minimum(np.searchsorted(self._keys, wanted), len(self._keys) - 1)
            found = np.where(self._keys[at] == wanted, self._firsts[at], -1).tolist()
        return [f if f >= 0 else self._recent.get(k, -1) for f, k in zip(found, keys, strict=True)]

    def _append(self, doc_id: str, sig: np.ndarray) -> int:
        position = len(self._ids)
        if position == len(self._signatures):
            grown = np.empty((2 * position, NUM_PERM), np.uint32)
            grown[:position] = self._signatures
            self._signatures = grown
        self._signatures[position] = sig
        self._ids.append(doc_id)
        return position

    def _merge(self) -> None:
        """Move the recent buckets into the sorted arrays."""
        n = len(self._recent)
        keys = np.concatenate([self._keys, np.fromiter(self._recent.keys(), np.int64, n)])
        firsts = np.concatenate([self._firsts, np.fromiter(self._recent.values(), np.int32, n)])
        order = np.argsort(keys, kind="stable")
        self._keys, self._firsts = keys[order], firsts[order]
        self._recent = {}


def similarity_matrix(texts: list[str]) -> np.ndarray:
    """Pairwise estimated similarity of texts (for plots of template reuse; small sets only)."""
    sigs = [signature(t) for t in texts]
    n = len(texts)
    matrix = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = sigs[i], sigs[j]
            value = estimate_similarity(a, b) if a is not None and b is not None else 0.0
            matrix[i, j] = matrix[j, i] = value
    return matrix


# ---------------------------------------------------------------------------
# Rows repeated inside one document
# ---------------------------------------------------------------------------

#: a repeat shorter than this (without white space) may be a stock line ("主要做法："), not a
#: page stored twice
REPEAT_MIN_CHARS = 6
#: the rows that may repeat an earlier one, and the rows they may repeat
REPEAT_KINDS = CONTENT_KINDS
_REPEAT_SOURCES = frozenset({"title", "heading", "body"})


def repeated_rows(texts: Sequence[str], kinds: Sequence[str]) -> list[bool]:
    """Which rows of one document repeat an earlier row word for word (a page stored twice).

    Rows are compared without white space (a copy wrapped differently is the same words).
    Heading and body rows are flagged when they repeat an earlier title, heading or body
    row; their figures are then counted once by the pivots and plots.

    >>> repeated_rows(["慰问困难职工12户。", "走访企业5家。", "慰问困难职工 12户。"], ["body"] * 3)
    [False, False, True]
    """
    seen: set[str] = set()
    flags = []
    for text, kind in zip(texts, kinds, strict=True):
        key = "".join(text.split())
        flags.append(kind in REPEAT_KINDS and len(key) >= REPEAT_MIN_CHARS and key in seen)
        if kind in _REPEAT_SOURCES:
            seen.add(key)
    return flags


__all__ = [
    "BANDS",
    "DUPLICATE_THRESHOLD",
    "MIN_CHARS",
    "NUM_PERM",
    "REPEAT_KINDS",
    "REPEAT_MIN_CHARS",
    "ROWS",
    "SHINGLE",
    "DuplicateIndex",
    "band_keys",
    "estimate_similarity",
    "repeated_rows",
    "shingle_hashes",
    "signature",
    "similarity_matrix",
]
