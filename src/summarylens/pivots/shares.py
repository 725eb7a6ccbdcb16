"""Pivots of the paragraphs and documents tables: topic and role shares per document or
group of documents, and how alike documents are (template reuse).

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [{"doc_id": "a#1", "kind": "body", "topic": "welfare",
    ...                                "text": "走访慰问困难职工。"}])
    >>> topic_share(paras).loc["a#1", "welfare"]
    np.float64(1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..records import CONTENT_KINDS, ROLES, TOPICS
from .labels import doc_labels, optional_table, org_type, table_of

# ---------------------------------------------------------------------------
# Paragraph pivots
# ---------------------------------------------------------------------------

def _weights(paragraphs: pd.DataFrame, weight: str) -> pd.Series:
    if weight == "chars":
        return paragraphs["text"].str.len().astype("float64")
    if weight == "paragraphs":
        return pd.Series(1.0, index=paragraphs.index)
    raise ValueError(f"weight must be 'chars' or 'paragraphs', not {weight!r}")


def _share(paragraphs: pd.DataFrame, column: str, labels: Iterable[str], by: str | pd.Series,
           weight: str, kinds: Sequence[str]) -> pd.DataFrame:
    rows = paragraphs[paragraphs["kind"].isin(kinds) & paragraphs[column].notna()]
    keys = rows[by] if isinstance(by, str) else by.reindex(rows["doc_id"]).to_numpy()
    sums = (_weights(rows, weight).groupby([keys, rows[column].astype("string")])
            .sum().unstack(fill_value=0))
    sums = sums.reindex(columns=list(labels), fill_value=0.0)
    sums.columns.name = column
    return sums.div(sums.sum(axis=1), axis=0)


def topic_share(paragraphs: Any, by: str | pd.Series = "doc_id", weight: str = "chars",
                kinds: Sequence[str] = ("body",)) -> pd.DataFrame:
    """Share of each topic in each document (rows sum to 1): the document's section profile.

    ``by`` is a column of the paragraphs table or a Series mapping doc_id to a group (e.g.
    :func:`org_type`). Columns are the topic labels in :data:`~summarylens.records.TOPICS` order.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "topic": "welfare", "text": "慰问困难职工12户。"},
    ...     {"doc_id": "a#1", "kind": "body", "topic": "women", "text": "三八节座谈。"}])
    >>> topic_share(paras).loc["a#1", ["welfare", "women"]].round(3).tolist()
    [0.625, 0.375]
    """
    return _share(table_of(paragraphs, "paragraphs"), "topic", TOPICS, by, weight, kinds)


def role_share(paragraphs: Any, by: str | pd.Series = "doc_id",
               weight: str = "chars") -> pd.DataFrame:
    """Share of each role (总述, 工作与成效, 问题与不足, 下步打算, 结语) in each document's body.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "role": "work", "text": "发放慰问金2万元。"},
    ...     {"doc_id": "a#1", "kind": "body", "role": "plan", "text": "下半年将继续。"}])
    >>> float(role_share(paras).loc["a#1", "plan"].round(2))
    0.44
    """
    return _share(table_of(paragraphs, "paragraphs"), "role", ROLES, by, weight, ("body",))


def corpus_topic_profile(paragraphs: Any, weight: str = "chars") -> pd.DataFrame:
    """Topics across the corpus: share of all body text, and share of documents that touch each.

    Columns ``text_share`` (pooled over the corpus) and ``doc_share`` (documents with any body
    paragraph on the topic), indexed by topic label.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "topic": "welfare", "text": "慰问职工。"},
    ...     {"doc_id": "b#1", "kind": "body", "topic": "culture", "text": "球赛。"}])
    >>> corpus_topic_profile(paras).loc["welfare"].round(3).tolist()
    [0.625, 0.5]
    """
    paragraphs = table_of(paragraphs, "paragraphs")
    pooled = _share(paragraphs.assign(_all="全部"), "topic", TOPICS, "_all", weight, ("body",))
    per_doc = topic_share(paragraphs, weight=weight)
    return pd.DataFrame({"text_share": pooled.iloc[0] if len(pooled) else 0.0,
                         "doc_share": (per_doc > 0).mean() if len(per_doc) else 0.0},
                        index=pd.Index(list(TOPICS), name="topic"))


def topic_by_org_type(paragraphs: Any, documents: pd.DataFrame | None = None,
                      weight: str = "chars") -> pd.DataFrame:
    """Mean section profile per organisation type (rows: org types; columns: topics).

    Every document counts once (its shares are averaged), so one long report does not speak
    for all schools. Column ``n_documents`` says how many documents stand behind each row.
    """
    documents = optional_table(paragraphs, "documents", documents)
    if documents is None:
        raise ValueError("topic_by_org_type needs the documents table (or a Corpus)")
    shares = topic_share(paragraphs, weight=weight)
    types = org_type(documents).reindex(shares.index)
    table = shares.groupby(types, observed=True).mean()
    table["n_documents"] = types.value_counts().reindex(table.index).astype("Int64")
    table.index.name = "org_type"
    return table


# ---------------------------------------------------------------------------
# Template reuse
# ---------------------------------------------------------------------------

def content_texts(documents: pd.DataFrame, paragraphs: pd.DataFrame | None = None) -> pd.Series:
    """Each document's words: headings and body joined (what the duplicate finder compares)."""
    if paragraphs is None:
        return documents.set_index("doc_id")["text"].astype("object")
    content = paragraphs[paragraphs["kind"].isin(list(CONTENT_KINDS))]
    joined = content.groupby("doc_id", sort=False)["text"].agg("\n".join)
    return joined.reindex(documents["doc_id"]).fillna("").astype("object")


def similarity(documents: Any, paragraphs: pd.DataFrame | None = None,
               labels: bool = True) -> pd.DataFrame:
    """Pairwise similarity of documents (MinHash estimate of 5-shingle Jaccard), as a table.

    Index and columns are short labels (``labels=True``) or doc_ids. O(n²): meant for a few
    hundred documents at most; pick a subset first for larger corpora.
    """
    from ..dedup import similarity_matrix

    paragraphs = optional_table(documents, "paragraphs", paragraphs)
    documents = table_of(documents, "documents")
    texts = content_texts(documents, paragraphs)
    names = doc_labels(documents).tolist() if labels else texts.index.tolist()
    return pd.DataFrame(similarity_matrix(texts.tolist()), index=names, columns=names)


__all__ = [
    "content_texts",
    "corpus_topic_profile",
    "role_share",
    "similarity",
    "topic_by_org_type",
    "topic_share",
]
