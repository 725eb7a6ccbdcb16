"""Plots of figures: money and people per topic and organisation, and totals against their parts.

    >>> ax = figures_by_topic(corpus)      # 各主题的金额与人数    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from .. import pivots
from ..records import TOPICS
from ._common import FIGURE_PANELS, TOPIC_COLORS, _documents, _number


def _totals_figure(totals: pd.DataFrame, row_names: list[str], title: str,
                   colors: list[Any] | str, log: bool) -> Figure:
    """One panel per figure kind (money, people, person-times), rows shared."""
    height = max(4.0, 0.42 * len(totals) + 1.8)
    fig, axes = plt.subplots(1, len(FIGURE_PANELS), figsize=(13, height), sharey=True,
                             layout="constrained")
    for ax, (kind, name, unit) in zip(axes, FIGURE_PANELS, strict=True):
        _totals_panel(ax, totals[kind].to_numpy(dtype=float), colors, log)
        ax.set_xlabel(f"{name}（{unit}，对数坐标）" if log else f"{name}（{unit}）")
    axes[0].set_yticks(np.arange(len(totals)), row_names)
    axes[0].set_ylim(len(totals) - 0.5, -0.5)
    fig.suptitle(title, fontsize=13)
    return fig


def _totals_panel(ax: Axes, values: np.ndarray, colors: list[Any] | str, log: bool) -> None:
    y = np.arange(len(values))
    ax.barh(y, np.where(values > 0, values, np.nan), color=colors)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if not (values > 0).any():
        ax.text(0.5, 0.5, "（报告中没有）", ha="center", va="center", color="grey",
                transform=ax.transAxes)
        ax.set_xticks([])
        return
    if log:
        _log_axis(ax, values[values > 0].min(), values.max())
    else:
        ax.set_xlim(0, values.max() * 1.3)
    _label_bars(ax, y, values)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _number(v)))


def _log_axis(ax: Axes, low: float, high: float) -> None:
    """A log x axis from a power of ten below ``low`` to one well above ``high``."""
    ax.set_xscale("log")
    ax.set_xlim(10 ** np.floor(np.log10(low)), 10 ** np.ceil(np.log10(high * 4)))
    ax.xaxis.set_minor_formatter(NullFormatter())


def _label_bars(ax: Axes, y: np.ndarray, values: np.ndarray) -> None:
    """Write each bar's value at its end; "0" at the axis for a topic with none."""
    start = ax.get_xlim()[0]
    for row, value in zip(y, values, strict=True):
        if value > 0:
            ax.text(value, row, f" {_number(value)}", va="center", fontsize=8)
        else:
            ax.text(start, row, " 0", va="center", fontsize=8, color="grey")


def figures_by_topic(data: Any, relations: pd.DataFrame | None = None, *,
                     log: bool = True, money_types: Sequence[str] | None = pivots.UNION_MONEY) -> Figure:
    """Union money (元, shown as 万/亿), people and person-times mentioned per topic, summed.

    Parts of stated totals (共计……其中) and the figures of ``repeated`` paragraphs (a page
    stored twice) are left out so that nothing is counted twice; money is union money only
    unless ``money_types`` says otherwise (an employer's revenue or a bank's loans are not
    union spending); log scale by default, since 经费 runs to 亿 while 民主管理 mentions a
    few thousand yuan.
    """
    totals = pivots.figure_totals(pivots.table_of(data, "figures"), by="topic",
                                  relations=pivots.optional_table(data, "relations", relations),
                                  money_types=money_types,
                                  paragraphs=pivots.optional_table(data, "paragraphs", None))
    if totals.empty:
        raise ValueError("no figures with a topic to plot")
    return _totals_figure(totals, [TOPICS[t] for t in totals.index],
                          f"各主题提及的{_money_words(money_types)}、人数与人次（全语料合计，不重复计算“其中”分项）",
                          [TOPIC_COLORS[t] for t in totals.index], log)


def _money_words(money_types: Sequence[str] | None) -> str:
    """How a title names the money summed: 工会资金 by default, 金额 for every type."""
    return "工会资金" if money_types is not None and list(money_types) == ["union"] else "金额"


def figures_by_org(data: Any, documents: pd.DataFrame | None = None,
                   relations: pd.DataFrame | None = None, *, by: str = "org_type",
                   log: bool = True, money_types: Sequence[str] | None = pivots.UNION_MONEY) -> Figure:
    """Money, people and person-times per organisation type (``by="label"``: per document).

    As in :func:`figures_by_topic`, parts of stated totals and the figures of ``repeated``
    paragraphs are left out.

    >>> fig = figures_by_org(corpus)     # 不同类型单位提及的金额、人数与人次   # doctest: +SKIP
    """
    documents = _documents(data, documents, "figures_by_org")
    totals = pivots.figure_totals(pivots.table_of(data, "figures"), by=by, documents=documents,
                                  relations=pivots.optional_table(data, "relations", relations),
                                  money_types=money_types,
                                  paragraphs=pivots.optional_table(data, "paragraphs", None))
    if totals.empty:
        raise ValueError("no figures to plot")
    totals = totals.sort_values("money", ascending=False)
    money = _money_words(money_types)
    if by == "org_type":
        names = [f"{t}（{n}篇）" for t, n in zip(totals.index, totals["n_documents"], strict=True)]
        title = f"不同类型单位提及的{money}、人数与人次（合计）"
    else:
        names = [str(t) for t in totals.index]
        title = f"各单位提及的{money}、人数与人次（合计）"
    return _totals_figure(totals, names, title, "#4c72b0", log)


def totals_check(data: Any, relations: pd.DataFrame | None = None,
                 documents: pd.DataFrame | None = None, *, max_listed: int = 15) -> Figure:
    """Stated totals against the sum of their parts (共计……其中): off the diagonal = inconsistent.

    Inconsistent groups are numbered in the scatter and listed beside it
    ("1 宁山县总工会：共计216人 ≠ 其中之和 210"), so that labels never overlap. A group in a
    ``repeated`` paragraph (a page stored twice) is shown once.
    """
    figures = pivots.table_of(data, "figures")
    relations = pivots.optional_table(data, "relations", relations)
    documents = pivots.optional_table(data, "documents", documents)
    table = pivots.inconsistent_totals(figures, relations, documents, only_inconsistent=False,
                                       paragraphs=pivots.optional_table(data, "paragraphs", None))
    table = table[(table["total_value"] > 0) & (table["parts_sum"].fillna(0) > 0)]
    if table.empty:
        raise ValueError("no 共计……其中 groups with values to plot")
    fig, (ax, side) = plt.subplots(1, 2, figsize=(11, 6.5), layout="constrained",
                                   gridspec_kw={"width_ratios": [1.4, 1]})
    bad = table[table["consistent"].eq(False)]
    good = table[~table.index.isin(bad.index)]
    ax.scatter(good["total_value"], good["parts_sum"], color="#4c72b0", alpha=0.7,
               label=f"分项之和等于合计（{len(good)} 组）")
    ax.scatter(bad["total_value"], bad["parts_sum"], color="#d62728", marker="X", s=70,
               label=f"分项之和不等于合计（{len(bad)} 组）")
    _diagonal_log_axes(ax, table)
    side.legend(*ax.get_legend_handles_labels(), frameon=False, loc="lower left", fontsize=9)
    listed = bad.head(max_listed)
    for number, (_, row) in enumerate(listed.iterrows(), start=1):
        ax.annotate(str(number), (row["total_value"], row["parts_sum"]), xytext=(5, 3),
                    textcoords="offset points", fontsize=9, color="#d62728")
    _list_inconsistent(side, listed, len(bad))
    fig.suptitle("合计与分项是否对得上（共计……其中）", fontsize=13)
    return fig


def _diagonal_log_axes(ax: Axes, table: pd.DataFrame) -> None:
    low = 10 ** np.floor(np.log10(min(table["total_value"].min(), table["parts_sum"].min()) / 1.5))
    high = 10 ** np.ceil(np.log10(max(table["total_value"].max(), table["parts_sum"].max()) * 1.5))
    ax.plot([low, high], [low, high], color="grey", linestyle="--", linewidth=1)
    ax.set(xscale="log", yscale="log", xlim=(low, high), ylim=(low, high))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda v, _: _number(v)))
        axis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("报告写的合计数（对数坐标）")
    ax.set_ylabel("“其中”各分项之和（对数坐标）")


def _list_inconsistent(ax: Axes, listed: pd.DataFrame, n_bad: int) -> None:
    ax.axis("off")
    if listed.empty:
        ax.text(0, 1, "所有合计都与分项之和一致。", va="top", fontsize=10, transform=ax.transAxes)
        return
    lines = [f"{i}  {_clip(row['label'], 10)}：{row['total']} ≠ 分项之和 "
             f"{_number(row['parts_sum'])}" for i, (_, row) in enumerate(listed.iterrows(), 1)]
    if n_bad > len(listed):
        lines.append(f"……另有 {n_bad - len(listed)} 组，见 pivots.inconsistent_totals()")
    ax.text(0, 1, "对不上的合计：\n" + "\n".join(lines), va="top", ha="left", fontsize=9,
            linespacing=1.6, transform=ax.transAxes)


def _clip(text: object, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "figures_by_org",
    "figures_by_topic",
    "totals_check",
]
