"""Plots a researcher would put in a paper, with Chinese that renders.

On import this module finds a CJK font already on the machine (by family name in
matplotlib's font list, then by file under the system font folders, then through
``fc-list``), registers it with matplotlib and puts it first in ``font.sans-serif``.
If there is none it warns once, with the command that installs one, instead of letting
matplotlib draw empty boxes. ``SUMMARYLENS_CJK_FONT=/path/to/font.ttf`` picks a font.

Every plot takes a :class:`~summarylens.corpus.Corpus` (or the table it needs, with the
others as keywords) and returns the matplotlib Axes or Figure::

    >>> import summarylens as sl, summarylens.plot as slp          # doctest: +SKIP
    >>> corpus = sl.read_corpus("corpus/")                          # doctest: +SKIP
    >>> ax = slp.section_profile(corpus)       # 各文档的主题构成      # doctest: +SKIP
    >>> ax.figure.savefig("profile.png", dpi=150)                    # doctest: +SKIP

matplotlib is imported here and nowhere else in the package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.colors import PowerNorm
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter, PercentFormatter

from . import pivots
from .records import ROLES, TOPICS

# ---------------------------------------------------------------------------
# Chinese fonts
# ---------------------------------------------------------------------------

#: CJK font families, most preferred first (simplified Chinese faces before others)
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "STHeiti", "Sarasa Gothic SC", "Noto Sans CJK JP",
    "Noto Sans CJK TC", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN", "SimSun",
)

#: font file names that hold CJK faces, in the order of :data:`CJK_FAMILIES`
CJK_FILE_PATTERNS: tuple[str, ...] = (
    r"notosanscjk.*sc|notosanssc", r"sourcehansans(sc|cn)?", r"wqy-?microhei", r"wqy-?zenhei",
    r"msyh", r"simhei", r"pingfang", r"hiragino.*gb", r"stheiti|heiti", r"sarasa",
    r"notosanscjk", r"droidsansfallback", r"uming|ukai", r"simsun", r"notoserifcjk",
)

#: where fonts live when matplotlib's list is stale (it is cached when matplotlib is first run)
FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
    "/System/Library/Fonts", "/Library/Fonts", "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
)

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

INSTALL_HINT = (
    "No Chinese (CJK) font found: matplotlib would draw empty boxes for Chinese text.\n"
    "Install one, then restart Python:\n"
    "  Debian/Ubuntu:  sudo apt-get install fonts-wqy-microhei   (or fonts-noto-cjk)\n"
    "  Fedora:         sudo dnf install google-noto-sans-cjk-fonts\n"
    "  macOS:          brew install --cask font-noto-sans-cjk-sc   (PingFang SC is built in)\n"
    "  Windows:        Microsoft YaHei / SimHei ship with Windows; check C:\\Windows\\Fonts\n"
    "or point SUMMARYLENS_CJK_FONT at a .ttf/.otf/.ttc file."
)


class MissingCJKFontWarning(UserWarning):
    """No font that can draw Chinese was found; plots would show empty boxes."""


_SAMPLE = "工会总结经费"
CJK_FONT: str | None = None  # family name in use, set by setup_cjk_font()
_warned = False


def _draws_chinese(path: str | Path) -> bool:
    """True when the font file has glyphs for a few common Chinese characters."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(str(path))
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in _SAMPLE)


def _files_by_family() -> Iterable[str]:
    """Font files matplotlib already knows, in the order of :data:`CJK_FAMILIES`."""
    entries = {entry.name: entry.fname for entry in font_manager.fontManager.ttflist}
    return (entries[family] for family in CJK_FAMILIES if family in entries)


def _system_font_files() -> list[str]:
    files = set(font_manager.findSystemFonts())
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            files.update(str(p) for p in root.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    return sorted(files)


def _files_by_name() -> Iterable[str]:
    """CJK font files under the system font folders, in the order of :data:`CJK_FILE_PATTERNS`."""
    files = _system_font_files()
    for pattern in CJK_FILE_PATTERNS:
        regex = re.compile(pattern, re.IGNORECASE)
        yield from (f for f in files if regex.search(Path(f).name.replace(" ", "")))


def _files_by_fontconfig() -> Iterable[str]:
    """Files that fontconfig says cover Chinese (``fc-list :lang=zh``), if fontconfig is there."""
    if shutil.which("fc-list") is None:
        return []
    try:
        listing = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                 timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split(":")[0].strip() for line in listing.splitlines() if line.strip()]


def find_cjk_font() -> str | None:
    """Path of a font file that draws Chinese: env var, known family, file name, fontconfig."""
    chosen = os.environ.get("SUMMARYLENS_CJK_FONT")
    candidates: list[Iterable[str]] = [[chosen] if chosen else [], _files_by_family(),
                                       _files_by_name(), _files_by_fontconfig()]
    for group in candidates:
        for path in group:
            if path and Path(path).is_file() and _draws_chinese(path):
                return path
    return None


def _family_of(path: str) -> str:
    """The family to ask for: the most preferred face of the file (a .ttc holds several)."""
    names = {entry.name for entry in font_manager.fontManager.ttflist
             if os.path.realpath(entry.fname) == os.path.realpath(path)}
    preferred = [family for family in CJK_FAMILIES if family in names]
    return preferred[0] if preferred else font_manager.FontProperties(fname=path).get_name()


def setup_cjk_font(path: str | None = None) -> str | None:
    """Register a CJK font with matplotlib and put it first; return its family (None: warned).

    >>> setup_cjk_font()          # doctest: +SKIP
    'WenQuanYi Micro Hei'
    """
    global CJK_FONT, _warned
    path = path or find_cjk_font()
    if path is None:
        if not _warned:
            warnings.warn(INSTALL_HINT, MissingCJKFontWarning, stacklevel=2)
            _warned = True
        return None
    font_manager.fontManager.addfont(path)
    family = _family_of(path)
    others = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
    mpl.rcParams["font.sans-serif"] = [family, *others]
    mpl.rcParams["font.family"] = ["sans-serif"]
    mpl.rcParams["axes.unicode_minus"] = False
    CJK_FONT = family
    return family


setup_cjk_font()

# ---------------------------------------------------------------------------
# Colours and labels
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------

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
    content = paragraphs["kind"].isin(("heading", "body"))
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


# ---------------------------------------------------------------------------
# Figures (the numbers in the reports)
# ---------------------------------------------------------------------------

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
                     log: bool = True) -> Figure:
    """Money (元, shown as 万/亿), people and person-times mentioned per topic, summed.

    Parts of stated totals (共计……其中) are left out so that nothing is counted twice;
    log scale by default, since 经费 runs to 亿 while 民主管理 mentions a few thousand yuan.
    """
    totals = pivots.figure_totals(pivots.table_of(data, "figures"), by="topic",
                                  relations=pivots.optional_table(data, "relations", relations))
    if totals.empty:
        raise ValueError("no figures with a topic to plot")
    return _totals_figure(totals, [TOPICS[t] for t in totals.index],
                          "各主题提及的金额、人数与人次（全语料合计，不重复计算“其中”分项）",
                          [TOPIC_COLORS[t] for t in totals.index], log)


def figures_by_org(data: Any, documents: pd.DataFrame | None = None,
                   relations: pd.DataFrame | None = None, *, by: str = "org_type",
                   log: bool = True) -> Figure:
    """Money, people and person-times per organisation type (``by="label"``: per document).

    >>> fig = figures_by_org(corpus)     # 不同类型单位提及的金额、人数与人次   # doctest: +SKIP
    """
    documents = _documents(data, documents, "figures_by_org")
    totals = pivots.figure_totals(pivots.table_of(data, "figures"), by=by, documents=documents,
                                  relations=pivots.optional_table(data, "relations", relations))
    if totals.empty:
        raise ValueError("no figures to plot")
    totals = totals.sort_values("money", ascending=False)
    if by == "org_type":
        names = [f"{t}（{n}篇）" for t, n in zip(totals.index, totals["n_documents"], strict=True)]
        title = "不同类型单位提及的金额、人数与人次（合计）"
    else:
        names = [str(t) for t in totals.index]
        title = "各单位提及的金额、人数与人次（合计）"
    return _totals_figure(totals, names, title, "#4c72b0", log)


def totals_check(data: Any, relations: pd.DataFrame | None = None,
                 documents: pd.DataFrame | None = None, *, max_listed: int = 15) -> Figure:
    """Stated totals against the sum of their parts (共计……其中): off the diagonal = inconsistent.

    Inconsistent groups are numbered in the scatter and listed beside it
    ("1 宁山县总工会：共计216人 ≠ 其中之和 210"), so that labels never overlap.
    """
    figures = pivots.table_of(data, "figures")
    relations = pivots.optional_table(data, "relations", relations)
    documents = pivots.optional_table(data, "documents", documents)
    table = pivots.inconsistent_totals(figures, relations, documents, only_inconsistent=False)
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


# ---------------------------------------------------------------------------
# Organisations and templates
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------

#: every plot function, by name (what ``save_all`` draws)
PLOTS: dict[str, Any] = {
    "section_profile": section_profile, "corpus_profile": corpus_profile,
    "role_composition": role_composition, "topic_confidence": topic_confidence,
    "figures_by_topic": figures_by_topic, "figures_by_org": figures_by_org,
    "totals_check": totals_check, "topic_by_org": topic_by_org, "template_reuse": template_reuse,
}


def figure_of(drawn: Axes | Figure) -> Figure:
    """The Figure of what a plot function returned (an Axes or a Figure)."""
    return drawn if isinstance(drawn, Figure) else drawn.figure  # type: ignore[return-value]


def save_all(corpus: Any, folder: str | Path, dpi: int = 150) -> list[Path]:
    """Draw every plot of a Corpus into ``folder`` as PNG files; return their paths.

    A plot whose data is missing (no relations, no roles…) is skipped with a message on stderr.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, function in PLOTS.items():
        try:
            fig = figure_of(function(corpus))
        except ValueError as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        path = folder / f"{name}.png"
        fig.savefig(path, dpi=dpi)
        plt.close(fig)
        written.append(path)
    return written


__all__ = [
    "CJK_FONT", "PLOTS", "MissingCJKFontWarning", "corpus_profile", "figure_of", "figures_by_org",
    "figures_by_topic", "find_cjk_font", "role_composition", "save_all", "section_profile",
    "setup_cjk_font", "template_reuse", "topic_by_org", "topic_confidence", "totals_check",
]
