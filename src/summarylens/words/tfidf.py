"""TF-IDF keywords per group, with the IDF of the corpus at hand.

jieba.analyse ranks keywords with an IDF table computed from news text, and ignores user
dictionaries (jieba issues #714, #918): in a union report 工会 and 职工 come out as rare
and therefore "key". Here the IDF comes from the corpus itself: a word every report uses
scores low, a word some reports use often scores high.

    tf(w, g)  = count of w in group g / words in g
    idf(w)    = ln((1 + N) / (1 + df(w))) + 1     (N documents, df: documents using w;
                                                   scikit-learn's smoothed IDF)
    tfidf     = tf × idf

    >>> sl.keywords(corpus, by="topic", n=5)                    # doctest: +SKIP
        topic  rank   term  count     tf   df   idf  tfidf
    0  welfare     1  困难职工    41  0.021   12  1.93  0.040
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .tokentable import as_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus
    from .tokenizer import WordTokenizer
    from .tokentable import Tokens

__all__ = ["keywords"]


def keywords(data: Corpus | Tokens, by: str = "doc_id", *, n: int = 10, idf_unit: str = "document",
             stopwords: Any = True, stock_phrases: bool = True, numbers: bool = False, min_count: int = 2,
             tokenizer: WordTokenizer | None = None) -> pd.DataFrame:
    """The ``n`` highest TF-IDF words of each group of ``by`` (a units column: doc_id,
    org_type, org, year, period, topic, role, kind…).

    ``idf_unit`` "document" counts in how many documents a word occurs, "paragraph" in
    how many paragraphs. Words seen fewer than ``min_count`` times in a group are not
    its keywords. Columns: the group, rank, term, count, tf, df, idf, tfidf.
    """
    toks = as_tokens(data, tokenizer)
    if by not in toks.units:
        raise KeyError(f"no column {by!r} to group by; columns: {list(toks.units.columns)}")
    if idf_unit not in ("document", "paragraph"):
        raise ValueError(f"idf_unit must be 'document' or 'paragraph', not {idf_unit!r}")
    table = toks.counts(stopwords=stopwords, stock_phrases=stock_phrases, numbers=numbers)
    units = toks.units[["doc_id", "para_id", by]] if by not in ("doc_id", "para_id") else toks.units[["doc_id",
                                                                                                     "para_id"]]
    rows = table[["doc_id", "para_id", "token"]].merge(units, on=["doc_id", "para_id"], how="left")
    unit_keys = ["doc_id"] if idf_unit == "document" else ["doc_id", "para_id"]
    n_units = len(toks.units[unit_keys].drop_duplicates())
    df = rows.drop_duplicates([*unit_keys, "token"]).groupby("token", observed=True).size()
    idf = np.log((1 + n_units) / (1 + df)) + 1
    counts = rows.groupby([by, "token"], observed=True, dropna=True).size().rename("count").reset_index()
    sizes = counts.groupby(by, observed=True)["count"].transform("sum")
    counts["tf"] = counts["count"] / sizes
    counts["df"] = counts["token"].map(df).astype("Int64")
    counts["idf"] = counts["token"].map(idf)
    counts["tfidf"] = counts["tf"] * counts["idf"]
    counts = counts[counts["count"] >= min_count]
    counts = counts.sort_values([by, "tfidf", "count", "token"], ascending=[True, False, False, True])
    counts["rank"] = counts.groupby(by, observed=True).cumcount() + 1
    out = counts[counts["rank"] <= n].rename(columns={"token": "term"})
    out = out[[by, "rank", "term", "count", "tf", "df", "idf", "tfidf"]].reset_index(drop=True)
    out["rank"] = out["rank"].astype("Int64")
    out["count"] = out["count"].astype("Int64")
    out["term"] = out["term"].astype("string")
    for column in ("tf", "idf", "tfidf"):
        out[column] = out[column].astype("Float64")
    return out
