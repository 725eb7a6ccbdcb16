"""Near-duplicate documents: character shingles, MinHash signatures, LSH buckets.

A document is a *near-duplicate* of the earliest earlier document whose estimated
Jaccard similarity of character 5-shingles (punctuation and white space removed) is at
least :data:`DUPLICATE_THRESHOLD` (0.5): at that level most sentences of one report stand
in the other, as when a template site posts the same summary twice with small edits.
Candidates come from LSH buckets (16 bands of 4 rows), so the work per document stays
constant as the corpus grows; there is no all-pairs comparison.

Hashing is vectorised with NumPy and seeded, so signatures are the same in every process
and on every machine (Python's own ``hash`` is salted per process and is not used).

Example::

    >>> a = signature("学校工会组织全体女教职员工四十余人赏梅踏青，愉悦身心。" * 3)
    >>> b = signature("学校工会组织全体女教职员工四十余人赏梅踏青，愉悦了身心。" * 3)
    >>> round(estimate_similarity(a, b), 1) >= 0.5
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

#: shingle length in characters
SHINGLE = 5
#: number of hash functions in a signature (bands × rows)
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
#: estimated Jaccard similarity from which a document counts as a near-duplicate
DUPLICATE_THRESHOLD = 0.5
#: documents shorter than this (in shingled characters) are not compared
MIN_CHARS = 40

_PRIME = np.uint64(4294967291)  # largest prime below 2**32
_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20240601)
_A = _rng.integers(1, 2**31 - 1, size=(NUM_PERM, 1), dtype=np.uint64)
_B = _rng.integers(0, 2**31 - 1, size=(NUM_PERM, 1), dtype=np.uint64)
_POLY = np.uint64(0x9E3779B97F4A7C15)

#: what is dropped before shingling: punctuation, white space and digits-only noise
_NON_WORD = re.compile(r"[\W_]+")


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the character 5-shingles of ``text`` (words only), as uint64."""
    letters = _NON_WORD.sub("", text)
    if len(letters) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(letters.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    value = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            value = value * _POLY + codes[k:k + n]
        value ^= value >> np.uint64(33)
        value *= np.uint64(0xFF51AFD7ED558CCD)
        value ^= value >> np.uint64(33)
    return np.unique(value & _MASK32)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text, None when too short."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_CHARS - SHINGLE + 1:
        return None
    permuted = (_A * hashes[np.newaxis, :] + _B) % _PRIME
    return permuted.min(axis=1).astype(np.uint32)


def estimate_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minima."""
    return float(np.mean(a == b))


@dataclass
class DuplicateIndex:
    """An LSH index that, fed documents in order, names the earlier one each repeats.

    >>> index = DuplicateIndex()
    >>> index.add("a#1", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥" * 3)
    (None, None)
    """

    threshold: float = DUPLICATE_THRESHOLD
    _buckets: dict[tuple[int, bytes], int] = field(default_factory=dict)
    _ids: list[str] = field(default_factory=list)
    _signatures: list[np.ndarray] = field(default_factory=list)

    def add(self, doc_id: str, text: str) -> tuple[str | None, float | None]:
        """Index one document; return ``(duplicate_of, similarity)`` against earlier ones."""
        sig = signature(text)
        if sig is None:
            return None, None
        return self.add_signature(doc_id, sig)

    def add_signature(self, doc_id: str, sig: np.ndarray) -> tuple[str | None, float | None]:
        """Like :meth:`add`, for a signature computed elsewhere (e.g. in a worker process)."""
        best: tuple[float, int] | None = None
        keys = [(band, sig[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS)]
        for candidate in sorted({self._buckets[k] for k in keys if k in self._buckets}):
            similarity = estimate_similarity(sig, self._signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        position = len(self._ids)
        self._ids.append(doc_id)
        self._signatures.append(sig)
        for key in keys:
            self._buckets.setdefault(key, position)
        if best is None:
            return None, None
        return self._ids[best[1]], round(best[0], 4)


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
