"""Plots of sections: which topics and roles each document is made of, and how sure the labels are.

    >>> ax = section_profile(corpus)       # 各文档的主题构成      # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .. import pivots
from ..records import CONTENT_KINDS, ROLES, TOPICS
from ._common import (
    ROLE_COLORS,
    TOPIC_COLORS,
    _doc_rows,
    _documents,
    _new_axes,
    _paragraphs_with_topics,
    _rows_height,
    _stacked_barh,
    _title_and_legend,
)


def section_profile(data: Any, documents: pd.DataFrame | None = None, *, weight: str = "chars",
                    by_org_type: bool = True, fragments: bool = False,
                    ax: Axes | None = None) -> Axes:
    """Stacked bars: the share of each topic in each document's body text (各文档的主题构成).

    Documents are grouped by organisation type (学校, 医院, 企业…) when ``by_org_type``;
    cut-off fragments of compilations are left out unless ``fragments``.

    >>> ax = section_profile(corpus)     # doctest: +SKIP
    >>> ax.get_title()                   # doctest: +SKIP
    '各文档的主题构成（正文字数占比）'
    """
    paragraphs = _paragraphs_with_topics(data)
    documents = _documents(data, documents, "section_profile")
    shares = _whole(pivots.topic_share(paragraphs, weight=weight), documents, fragments)
    shares = _order_documents(shares, documents, by_org_type)
    ax = _new_axes(ax, (11, _rows_height(len(shares))))
    _stacked_barh(ax, shares, TOPICS, TOPIC_COLORS, _doc_rows(documents, shares.index, by_org_type))
    unit = "正文字数" if weight == "chars" else "段落数"
    ax.set_xlabel(f"占本文档正文的比例（按{unit}）")
    _title_and_legend(ax, f"各文档的主题构成（{unit}占比）")
    return ax


def _whole(shares: pd.DataFrame, documents: pd.DataFrame, fragments: bool) -> pd.DataFrame:
    """The rows of whole documents only (not cut-off fragments), unless ``fragments``."""
    if fragments or "fragment" not in documents:
        return shares
    cut = set(documents.loc[documents["fragment"].fillna(False).astype(bool), "doc_id"])
    return shares[~shares.index.isin(cut)]


def _order_documents(shares: pd.DataFrame, documents: pd.DataFrame,
                     by_org_type: bool) -> pd.DataFrame:
    if not by_org_type:
        return shares
    types = pivots.org_type(documents).reindex(shares.index)
    order = pd.DataFrame({"type": types.cat.codes, "pos": range(len(shares))}, index=shares.index)
    return shares.loc[order.sort_values(["type", "pos"]).index]


def corpus_profile(data: Any, *, weight: str = "chars") -> Figure:
    """Two panels: each topic's share of all body text, and the share of documents touching it.

    >>> fig = corpus_profile(corpus)     # 全语料的主题构成   # doctest: +SKIP
    """
    profile = pivots.corpus_topic_profile(_paragraphs_with_topics(data), weight=weight)
    profile = profile.sort_values("text_share")
    names = [TOPICS[t] for t in profile.index]
    colors = [TOPIC_COLORS[t] for t in profile.index]
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.5), sharey=True, layout="constrained")
    panels = (("text_share", "占全部正文的比例"), ("doc_share", "写到该主题的文档比例"))
    for ax, (column, label) in zip(axes, panels, strict=True):
        values = profile[column].to_numpy(dtype=float)
        ax.barh(names, values, color=colors)
        ax.set_xlabel(label)
        ax.set_xlim(0, max(values.max() * 1.18, 0.05))
        ax.xaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:.0%}", va="center", fontsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    n_docs = pivots.table_of(data, "paragraphs")["doc_id"].nunique()
    fig.suptitle(f"全语料的主题构成（{n_docs} 篇文档）", fontsize=13)
    return fig


def role_composition(data: Any, documents: pd.DataFrame | None = None, *, weight: str = "chars",
                     fragments: bool = False, ax: Axes | None = None) -> Axes:
    """Stacked bars per document: the shares of 总述, 工作与成效, 问题与不足, 下步打算, 结语.

    Sorted by how much of the report is problems and plans, the most self-critical first;
    cut-off fragments are left out unless ``fragments``.
    """
    paragraphs = pivots.table_of(data, "paragraphs")
    if not paragraphs["role"].notna().any():
        raise ValueError("the paragraphs have no role labels yet")
    documents = _documents(data, documents, "role_composition")
    shares = _whole(pivots.role_share(paragraphs, weight=weight), documents, fragments)
    shares = shares.loc[(shares["problem"] + shares["plan"]).sort_values(ascending=False,
                                                                          kind="stable").index]
    ax = _new_axes(ax, (11, _rows_height(len(shares))))
    _stacked_barh(ax, shares, ROLES, ROLE_COLORS, _doc_rows(documents, shares.index, False))
    ax.set_xlabel("占本文档正文的比例（按正文字数）")
    _title_and_legend(ax, "各文档的论证结构：成效、问题与打算各占多少")
    return ax


def topic_confidence(data: Any, *, threshold: float | None = 0.5) -> Figure:
    """The classifier's confidence: a histogram of ``topic_score`` and its spread per topic.

    Paragraphs below ``threshold`` (dashed line) are the ones worth reading and labelling first.
    """
    paragraphs = _paragraphs_with_topics(data)
    content = paragraphs["kind"].isin(list(CONTENT_KINDS))
    rows = paragraphs[content & paragraphs["topic_score"].notna()]
    if rows.empty:
        raise ValueError("the paragraphs have no topic_score values")
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5), layout="constrained",
                                      gridspec_kw={"width_ratios": [1, 1.3]})
    bins = np.linspace(0, 1, 21)
    series = [_scores(rows, "kind", k) for k in ("body", "heading")]
    left.hist(series, bins=bins, stacked=True, color=["#4c72b0", "#dd8452"],
              label=["正文段落", "标题"])
    left.set_xlabel("主题置信度（topic_score）")
    left.set_ylabel("段落数")
    left.legend(frameon=False)
    topics = [t for t in TOPICS if (rows["topic"] == t).any()]
    data_by_topic = [_scores(rows, "topic", t) for t in topics]
    box = right.boxplot(data_by_topic, orientation="horizontal", patch_artist=True,
                        widths=0.6, medianprops={"color": "black"})
    for patch, topic in zip(box["boxes"], topics, strict=True):
        patch.set_facecolor(TOPIC_COLORS[topic])
    names = [f"{TOPICS[t]}（{len(d)}）" for t, d in zip(topics, data_by_topic, strict=True)]
    right.set_yticks(range(1, len(topics) + 1), names)
    right.invert_yaxis()
    right.set_xlabel("主题置信度（括号内为段落数）")
    for ax in (left, right):
        ax.set_xlim(0, 1)
        if threshold is not None:
            ax.axvline(threshold, color="grey", linestyle="--", linewidth=1)
    share_low = (rows["topic_score"] < threshold).mean() if threshold is not None else None
    note = f"；低于 {threshold:g} 的占 {share_low:.0%}" if share_low is not None else ""
    fig.suptitle(f"分类器的主题置信度（{len(rows)} 个标题与正文段落{note}）", fontsize=13)
    return fig


def _scores(rows: pd.DataFrame, column: str, value: str) -> np.ndarray:
    return rows.loc[rows[column] == value, "topic_score"].to_numpy(dtype=float)


__all__ = [
    "corpus_profile",
    "role_composition",
    "section_profile",
    "topic_confidence",
]
