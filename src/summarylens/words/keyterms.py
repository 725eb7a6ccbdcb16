"""Keyness: the words that set one group of reports (or paragraphs) apart from another.

Three measures on the same 2×2 table per word — its count in the target (*a*) and the
reference (*b*), and the rest of each group's words (*c*, *d*):

- ``log_odds``/``z``: the weighted log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). With prior counts α_w (summing to
  α_0) and group sizes n_t, n_r::

      δ_w = log((a+α_w) / (n_t+α_0−a−α_w)) − log((b+α_w) / (n_r+α_0−b−α_w))
      σ²_w ≈ 1/(a+α_w) + 1/(b+α_w),   z_w = δ_w / σ_w

  The prior is the word's count in a background (by default the whole corpus), so rare
  words are shrunk towards no difference instead of topping the list.
- ``chi2``: Pearson's χ² with Yates' continuity correction, signed (+ where the target
  uses the word more than expected), as quanteda's ``textstat_keyness`` (default
  correction) and R's ``chisq.test(correct=TRUE)``.
- ``G2``: the log-likelihood ratio with Williams' correction, signed, as quanteda's
  ``measure = "lr"``.

    >>> key = sl.keyness(corpus, {"org_type": "学校"}, {"org_type": "企业"})   # doctest: +SKIP
    >>> key.head(3)[["term", "n_target", "n_reference", "z"]]                 # doctest: +SKIP
      term  n_target  n_reference     z
    0  教职工      96            0   8.1
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .tokentable import Selection, Tokens, as_tokens, select_units, unit_counts

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus
    from .tokenizer import WordTokenizer

__all__ = ["MEASURES", "keyness", "keyness_table"]

MEASURES = ("z", "log_odds", "chi2", "G2")
_EPSILON = 1e-9  # quanteda's offset for zero cells in G²


def keyness_table(target: Mapping[str, int], reference: Mapping[str, int], *,
                  prior: Mapping[str, float] | None = None, alpha0: float | None = None,
                  measure: str = "z", correction: bool = True) -> pd.DataFrame:
    """Keyness of every word from two count tables (see the module docstring for the formulas).

    ``prior``: background counts (default: target + reference) over the whole vocabulary,
    rescaled to sum to ``alpha0`` when given; α_0 is their sum. ``correction=False`` drops
    Yates' and Williams' corrections.
    Sorted by ``measure``, largest first. Columns: term, n_target, n_reference, log_odds,
    se, z, chi2, G2, p (of ``measure``: normal two-sided for z/log_odds, χ²(1) otherwise).

    >>> t = keyness_table({"教职工": 30, "工会": 20}, {"教职工": 2, "工会": 25, "车间": 10})
    >>> t["term"].tolist(), t["n_target"].tolist()
    (['教职工', '工会', '车间'], [30, 20, 0])
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    terms = sorted(set(target) | set(reference))
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    n_t, n_r = a.sum(), b.sum()
    background = (Counter(target) + Counter(reference)) if prior is None else prior
    total = float(sum(background.values()))
    scale = alpha0 / total if alpha0 is not None and total > 0 else 1.0
    alpha = np.array([float(background.get(t, 0)) for t in terms]) * scale
    unseen = alpha <= 0
    alpha = np.where(unseen, 0.01, alpha)  # a word the background never saw: a tiny prior
    a0 = total * scale + 0.01 * unseen.sum()  # α_0 sums the prior over the whole vocabulary
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((a + alpha) / (n_t + a0 - a - alpha))
                 - np.log((b + alpha) / (n_r + a0 - b - alpha)))
        se = np.sqrt(1 / (a + alpha) + 1 / (b + alpha))
    z = delta / se
    chi2, g2 = _chi2(a, b, n_t, n_r, correction), _g2(a, b, n_t, n_r, correction)
    out = pd.DataFrame({
        "term": pd.array(terms, dtype="string"),
        "n_target": pd.array(a.astype(np.int64), dtype="Int64"),
        "n_reference": pd.array(b.astype(np.int64), dtype="Int64"),
        "log_odds": delta, "se": se, "z": z, "chi2": chi2, "G2": g2,
    })
    out["p"] = _p_values(out[measure].to_numpy(), measure)
    for column in ("log_odds", "se", "z", "chi2", "G2", "p"):
        out[column] = out[column].astype("Float64")
    order = np.lexsort((np.array(terms, dtype=object).astype(str), -out["n_target"].to_numpy(dtype=float),
                        -out[measure].to_numpy(dtype=float)))
    return out.iloc[order].reset_index(drop=True)


def _expected(a: np.ndarray, b: np.ndarray, n_t: float, n_r: float) -> tuple[np.ndarray, ...]:
    c, d = n_t - a, n_r - b
    n = n_t + n_r
    e11 = (a + b) * n_t / n
    e12 = (a + b) * n_r / n
    e21 = (c + d) * n_t / n
    e22 = (c + d) * n_r / n
    return c, d, e11, e12, e21, e22


def _chi2(a: np.ndarray, b: np.ndarray, n_t: float, n_r: float, correction: bool) -> np.ndarray:
    _, _, e11, e12, e21, e22 = _expected(a, b, n_t, n_r)
    diff = np.abs(a - e11)  # the same for all four cells of a 2×2 table
    if correction:
        diff = diff - np.minimum(0.5, diff)  # R's and scipy's Yates: never past the expected value
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = diff ** 2 * (1 / e11 + 1 / e12 + 1 / e21 + 1 / e22)
    return np.nan_to_num(chi2) * np.where(a > e11, 1.0, -1.0) + 0.0  # + 0.0: no -0.0


def _g2(a: np.ndarray, b: np.ndarray, n_t: float, n_r: float, correction: bool) -> np.ndarray:
    c, d, e11, e12, e21, e22 = _expected(a, b, n_t, n_r)
    n = n_t + n_r
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * sum(o * np.log(o / e + _EPSILON) for o, e in ((a, e11), (b, e12), (c, e21), (d, e22)))
        if correction:  # Williams: q = 1 + (N/row1 + N/row2 − 1)(N/col1 + N/col2 − 1) / 6N
            q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / n_t + n / n_r - 1) / (6 * n)
            g2 = g2 / q
    return np.nan_to_num(g2) * np.where(a > e11, 1.0, -1.0) + 0.0


def _p_values(values: np.ndarray, measure: str) -> np.ndarray:
    if measure in ("z", "log_odds"):
        return np.array([math.erfc(abs(v) / math.sqrt(2)) if np.isfinite(v) else np.nan for v in values])
    # χ² with one degree of freedom: P(X > x) = erfc(sqrt(x / 2))
    return np.array([math.erfc(math.sqrt(abs(v) / 2)) for v in values])


def keyness(data: Corpus | Tokens, target: Selection, reference: Selection | None = None, *,
            measure: str = "z", stopwords: Any = True, stock_phrases: bool = True, numbers: bool = False,
            min_count: int = 3, alpha0: float | None = None, correction: bool = True,
            tokenizer: WordTokenizer | None = None) -> pd.DataFrame:
    """Keyness of the words of ``target`` against ``reference`` (default: everything else).

    ``target``/``reference`` select paragraphs of the corpus (see
    :func:`~summarylens.words.tokentable.select_units`): ``{"org_type": "学校"}``,
    ``{"role": "plan"}``, ``{"year": 2023}``, a mask, or doc_ids. The prior is the
    whole corpus's counts (rescaled to ``alpha0`` if given). Words seen fewer than
    ``min_count`` times in the two groups together are left out. Stop words, stock
    phrases and bare numbers are dropped unless asked for.
    """
    toks = as_tokens(data, tokenizer)
    units = toks.units
    in_target = select_units(units, target)
    in_reference = ~in_target if reference is None else select_units(units, reference) & ~in_target
    if not in_target.any():
        raise ValueError("the target selects no paragraph")
    if not in_reference.any():
        raise ValueError("the reference selects no paragraph")
    drop = {"stopwords": stopwords, "stock_phrases": stock_phrases, "numbers": numbers}
    t_counts = unit_counts(toks, in_target, **drop)
    r_counts = unit_counts(toks, in_reference, **drop)
    background: Counter[str] = Counter({str(k): int(v) for k, v in
                                        toks.counts(**drop)["token"].value_counts().items()})
    table = keyness_table(t_counts, r_counts, prior=background, alpha0=alpha0, measure=measure,
                          correction=correction)
    keep = (table["n_target"] + table["n_reference"]) >= min_count
    return table[keep.to_numpy(dtype=bool)].reset_index(drop=True)
