"""The fitted section models as NumPy arrays: prediction without importing scikit-learn.

:class:`summarylens.sections.SectionClassifier` is fitted with scikit-learn (a char n-gram
TF-IDF + keyword-prior logistic regression for topics, a scaled-features logistic
regression for roles). Predicting with those pipelines costs a second and a half of
imports and unpickling per process and a Python loop per character in the vectoriser.
Both models are linear, so after fitting they are *compiled* here into a few arrays:

* :class:`LinearTopics` counts the n-grams of all texts of a batch at once — the texts
  become one array of code points; unigrams and bigrams are looked up in dense tables
  indexed by character (:class:`_CharTables`), longer n-grams as integer keys (21 bits per
  character) with ``searchsorted`` in the sorted vocabulary — then applies sublinear TF,
  IDF, L2 normalisation, the coefficients and a softmax;
* :class:`LinearRoles` scales the role features and applies its coefficients.

:func:`compile_topics`/:func:`compile_roles` accept only the pipeline shapes they can
reproduce, and the classifier checks the compiled model against scikit-learn on its own
training rows before using it (``tests/test_linear.py`` holds the two equal on the
shipped corpus). The arrays are saved with :func:`save_arrays` as one ``.npz`` file:
the shipped default model loads from it in milliseconds.

Example::

    >>> import numpy as np
    >>> topics = LinearTopics.from_vocabulary(
    ...     {"慰": 0, "问": 1, "慰问": 2, "球": 3}, idf=np.ones(4), ngram_range=(1, 2),
    ...     coef=np.array([[1.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 3.0]]), intercept=np.zeros(2))
    >>> topics.predict_proba(["春节慰问", "篮球赛"]).argmax(axis=1).tolist()
    [0, 1]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from .text import normalize_text, normalize_texts, sub_each

__all__ = ["Compiled", "LinearRoles", "LinearTopics", "compile_roles", "compile_topics", "load_arrays",
           "save_arrays"]

#: bits of one character in an n-gram key (every code point is below 2**21)
CODE_BITS = 21
#: the longest n-gram a key can hold in 64 bits
MAX_N = 3
#: runs of white space, folded to one space as scikit-learn's char analyzer does
WHITE_SPACES = re.compile(r"\s\s+")


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as ``int64`` (a lone surrogate too: it is in no n-gram)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def ngram_key(ngram: str) -> int:
    """One integer for an n-gram of up to :data:`MAX_N` characters: ``ngram_key("慰问")``."""
    key = 0
    for char in ngram:
        key = (key << CODE_BITS) | ord(char)
    return key


def _prepared(texts: Sequence[str], preprocess: Callable[[str], str] | None) -> list[str]:
    """What scikit-learn's char analyzer reads: each text preprocessed, each run of white
    space folded to one space (:data:`WHITE_SPACES`); the shipped preprocessor runs on all
    texts at once (:func:`~summarylens.sections.text.normalize_texts`)."""
    if preprocess is normalize_text:
        texts = normalize_texts(texts)
    elif preprocess is not None:
        texts = [preprocess(text) for text in texts]
    return sub_each(texts, functools.partial(WHITE_SPACES.sub, " "))


def _row_products(features: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """``features @ coef.T``, each row summed on its own: the same bits however many rows.

    (A BLAS product may block rows differently for different batch sizes, so that labelling
    a document alone and in a batch would differ in the last bit of ``topic_score``.)
    """
    return (features[:, None, :] * coef[None, :, :]).sum(axis=2)


def _distinct_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_counts=True)`` for non-negative int64 keys, faster.

    Sorted as 32-bit integers when they fit (twice as fast to sort as 64-bit ones), and
    runs found with one comparison instead of ``np.unique``'s several passes.

    >>> [a.tolist() for a in _distinct_counts(np.array([7, 3, 7, 7, 0]))]
    [[0, 3, 7], [1, 1, 3]]
    """
    if not len(keys):
        return keys, np.empty(0, np.int64)
    narrow = keys.astype(np.uint32) if int(keys.max()) < 2**32 else keys.copy()
    narrow.sort()
    run_start = np.empty(len(narrow) + 1, dtype=bool)
    run_start[0] = run_start[-1] = True
    np.not_equal(narrow[1:], narrow[:-1], out=run_start[1:-1])
    bounds = np.flatnonzero(run_start)
    return narrow[bounds[:-1]].astype(np.int64), np.diff(bounds)


def _softmax(decision: np.ndarray) -> np.ndarray:
    shifted = decision - decision.max(axis=1, keepdims=True)
    np.exp(shifted, out=shifted)
    return shifted / shifted.sum(axis=1, keepdims=True)


#: the most distinct characters for which bigrams are looked up in a dense table (16 M cells)
MAX_TABLE_CHARS = 4096


@dataclass(frozen=True, eq=False)
class _CharTables:
    """Dense lookup tables for unigrams and bigrams: a gather per character, no search.

    ``char_ids`` maps a code point to a compact id (-1: in no unigram or bigram; the last
    cell stands for every larger code point), ``unigrams`` an id to its column (-1: none),
    ``bigrams`` ``first * n_chars + second`` to its column (-1: none).
    """

    char_ids: np.ndarray
    unigrams: np.ndarray
    bigrams: np.ndarray
    n_chars: int

    @classmethod
    def build(cls, keys: Mapping[int, np.ndarray], columns: Mapping[int, np.ndarray]) -> _CharTables | None:
        mask = (1 << CODE_BITS) - 1
        unigram_codes = keys.get(1, np.empty(0, np.uint64)).astype(np.int64)
        bigram_keys = keys.get(2, np.empty(0, np.uint64))
        firsts = (bigram_keys >> np.uint64(CODE_BITS)).astype(np.int64)
        seconds = (bigram_keys & np.uint64(mask)).astype(np.int64)
        chars = np.unique(np.concatenate([unigram_codes, firsts, seconds]))
        if len(chars) > MAX_TABLE_CHARS:
            return None
        n_chars = len(chars)
        char_ids = np.full(int(chars.max(initial=0)) + 2, -1, dtype=np.int64)
        char_ids[chars] = np.arange(n_chars)
        unigrams = np.full(n_chars + 1, -1, dtype=np.int32)  # the extra cell: id -1
        if len(unigram_codes):
            unigrams[char_ids[unigram_codes]] = columns[1]
        bigrams = np.full(n_chars * n_chars, -1, dtype=np.int32)
        if len(bigram_keys):
            bigrams[char_ids[firsts] * n_chars + char_ids[seconds]] = columns[2]
        return cls(char_ids, unigrams, bigrams, n_chars)


@dataclass(frozen=True, eq=False)
class LinearTopics:
    """Char n-gram TF-IDF (sublinear, L2) and keyword features → multinomial logistic model.

    ``keys[n]``/``columns[n]`` hold the sorted keys of the vocabulary's n-grams and their
    feature columns; ``coef`` has one row per class over the n-gram columns (scaled by
    the n-gram block's weight), ``cue_coef`` over the keyword features (scaled likewise).
    """

    ngram_range: tuple[int, int]
    keys: Mapping[int, np.ndarray]
    columns: Mapping[int, np.ndarray]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    cue_coef: np.ndarray | None = None
    preprocess: Callable[[str], str] | None = None
    cues: Callable[[Sequence[str]], np.ndarray] | None = None

    @classmethod
    def from_vocabulary(cls, vocabulary: Mapping[str, int], **fields: Any) -> LinearTopics:
        """Build from a scikit-learn style ``vocabulary_`` (n-gram → column)."""
        keys: dict[int, np.ndarray] = {}
        columns: dict[int, np.ndarray] = {}
        lo, hi = fields["ngram_range"]
        for n in range(lo, hi + 1):
            grams = [(ngram_key(g), col) for g, col in vocabulary.items() if len(g) == n]
            grams.sort()
            keys[n] = np.array([k for k, _ in grams], dtype=np.uint64)
            columns[n] = np.array([c for _, c in grams], dtype=np.int64)
        return cls(keys=keys, columns=columns, **fields)

    @property
    def n_features(self) -> int:
        return len(self.idf)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities of each text, rows in the order given."""
        return _softmax(self.decision_function(texts))

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        prepared = _prepared(texts, self.preprocess)
        rows, cols, values = self._tfidf(prepared)
        decision = np.tile(self.intercept, (len(texts), 1))
        for k in range(len(self.intercept)):  # one pass per class: cheaper than a (entries × classes) product
            decision[:, k] += np.bincount(rows, weights=values * self.coef[k, cols], minlength=len(texts))
        if self.cue_coef is not None and self.cues is not None and len(texts):
            decision += _row_products(self.cues(texts), self.cue_coef)
        return decision

    def _tfidf(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero TF-IDF entries (row, column, value) of all texts, counted at once."""
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        codes = _code_points("".join(texts))
        text_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        rows, cols = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
        for n in self.keys:
            span = len(codes) - n + 1
            if span <= 0 or not len(self.keys[n]):
                continue
            at, col = self._find(n, codes, span)
            inside = text_of[at] == text_of[at + n - 1]  # the n-gram lies inside one text
            rows.append(text_of[at[inside]])
            cols.append(col[inside])
        pairs, counts = _distinct_counts(np.concatenate(rows) * self.n_features + np.concatenate(cols))
        row, col = pairs // self.n_features, pairs % self.n_features
        values = (np.log(counts.astype(np.float32)) + np.float32(1)) * self.idf[col]  # as sklearn: float32
        norms = np.sqrt(np.bincount(row, weights=values.astype(np.float64) ** 2, minlength=len(texts)))
        return row, col, (values / norms[row].astype(np.float32)).astype(np.float64)

    def _find(self, n: int, codes: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray]:
        """Start positions and feature columns of the vocabulary's n-grams in ``codes``."""
        tables = self._tables
        if tables is not None and n <= 2:
            ids = tables.char_ids[np.minimum(codes, len(tables.char_ids) - 1)]
            if n == 1:
                col = tables.unigrams[ids]
            else:
                first, second = ids[:span], ids[1:span + 1]
                known = (first >= 0) & (second >= 0)
                col = np.where(known, tables.bigrams[np.where(known, first * tables.n_chars + second, 0)], -1)
            at = np.flatnonzero(col >= 0)
            return at, col[at].astype(np.int64)
        key = codes[:span].astype(np.uint64)
        for j in range(1, n):
            key = (key << np.uint64(CODE_BITS)) | codes[j:span + j].astype(np.uint64)
        keys = self.keys[n]
        index = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        at = np.flatnonzero(keys[index] == key)
        return at, self.columns[n][index[at]]

    @functools.cached_property
    def _tables(self) -> _CharTables | None:
        return _CharTables.build(self.keys, self.columns)

    def arrays(self) -> dict[str, np.ndarray]:
        out = {"ngram_range": np.array(self.ngram_range), "idf": self.idf, "coef": self.coef,
               "intercept": self.intercept}
        for n in self.keys:
            out[f"keys{n}"], out[f"columns{n}"] = self.keys[n], self.columns[n]
        if self.cue_coef is not None:
            out["cue_coef"] = self.cue_coef
        return out

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], **functions: Any) -> LinearTopics:
        lo, hi = (int(v) for v in arrays["ngram_range"])
        return cls(ngram_range=(lo, hi), keys={n: arrays[f"keys{n}"] for n in range(lo, hi + 1)},
                   columns={n: arrays[f"columns{n}"] for n in range(lo, hi + 1)},
                   idf=arrays["idf"], coef=arrays["coef"], intercept=arrays["intercept"],
                   cue_coef=arrays.get("cue_coef"), **functions)


@dataclass(frozen=True, eq=False)
class LinearRoles:
    """Standard-scaled numeric features → multinomial logistic model."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        scaled = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        return _softmax(_row_products(scaled, self.coef) + self.intercept)

    def arrays(self) -> dict[str, np.ndarray]:
        return {"mean": self.mean, "scale": self.scale, "coef": self.coef, "intercept": self.intercept}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> LinearRoles:
        return cls(arrays["mean"], arrays["scale"], arrays["coef"], arrays["intercept"])


@dataclass(frozen=True, eq=False)
class Compiled:
    """A fitted classifier's two linear models as arrays (roles None: one role only)."""

    topics: LinearTopics
    roles: LinearRoles | None


# ---------------------------------------------------------------------------
# From fitted scikit-learn pipelines
# ---------------------------------------------------------------------------

def _multinomial(clf: Any) -> tuple[np.ndarray, np.ndarray] | None:
    """Coefficients and intercepts of a fitted multinomial ``LogisticRegression`` (else None)."""
    coef = np.asarray(getattr(clf, "coef_", np.empty((0, 0))), dtype=np.float64)
    if coef.ndim != 2 or coef.shape[0] < 3 or coef.shape[0] != len(clf.classes_):
        return None  # binary models use another link; leave those to scikit-learn
    return coef, np.asarray(clf.intercept_, dtype=np.float64)


def compile_topics(pipeline: Any, preprocess: Callable[[str], str],
                   cues: Callable[[Sequence[str]], np.ndarray]) -> LinearTopics | None:
    """A fitted ``features → clf`` topic pipeline as :class:`LinearTopics`, or None if unlike ours.

    The n-gram block must be a char ``TfidfVectorizer`` with ``preprocess`` as its
    preprocessor, sublinear TF, IDF, L2 norm and n ≤ :data:`MAX_N`; the other block, if
    any, the keyword features ``cues``.
    """
    features, clf = pipeline.named_steps.get("features"), pipeline.named_steps.get("clf")
    linear = _multinomial(clf) if features is not None else None
    if linear is None:
        return None
    parts = dict(features.transformer_list)
    weights = features.transformer_weights or {}
    tfidf = parts.get("chars")
    if (set(parts) - {"chars", "cues"} or tfidf is None or tfidf.analyzer != "char"
            or tfidf.preprocessor is not preprocess or not tfidf.sublinear_tf or not tfidf.use_idf
            or tfidf.norm != "l2" or tfidf.binary or tfidf.ngram_range[1] > MAX_N
            or tfidf.input != "content"):
        return None
    if "cues" in parts and getattr(parts["cues"], "func", None) is not cues:
        return None
    coef, intercept = linear
    n_chars = len(tfidf.idf_)
    cue_coef = coef[:, n_chars:] * weights.get("cues", 1.0) if "cues" in parts else None
    return LinearTopics.from_vocabulary(
        tfidf.vocabulary_, ngram_range=tuple(tfidf.ngram_range), idf=np.asarray(tfidf.idf_, np.float32),
        coef=coef[:, :n_chars] * weights.get("chars", 1.0), intercept=intercept, cue_coef=cue_coef,
        preprocess=preprocess, cues=cues)


def compile_roles(pipeline: Any, select: Callable[..., np.ndarray]) -> LinearRoles | None:
    """A fitted role pipeline of scaled numeric features only, as :class:`LinearRoles` (else None)."""
    features, clf = pipeline.named_steps.get("features"), pipeline.named_steps.get("clf")
    linear = _multinomial(clf) if features is not None else None
    if linear is None or [name for name, _ in features.transformer_list] != ["cues"]:
        return None
    cues = features.transformer_list[0][1]
    steps = getattr(cues, "named_steps", {})
    scaler, picker = steps.get("scale"), steps.get("select")
    if (scaler is None or picker is None or getattr(picker, "func", None) is not select
            or not scaler.with_mean or not scaler.with_std):
        return None
    weight = (features.transformer_weights or {}).get("cues", 1.0)
    coef, intercept = linear
    return LinearRoles(np.asarray(scaler.mean_, np.float64), np.asarray(scaler.scale_, np.float64),
                       coef * weight, intercept)


# ---------------------------------------------------------------------------
# One .npz file
# ---------------------------------------------------------------------------

def save_arrays(target: str | Path | BinaryIO, groups: Mapping[str, Mapping[str, np.ndarray]]) -> None:
    """Save named groups of arrays to one ``.npz`` file or open binary file (``group/name`` entries)."""
    flat: dict[str, Any] = {f"{group}/{name}": array for group, arrays in groups.items()
                            for name, array in arrays.items()}
    if hasattr(target, "write"):
        np.savez(target, **flat)
        return
    with open(str(target), "wb") as handle:  # a path as given (np.savez would add ".npz")
        np.savez(handle, **flat)


def load_arrays(path: str | Path) -> dict[str, dict[str, np.ndarray]]:
    """The groups saved by :func:`save_arrays` (no pickles are read)."""
    groups: dict[str, dict[str, np.ndarray]] = {}
    with np.load(path, allow_pickle=False) as data:
        for name in data.files:
            group, _, key = name.partition("/")
            groups.setdefault(group, {})[key] = data[name]
    return groups
