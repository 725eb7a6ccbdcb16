"""A corpus as tokens: one row per word of every heading and body row, with offsets.

:func:`tokens` tokenises a corpus once; the term tables, the document-term matrix and
every analysis of this package take either a :class:`~summarylens.corpus.Corpus` or the
:class:`Tokens` it gives, so a notebook tokenises once and asks many questions.

    >>> toks = sl.tokens(corpus)                                   # doctest: +SKIP
    >>> toks.table.head(3)                                          # doctest: +SKIP
               doc_id  para_id   token  start  end
    0  机械厂.txt#1        1    上半年     25   28
    1  机械厂.txt#1        1      在       29   30
    2  机械厂.txt#1        1      厂党委     30   33
    >>> toks.terms(by="document").head(2)                           # doctest: +SKIP
               doc_id   term  count
    0  机械厂.txt#1  困难职工      4

Rows tokenised: ``kind`` heading or body (titles and ``noise`` left out), and not
``repeated`` (a paragraph stored twice on a page counts once; the column is optional).
``start``/``end`` point into the document text: ``doc_text[start:end] == token``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..records import CONTENT_KINDS
from .tokenizer import WordTokenizer, default_tokenizer, stock_phrases, stopwords

if TYPE_CHECKING:  # pragma: no cover
    from scipy import sparse

    from ..corpus import Corpus

__all__ = ["DocumentTermMatrix", "Tokens", "as_tokens", "select_units", "tokens"]

#: paragraph kinds whose words count
TOKEN_KINDS = tuple(sorted(CONTENT_KINDS))
#: document columns copied onto every unit (paragraph) row, when the documents table has them
DOC_COLUMNS = ("source", "title", "org", "period", "year")
BY = ("document", "paragraph")


@dataclass(frozen=True)
class DocumentTermMatrix:
    """Counts as a ``scipy.sparse.csr_matrix`` (rows ``index``, columns ``terms``), for scikit-learn.

    ``index`` holds ``doc_id`` (and ``para_id`` for paragraphs) of each row.
    ``to_frame()`` gives a dense DataFrame for small corpora.
    """

    matrix: sparse.csr_matrix
    terms: tuple[str, ...]
    index: pd.DataFrame = field(repr=False)

    @property
    def vocabulary(self) -> dict[str, int]:
        """Term → column, as ``CountVectorizer.vocabulary_``."""
        return {term: i for i, term in enumerate(self.terms)}

    def to_frame(self) -> pd.DataFrame:
        labels = self.index["doc_id"] if "para_id" not in self.index else pd.MultiIndex.from_frame(self.index)
        return pd.DataFrame(self.matrix.toarray(), index=labels, columns=list(self.terms))


@dataclass(frozen=True)
class Tokens:
    """The words of a corpus (``table``) and the rows they come from (``units``).

    ``table``: doc_id, para_id, token, start, end (one row per word, in text order).
    ``units``: one row per tokenised paragraph — doc_id, para_id, kind, topic, role,
    text, n_chars and the document's source, title, org, org_type, period and year.
    """

    table: pd.DataFrame
    units: pd.DataFrame = field(repr=False)

    def __repr__(self) -> str:
        return f"<Tokens: {len(self.table)} words in {len(self.units)} paragraphs>"

    def counts(self, *, stopwords: bool | Collection[str] | None = False, stock_phrases: bool = True,
               numbers: bool = True) -> pd.DataFrame:
        """The token table without the words asked away (see :func:`summarylens.tokenize`).

        ``numbers=False`` also drops tokens made of digits only (``24``, ``2023``).
        """
        table = self.table
        drop = _drop_words(stopwords, stock_phrases)
        keep = ~table["token"].isin(drop) if drop else pd.Series(True, index=table.index)
        if not numbers:
            keep &= ~table["token"].str.fullmatch(r"[\d.%．％]+").fillna(False).astype(bool)
        return table[keep]

    def terms(self, by: str = "document", **drop: Any) -> pd.DataFrame:
        """Tidy counts: doc_id, (para_id), term, count — one row per term and document (or paragraph).

        Rows come in corpus order, terms within a unit by first appearance. ``stopwords``,
        ``stock_phrases`` and ``numbers`` as in :meth:`counts`.
        """
        keys = _keys(by)
        table = self.counts(**drop)
        grouped = table.groupby([*keys, "token"], sort=False, observed=True).size()
        out = grouped.rename("count").reset_index().rename(columns={"token": "term"})
        out["term"] = out["term"].astype("string")
        out["count"] = out["count"].astype("Int64")
        if "para_id" in out:
            out["para_id"] = out["para_id"].astype("Int64")
        out["doc_id"] = out["doc_id"].astype("string")
        return out.reset_index(drop=True)

    def dtm(self, by: str = "document", *, min_count: int = 1, **drop: Any) -> DocumentTermMatrix:
        """The document-term (or paragraph-term) matrix; terms sorted, rows in corpus order.

        Every unit is a row, also one left without words; ``min_count`` drops rarer terms.
        """
        from scipy import sparse

        keys = _keys(by)
        index = self.units[keys].drop_duplicates().reset_index(drop=True)
        tidy = self.terms(by=by, **drop)
        totals = tidy.groupby("term", observed=True)["count"].sum()
        vocab = sorted(str(t) for t in totals.index[totals.to_numpy() >= min_count])
        column = {term: i for i, term in enumerate(vocab)}
        tidy = tidy[tidy["term"].isin(column)]
        row_of = pd.Series(np.arange(len(index)), index=pd.MultiIndex.from_frame(index) if len(keys) > 1
                           else pd.Index(index[keys[0]]))
        rows = row_of.loc[list(zip(*(tidy[k] for k in keys), strict=True)) if len(keys) > 1
                          else tidy[keys[0]]].to_numpy()
        cols = tidy["term"].map(column).to_numpy(dtype=np.int64)
        matrix = sparse.csr_matrix((tidy["count"].to_numpy(dtype=np.int64), (rows, cols)),
                                   shape=(len(index), len(vocab)))
        return DocumentTermMatrix(matrix, tuple(vocab), index)


def _keys(by: str) -> list[str]:
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    return ["doc_id"] if by == "document" else ["doc_id", "para_id"]


def _drop_words(words: bool | Collection[str] | None, stock: bool) -> frozenset[str]:
    drop: frozenset[str] = frozenset()
    if words is True:
        drop = stopwords()
    elif words:
        drop = frozenset(words)
    return drop if stock else drop | stock_phrases()


def token_units(corpus: Corpus) -> pd.DataFrame:
    """The paragraph rows whose words count, with the document columns joined on."""
    from .. import pivots

    paragraphs = corpus.paragraphs
    keep = paragraphs["kind"].isin(TOKEN_KINDS)
    if "repeated" in paragraphs:
        keep &= ~paragraphs["repeated"].fillna(False).astype(bool)
    columns = [c for c in ("doc_id", "para_id", "kind", "topic", "role", "start", "end", "text") if c in paragraphs]
    units = paragraphs.loc[keep, columns].reset_index(drop=True)
    documents = corpus.documents
    doc_columns = ["doc_id", *(c for c in DOC_COLUMNS if c in documents)]
    docs = documents[doc_columns].copy()
    if "org" in documents:
        docs["org_type"] = pivots.org_type(documents).to_numpy()
    units = units.merge(docs, on="doc_id", how="left", validate="many_to_one")
    units["n_chars"] = units["text"].str.len().astype("Int64")
    return units


def tokens(corpus: Corpus, *, tokenizer: WordTokenizer | None = None) -> Tokens:
    """Tokenise the heading and body rows of ``corpus`` (see the module docstring)."""
    tok = tokenizer or default_tokenizer()
    units = token_units(corpus)
    doc_ids: list[str] = []
    para_ids: list[int] = []
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for doc_id, para_id, offset, text in zip(units["doc_id"], units["para_id"], units["start"], units["text"],
                                             strict=True):
        base = int(offset)
        for word, start, end in tok.spans(str(text)):
            doc_ids.append(doc_id)
            para_ids.append(para_id)
            words.append(word)
            starts.append(base + start)
            ends.append(base + end)
    table = pd.DataFrame({
        "doc_id": pd.array(doc_ids, dtype="string"),
        "para_id": pd.array(para_ids, dtype="Int64"),
        "token": pd.array(words, dtype="string"),
        "start": pd.array(starts, dtype="Int64"),
        "end": pd.array(ends, dtype="Int64"),
    })
    return Tokens(table, units)


def as_tokens(data: Corpus | Tokens, tokenizer: WordTokenizer | None = None) -> Tokens:
    """``data`` if it is :class:`Tokens` already, else :func:`tokens` of the corpus."""
    return data if isinstance(data, Tokens) else tokens(data, tokenizer=tokenizer)


#: what selects units: a {column: value(s)} dict, a callable on the units table, a boolean
#: mask over the units (or over the documents, by doc_id), or a collection of doc_ids
Selection = Mapping[str, Any] | Callable[[pd.DataFrame], Any] | pd.Series | Sequence[Any] | np.ndarray


def select_units(units: pd.DataFrame, selection: Selection) -> pd.Series:
    """A boolean mask over ``units`` for a selection.

    ``{"org_type": "学校"}``, ``{"year": [2022, 2023], "role": "plan"}`` (all keys must
    match), ``lambda u: u["topic"] == "welfare"``, a boolean Series indexed by doc_id,
    or doc_ids (``["a.txt#1", "b.txt#1"]``).
    """
    if isinstance(selection, Mapping):
        mask = pd.Series(True, index=units.index)
        for column, wanted in selection.items():
            if column not in units:
                raise KeyError(f"no column {column!r} to select on; columns: {list(units.columns)}")
            values = list(wanted) if isinstance(wanted, list | tuple | set | frozenset) else [wanted]
            mask &= units[column].isin(values).fillna(False).astype(bool)
        return mask
    if callable(selection):
        result = selection(units)
        return pd.Series(np.asarray(result, dtype=bool), index=units.index)
    if (isinstance(selection, pd.Series) and selection.dtype == bool) or (
            isinstance(selection, pd.Series) and str(selection.dtype) == "boolean"):
        if len(selection) == len(units) and selection.index.equals(units.index):
            return selection.fillna(False).astype(bool)
        by_doc = selection.fillna(False).astype(bool)
        return units["doc_id"].map(by_doc).fillna(False).astype(bool)
    return units["doc_id"].isin(list(selection)).astype(bool)


def unit_counts(toks: Tokens, mask: pd.Series, **drop: Any) -> Counter[str]:
    """Word counts over the units selected by ``mask``."""
    chosen = toks.units.loc[mask.to_numpy(), ["doc_id", "para_id"]]
    table = toks.counts(**drop)
    keys = pd.MultiIndex.from_frame(chosen)
    rows = pd.MultiIndex.from_frame(table[["doc_id", "para_id"]]).isin(keys)
    return Counter(table.loc[rows, "token"].value_counts().to_dict())
