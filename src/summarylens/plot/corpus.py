"""Plots across documents: topics by type of organisation, and paragraphs reused between documents.

    >>> ax = template_reuse(corpus)        # 段落在文档间的复用    # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import PowerNorm
from matplotlib.ticker import PercentFormatter

from .. import pivots
from ..records import TOPICS
from ._common import _documents, _new_axes, _paragraphs_with_topics


def topic_by_org(data: Any, documents: pd.DataFrame | None = None, *, weight: str = "chars",
                 fragments: bool = False, ax: Axes | None = None) -> Axes:
    """Heatmap: topics × organisation types, the mean share of body text (各类单位的主题侧重).

    Each document counts once; cut-off fragments are left out unless ``fragments``.
    """
    paragraphs = _paragraphs_with_topics(data)
    documents = _documents(data, documents, "topic_by_org")
    if not fragments and "fragment" in documents:
        documents = documents[~documents["fragment"].fillna(False).astype(bool)]
    table = pivots.topic_by_org_type(paragraphs, documents, weight=weight)
    counts = table.pop("n_documents")
    matrix = table.T.to_numpy(dtype=float)  # topics down, org types across
    ax = _new_axes(ax, (max(7.0, 1.0 * len(table) + 3.5), 7.0))
    image = ax.imshow(matrix, cmap="YlGnBu", vmin=0, vmax=max(matrix.max(), 0.01), aspect="auto")
    columns = [f"{t}\n{n}篇" for t, n in zip(table.index, counts, strict=True)]
    ax.set_xticks(range(len(table)), columns)
    ax.set_yticks(range(len(table.columns)), [TOPICS[t] for t in table.columns])
    ax.tick_params(length=0)
    for (row, col), value in np.ndenumerate(matrix):
        ax.text(col, row, f"{value:.0%}", ha="center", va="center", fontsize=8,
                color="white" if value > 0.6 * matrix.max() else "black")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, format=PercentFormatter(1.0, decimals=0),
                       label="平均占正文比例")
    ax.set_title("不同类型单位的主题侧重（各文档占比的平均）", fontsize=13)
    return ax


def template_reuse(data: Any, paragraphs: pd.DataFrame | None = None, *, max_docs: int = 60,
                   threshold: float = 0.5, ax: Axes | None = None) -> Axes:
    """Heatmap of pairwise text similarity: dark cells are one template reused (模板复用).

    Similarity is the MinHash estimate of 5-character-shingle Jaccard used by the
    near-duplicate finder; pairs at or above ``threshold`` are written out. The colour scale
    is a square root, so that partial reuse (0.1–0.3) shows. With more than ``max_docs``
    documents, those with the most similar partner are shown.
    """
    documents = pivots.table_of(data, "documents")
    paragraphs = pivots.optional_table(data, "paragraphs", paragraphs)
    matrix = pivots.similarity(documents, paragraphs, labels=False)
    shown = _most_reused(matrix, max_docs)
    values = matrix.loc[shown, shown].to_numpy(dtype=float)
    n = len(values)
    size = min(16.0, max(6.0, 0.17 * n + 3.0))
    ax = _new_axes(ax, (size + 1.5, size))
    lower = np.ma.masked_array(values, mask=np.triu(np.ones_like(values, dtype=bool)))
    image = ax.imshow(lower, cmap="Reds", norm=PowerNorm(0.5, vmin=0, vmax=1),
                      interpolation="nearest")
    _reuse_ticks(ax, documents, shown)
    for (row, col), value in np.ndenumerate(values):
        if col < row and value >= threshold:
            ax.text(col, row, f"{value:.2f}".lstrip("0"), ha="center", va="center", fontsize=7,
                    color="white")
    ax.figure.colorbar(image, ax=ax, shrink=0.6, label="相似度（5字片段 Jaccard 的 MinHash 估计）")
    subset = f"；相似度最高的 {n} 篇" if n < len(documents) else ""
    ax.set_title(f"文档之间的文本相似度：模板复用（格内数字为 ≥{threshold:g} 的近似重复{subset}）",
                 fontsize=12)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _reuse_ticks(ax: Axes, documents: pd.DataFrame, shown: list[str]) -> None:
    """Names with numbers down the side, numbers only along the bottom (no rotated Chinese)."""
    n = len(shown)
    labels = pivots.doc_labels(documents)
    fontsize = 7 if n > 30 else 9
    names = [f"{labels[d]} {i + 1}" for i, d in enumerate(shown)]
    ax.set_yticks(range(n), names, fontsize=fontsize)
    ax.set_xticks(range(n), [str(i + 1) for i in range(n)], fontsize=fontsize - 1,
                  rotation=90 if n > 30 else 0)
    ax.set_xlabel("文档编号（与纵轴编号对应）")
    ax.tick_params(length=0)


def _most_reused(matrix: pd.DataFrame, max_docs: int) -> list[str]:
    if len(matrix) <= max_docs:
        return list(matrix.index)
    off_diagonal = matrix.to_numpy(dtype=float) - np.eye(len(matrix))
    best = pd.Series(off_diagonal.max(axis=1), index=matrix.index)
    keep = set(best.nlargest(max_docs).index)
    return [d for d in matrix.index if d in keep]


__all__ = [
    "template_reuse",
    "topic_by_org",
]
