"""What every plot shares: colours per topic and role, the tables it reads, axes and bars."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from .. import pivots

#: one colour per topic, the same in every plot; 其他 is light grey
TOPIC_COLORS: dict[str, str] = {
    "ideology": "#1f77b4", "skills": "#ff7f0e", "democracy": "#2ca02c", "rights": "#d62728",
    "organization": "#9467bd", "welfare": "#8c564b", "culture": "#17becf", "women": "#e377c2",
    "honors": "#bcbd22", "finance": "#393b79", "other": "#c7c7c7",
}
#: one colour per role
ROLE_COLORS: dict[str, str] = {"preamble": "#9e9ac8", "work": "#74c476", "problem": "#fb6a4a",
                               "plan": "#6baed6", "closing": "#bdbdbd"}

#: the panels of the figure-total plots: figure kind and axis label
FIGURE_PANELS: tuple[tuple[str, str, str], ...] = (
    ("money", "金额", "元"), ("people", "人数", "人"), ("person_times", "人次", "人次"),
)


def _paragraphs_with_topics(data: Any) -> pd.DataFrame:
    paragraphs = pivots.table_of(data, "paragraphs")
    if not paragraphs["topic"].notna().any():
        raise ValueError("the paragraphs have no topic labels yet: read the corpus with a "
                         "classifier (sl.read_corpus) before plotting topics")
    return paragraphs


def _documents(data: Any, documents: pd.DataFrame | None, plot: str) -> pd.DataFrame:
    found = pivots.optional_table(data, "documents", documents)
    if found is None:
        raise ValueError(f"{plot} needs the documents table: pass a Corpus or documents=…")
    return found


def _number(value: float) -> str:
    """A compact Chinese number: 1234 → '1234', 56000 → '5.6万', 3.2e8 → '3.2亿'.

    >>> [_number(v) for v in (0.5, 1234, 56000, 14500000, 3.2e8)]
    ['0.5', '1234', '5.6万', '1450万', '3.2亿']
    """
    for unit, size in (("亿", 1e8), ("万", 1e4), ("", 1.0)):
        if abs(value) >= size or unit == "":
            scaled = value / size
            digits = f"{scaled:.3g}" if abs(scaled) < 100 else f"{scaled:.0f}"
            return digits + unit
    return str(value)  # unreachable


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _rows_height(rows: int) -> float:
    """Figure height for one bar a document: a quarter inch each, at least 4 and at most 19
    inches (about 70 documents); beyond that the bars get thinner rather than the figure
    taller than a screen or a page.

    >>> _rows_height(10), _rows_height(200)
    (4.5, 19.0)
    """
    return min(19.0, max(4.0, 0.25 * rows + 2.0))


def _doc_rows(documents: pd.DataFrame, doc_ids: Iterable[str], with_type: bool) -> list[str]:
    labels = pivots.doc_labels(documents)
    if not with_type:
        return [labels.get(d, d) for d in doc_ids]
    types = pivots.org_type(documents)
    return [f"{labels.get(d, d)}（{types.get(d, '')}）" for d in doc_ids]


def _stacked_barh(ax: Axes, shares: pd.DataFrame, names: dict[str, str],
                  colors: dict[str, Any], row_labels: list[str]) -> None:
    left = np.zeros(len(shares))
    y = np.arange(len(shares))
    for label in shares.columns:
        values = shares[label].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=colors[label], label=names[label], height=0.8,
                edgecolor="white", linewidth=0.3)
        left += values
    ax.set_yticks(y, row_labels)
    ax.set_ylim(len(shares) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.tick_params(axis="y", labelsize=8 if len(shares) > 30 else 9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _title_and_legend(ax: Axes, title: str) -> None:
    """Title on top, the legend right of the bars, top-aligned, in stacking order."""
    ax.set_title(title, fontsize=13, loc="left")
    ax.figure.legend(*ax.get_legend_handles_labels(), loc="outside right upper",
                     frameon=False, fontsize=9)


