"""Every plot renders to PNG with Chinese that has glyphs, and nothing overlaps."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path
from unittest.mock import patch

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

import summarylens.plot as slp
import summarylens.plot.fonts as slf
from summarylens.tables import frame


def render(draw, path: Path) -> Figure:
    """Draw and save with every warning an error (so a missing glyph fails the test)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = slp.figure_of(draw())
        fig.canvas.draw()
        fig.savefig(path, dpi=80)
    return fig


def visible_texts(fig: Figure) -> list[Text]:
    """The non-empty texts that a draw of the figure actually puts on the canvas."""
    drawn: list[Text] = []
    original = Text.draw

    def spy(self: Text, renderer) -> None:  # type: ignore[no-untyped-def]
        if self.get_visible() and self.get_text().strip():
            drawn.append(self)
        original(self, renderer)

    with patch.object(Text, "draw", spy):
        fig.canvas.draw()
    return drawn


def overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of labels (titles, ticks, legend entries, cell numbers) whose boxes intersect.

    Numbered points in a scatter (annotations) may touch their neighbours; they are skipped.
    """
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in visible_texts(fig)
             if not isinstance(t, Annotation)]
    found = []
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        if box_a.width and box_b.width and box_a.overlaps(box_b):
            inter_w = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            inter_h = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if inter_w > 1 and inter_h > 1:  # touching edges is fine
                found.append((a, b))
    return found


def outside(fig: Figure) -> list[str]:
    """Labels that stick out of the figure (cut off in the PNG)."""
    renderer = fig.canvas.get_renderer()
    frame_box = fig.bbox
    return [t.get_text() for t in visible_texts(fig)
            if (box := t.get_window_extent(renderer)).x0 < frame_box.x0 - 1
            or box.x1 > frame_box.x1 + 1 or box.y0 < frame_box.y0 - 1 or box.y1 > frame_box.y1 + 1]


def test_a_cjk_font_is_registered():
    assert slp.CJK_FONT is not None, slp.INSTALL_HINT
    assert matplotlib.rcParams["font.sans-serif"][0] == slp.CJK_FONT
    assert matplotlib.rcParams["axes.unicode_minus"] is False


@pytest.mark.slow
@pytest.mark.parametrize("name", list(slp.PLOTS))
def test_plot_renders_on_the_shipped_corpus(name, shipped_corpus, tmp_path):
    path = tmp_path / f"{name}.png"
    fig = render(lambda: slp.PLOTS[name](shipped_corpus), path)
    try:
        assert path.stat().st_size > 10_000
        assert any("\u4e00" <= ch <= "\u9fff" for t in visible_texts(fig) for ch in t.get_text())
        assert overlaps(fig) == []
        assert outside(fig) == []
        width, height = fig.get_size_inches()
        assert 5 <= width <= 20 and 4 <= height <= 20
    finally:
        plt.close(fig)


def tiny_corpus() -> dict:
    """Two documents, a handful of paragraphs and figures, one inconsistent total."""
    docs = frame("documents", [
        {"doc_id": "a.txt#1", "source": "a.txt", "title": "实验小学工会2021年上半年工作总结",
         "org": "实验小学工会", "fragment": False, "text": "甲" * 100},
        {"doc_id": "b.txt#1", "source": "b.txt", "title": None, "org": "红岭煤矿工会",
         "fragment": False, "text": "乙" * 100},
    ])
    para = [("a.txt#1", 1, "welfare", "work", 0.9, "走访慰问困难职工24户，发放慰问金2.6万元。"),
            ("a.txt#1", 2, "women", "plan", 0.4, "下半年将开展三八节女职工座谈。"),
            ("b.txt#1", 1, "skills", "preamble", 0.7, "上半年组织劳动竞赛，四百余人参加。"),
            ("b.txt#1", 2, "welfare", "problem", 0.95, "共救助职工30人，其中在职20人、退休5人。")]
    paragraphs = frame("paragraphs", [
        {"doc_id": d, "para_id": i, "kind": "body", "topic": t, "role": r, "topic_score": s,
         "text": x} for d, i, t, r, s, x in para])
    fig_rows = [("a.txt#1", 0, 24.0, "户", "households", "welfare", "24户"),
                ("a.txt#1", 1, 26000.0, "元", "money", "welfare", "2.6万元"),
                ("b.txt#1", 0, 400.0, "人", "people", "skills", "四百余人"),
                ("b.txt#1", 1, 30.0, "人", "people", "welfare", "30人"),
                ("b.txt#1", 2, 20.0, "人", "people", "welfare", "20人"),
                ("b.txt#1", 3, 5.0, "人", "people", "welfare", "5人")]
    figures = frame("figures", [
        {"doc_id": d, "fig_id": i, "value": v, "unit": u, "kind": k, "topic": t, "raw": raw,
         "masked": False, "sentence": raw} for d, i, v, u, k, t, raw in fig_rows])
    relations = frame("relations", [{"doc_id": "b.txt#1", "total_fig_id": 1, "part_fig_ids": "2 3",
                                     "parts_sum": 25.0, "consistent": False}])
    return {"documents": docs, "paragraphs": paragraphs, "figures": figures, "relations": relations}


@pytest.mark.parametrize("name", list(slp.PLOTS))
def test_plot_renders_on_a_tiny_synthetic_corpus(name, tmp_path):
    fig = render(lambda: slp.PLOTS[name](tiny_corpus()), tmp_path / f"{name}.png")
    try:
        assert overlaps(fig) == []
    finally:
        plt.close(fig)


def test_plots_take_single_tables_too(tmp_path):
    tables = tiny_corpus()
    ax = slp.section_profile(tables["paragraphs"], documents=tables["documents"])
    assert ax.get_title(loc="left").startswith("各文档的主题构成")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["实验小学（学校）", "红岭煤矿（企业）"]
    plt.close(ax.figure)


def test_inconsistent_total_is_listed_on_the_check_plot(tmp_path):
    fig = render(lambda: slp.totals_check(tiny_corpus()), tmp_path / "check.png")
    texts = " ".join(t.get_text() for t in visible_texts(fig))
    assert "红岭煤矿：30人 ≠ 分项之和 25" in texts
    plt.close(fig)


def test_topic_plots_refuse_paragraphs_without_topics():
    tables = tiny_corpus()
    tables["paragraphs"]["topic"] = None
    with pytest.raises(ValueError, match="no topic labels"):
        slp.section_profile(tables)


def test_the_glyph_check_catches_a_font_without_chinese(tmp_path):
    """Without the CJK font, drawing Chinese warns, and render() turns that into a failure."""
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}), pytest.raises(
            UserWarning, match="missing from font"):
        render(lambda: plt.subplots()[1].set_title("工会经费"), tmp_path / "boxes.png")
    plt.close("all")


def test_font_is_found_by_file_when_matplotlib_cache_misses_it(monkeypatch):
    if slp.CJK_FONT is None:
        pytest.fail(slp.INSTALL_HINT)
    from matplotlib import font_manager

    stale = [e for e in font_manager.fontManager.ttflist if e.name != slp.CJK_FONT]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    path = slp.find_cjk_font()
    assert path is not None and slf._draws_chinese(path)


def test_missing_font_warns_once_with_the_install_command(monkeypatch):
    monkeypatch.setattr(slf, "find_cjk_font", lambda: None)
    monkeypatch.setattr(slf, "_warned", False)
    with matplotlib.rc_context(), pytest.warns(slp.MissingCJKFontWarning,
                                               match="apt-get install fonts-wqy-microhei"):
        assert slf.setup_cjk_font() is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert slf.setup_cjk_font() is None  # the second time: silent


def test_env_var_picks_the_font(monkeypatch):
    if slp.CJK_FONT is None:
        pytest.fail(slp.INSTALL_HINT)
    path = slp.find_cjk_font()
    monkeypatch.setenv("SUMMARYLENS_CJK_FONT", path)
    assert slp.find_cjk_font() == path
    monkeypatch.setenv("SUMMARYLENS_CJK_FONT", "/no/such/font.ttf")
    assert slp.find_cjk_font() == path  # a bad path falls through to the search


@pytest.mark.slow
def test_save_all_writes_every_plot(shipped_corpus, tmp_path):
    written = slp.save_all(shipped_corpus, tmp_path)
    assert {p.stem for p in written} == set(slp.PLOTS)
    assert plt.get_fignums() == []


def test_importing_summarylens_does_not_import_matplotlib():
    import subprocess
    import sys

    code = "import sys, summarylens, summarylens.pivots; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
