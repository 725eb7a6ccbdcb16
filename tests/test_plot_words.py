"""The word plots render on the shipped corpus with Chinese glyphs, without overlapping labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from test_plot import outside, overlaps, render

import summarylens as sl
import summarylens.plot as slp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def toks() -> sl.words.Tokens:
    return sl.tokens(sl.read_corpus(ROOT / "corpus"))


@pytest.mark.slow
def test_word_plots_render(toks: sl.words.Tokens, tmp_path: Path) -> None:
    key = sl.keyness(toks, {"org_type": "学校"}, {"org_type": "企业"})
    draws = {
        "keyness": lambda: slp.keyness_bars(key, n=12, target="学校", reference="企业"),
        "trend": lambda: slp.term_trend(toks, ["困难职工", "农民工", "疫情防控"]),
        "topics": lambda: slp.keywords_by_topic(toks, n=5),
    }
    for name, draw in draws.items():
        fig = render(draw, tmp_path / f"{name}.png")
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
        assert not overlaps(fig), (name, overlaps(fig)[:3])
        assert not outside(fig), (name, outside(fig)[:3])
        plt.close(fig)
    ax = slp.keyness_bars(key, n=5)
    heights = [bar.get_width() for bar in ax.patches]
    assert len(heights) == 10 and sum(h > 0 for h in heights) == 5 and sum(h < 0 for h in heights) == 5
    plt.close(ax.figure)
