"""Plots of words: keyness bars, term frequency over the years, keywords by topic.

Same conventions as the other plots of :mod:`summarylens.plot` (its CJK font included):
each function takes a :class:`~summarylens.corpus.Corpus` or the :class:`~summarylens.words.Tokens`
of one (or the table it needs) and returns the matplotlib Axes or Figure::

    >>> import summarylens as sl, summarylens.plot as slp                 # doctest: +SKIP
    >>> key = sl.keyness(corpus, {"org_type": "学校"}, {"org_type": "企业"})  # doctest: +SKIP
    >>> ax = slp.keyness_bars(key, target="学校", reference="企业")          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..records import TOPICS
from ..words import keywords as _keywords
from ..words import tokens as _tokens
from ..words.tokentable import Tokens
from ._common import TOPIC_COLORS, _new_axes

__all__ = ["keyness_bars", "keywords_by_topic", "term_trend"]

TARGET_COLOR, REFERENCE_COLOR = "#3182bd", "#9e9e9e"


def keyness_bars(key: pd.DataFrame, *, n: int = 15, measure: str = "z", target: str = "目标组",
                 reference: str = "参照组", ax: Axes | None = None) -> Axes:
    """Two-sided bars, as quanteda's ``textplot_keyness``: the ``n`` words most typical of
    the target (right, blue) and of the reference (left, grey), by ``measure``.

    ``key`` is a :func:`summarylens.keyness` table. Each bar is labelled with its word
    and its counts in the two groups.
    """
    if measure not in key:
        raise KeyError(f"the keyness table has no column {measure!r}")
    ordered = key.sort_values(measure, ascending=False)
    top = ordered[ordered[measure] > 0].head(n)
    bottom = ordered[ordered[measure] < 0].tail(n)
    shown = pd.concat([top, bottom])
    ax = _new_axes(ax, (9, max(4.0, 0.28 * len(shown) + 1.5)))
    values = shown[measure].to_numpy(dtype=float)
    y = np.arange(len(shown))
    colors = [TARGET_COLOR if v > 0 else REFERENCE_COLOR for v in values]
    ax.barh(y, values, color=colors, height=0.75)
    span = max(np.abs(values).max() if len(values) else 1.0, 1e-9)
    for row, (value, term, a, b) in enumerate(zip(values, shown["term"], shown["n_target"], shown["n_reference"],
                                                  strict=True)):
        label = f"{term}（{a}:{b}）"
        if value > 0:
            ax.text(value + 0.01 * span, row, label, va="center", ha="left", fontsize=9)
        else:
            ax.text(value - 0.01 * span, row, label, va="center", ha="right", fontsize=9)
    ax.set_yticks([])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(-1.45 * span, 1.45 * span)
    ax.axvline(0, color="black", linewidth=0.8)
    names = {"z": "加权对数优势比 z 值", "log_odds": "加权对数优势比", "chi2": "χ²（带符号）", "G2": "G²（带符号）"}
    ax.set_xlabel(f"{names.get(measure, measure)}　←{reference}　　{target}→")
    ax.set_title(f"关键词：{target} 对比 {reference}（括号内为两组词频）", fontsize=13, loc="left")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return ax


def term_trend(data: Any, terms: Iterable[str], *, per: int = 10_000, ax: Axes | None = None) -> Axes:
    """Lines: occurrences of each word per ``per`` words of each year's reports (词频的年度变化).

    Documents without a year are left out; the number of documents per year is shown
    under the axis, since a year with one report says little.
    """
    toks = data if isinstance(data, Tokens) else _tokens(data)
    wanted = list(terms)
    table = toks.table.merge(toks.units[["doc_id", "para_id", "year"]], on=["doc_id", "para_id"])
    table = table[table["year"].notna()]
    if table.empty:
        raise ValueError("no document has a year")
    totals = table.groupby("year").size()
    counts = (table[table["token"].isin(wanted)].groupby(["year", "token"]).size()
              .unstack(fill_value=0).reindex(index=totals.index, columns=wanted, fill_value=0))
    rates = counts.div(totals, axis=0) * per
    ax = _new_axes(ax, (9, 5))
    years = [int(y) for y in rates.index]
    for term in wanted:
        ax.plot(years, rates[term].to_numpy(dtype=float), marker="o", label=term)
    n_docs = toks.units.dropna(subset=["year"]).groupby("year")["doc_id"].nunique()
    ax.set_xticks(years, [f"{y}\n{n_docs.get(y, 0)}篇" for y in years])
    ax.set_ylabel(f"每{per:,}词出现次数")
    ax.set_title("词频的年度变化", fontsize=13, loc="left")
    ax.legend(frameon=False, fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def keywords_by_topic(data: Any, *, n: int = 8, topics: Iterable[str] | None = None,
                      **options: Any) -> Figure:
    """Small multiples: the ``n`` TF-IDF keywords of each section topic (各主题的关键词).

    ``data`` is a corpus, its Tokens, or a :func:`summarylens.keywords` table by topic;
    ``options`` go to :func:`summarylens.keywords`.
    """
    table = data if isinstance(data, pd.DataFrame) else _keywords(data, by="topic", n=n, **options)
    order = [t for t in (topics or TOPICS) if t in set(table["topic"])]
    cols = 3
    rows = int(np.ceil(len(order) / cols)) or 1
    fig, axes = plt.subplots(rows, cols, figsize=(12, 2.6 * rows), layout="constrained", squeeze=False)
    for ax, topic in zip(axes.ravel(), order, strict=False):
        part = table[table["topic"] == topic].sort_values("tfidf", ascending=False).head(n)
        y = np.arange(len(part))
        ax.barh(y, part["tfidf"].to_numpy(dtype=float), color=TOPIC_COLORS.get(topic, "#888888"))
        ax.set_yticks(y, part["term"].tolist(), fontsize=9)
        ax.set_ylim(len(part) - 0.5, -0.5)
        ax.set_title(TOPICS.get(topic, topic), fontsize=11, loc="left")
        ax.tick_params(axis="x", labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for ax in axes.ravel()[len(order):]:
        ax.set_visible(False)
    fig.suptitle("各主题的关键词（TF-IDF，以本语料计算 IDF）", fontsize=13)
    return fig
