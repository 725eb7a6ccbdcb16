"""Splitting compilations into documents: the seed, every marker style, fragments."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarylens.chrome import default_cues
from summarylens.io import read_text
from summarylens.patterns import (
    NUMBERED_TITLE,
    NUMBERED_TITLE_GATE,
    SEPARATOR,
    SEPARATOR_GATE,
)
from summarylens.pipeline import process_text
from summarylens.split import split_documents

NOISE_LINE = default_cues().any_pattern
NOISE_LINE_GATE = default_cues().any_gate

BODY = "今年以来，工会组织职工开展了多项活动，取得了较好成效。"


def _docs(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_documents(text)]


def test_seed_splits_into_its_eight_documents(seed_text):
    docs = process_text(seed_text, "seed.txt")
    assert len(docs) == 8
    assert [d.fragment for d in docs] == [False] * 7 + [True]
    assert docs[0].title == "学校工会上半年工作总结"
    assert docs[1].org == "建设局工会"
    assert docs[2].org == "市局直属机关工会"
    assert "大连" in docs[3].text and "大连" in docs[5].text
    assert "高速公路" in docs[4].text
    assert "湘乡" in docs[6].text
    assert docs[7].text.startswith("底开始组织")
    assert "安徽" in docs[7].text


def test_seed_documents_cover_the_whole_file(seed_text):
    spans = split_documents(seed_text)
    assert spans[0].start == 0 and spans[-1].end == len(seed_text)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    "markers",
    [
        ("第1篇：甲厂工会工作总结", "第2篇：乙校工会工作总结"),
        ("篇一：甲厂工会工作总结", "篇二：乙校工会工作总结"),
        ("篇1：甲厂工会工作总结", "篇2：乙校工会工作总结"),
        ("【篇一】甲厂工会工作总结", "【篇二】乙校工会工作总结"),
        ("范文1：甲厂工会工作总结", "范文2：乙校工会工作总结"),
        ("范文一：", "范文二："),
        ("甲厂工会上半年工作总结一", "乙校工会上半年工作总结二"),
        ("【范文一】", "【范文二】"),
        ("篇一 甲厂工会工作总结", "篇二 乙校工会工作总结"),
        ("【第1篇】甲厂工会工作总结", "【第2篇】乙校工会工作总结"),
    ],
)
def test_every_marker_style_starts_a_document(markers):
    blurb = "下面是小编整理的工会工作总结，供大家参考。"
    text = f"工会工作总结（精选2篇）\n{blurb}\n{markers[0]}\n{BODY}\n{markers[1]}\n{BODY}\n"
    docs = _docs(text)
    assert len(docs) == 2
    assert docs[1].startswith(markers[1])


def test_nested_compilation_splits_down_to_the_leaves():
    text = (
        "工会总结（精选2篇）\n第1篇：工会工作总结\n工会上半年工作总结\n篇1：甲厂工会工作总结\n" + BODY
        + "\n篇2：乙厂工会工作总结\n" + BODY + "\n第2篇：工会工作总结\n丙校工会工作总结一\n" + BODY
        + "\n丙校工会工作总结二\n" + BODY
    )
    docs = _docs(text)
    assert len(docs) == 4
    assert "甲厂" in docs[0] and "乙厂" in docs[1]
    assert docs[2].startswith("第2篇") and "总结一" in docs[2]


def test_table_of_contents_stays_in_the_head_of_the_first_document():
    text = ("银行工会工作总结范文（通用3篇）\n目录\n篇一：甲行工会工作总结\n篇二：乙行工会工作总结\n"
            f"篇一：甲行工会工作总结\n{BODY}\n篇二：乙行工会工作总结\n{BODY}\n")
    docs = process_text(text, "x.txt")
    assert len(docs) == 2
    kinds = [p.kind for p in docs[0].paragraphs]
    assert kinds == ["noise", "noise", "noise", "noise", "title", "body"]
    assert docs[0].title == "甲行工会工作总结" and docs[1].title == "乙行工会工作总结"


def test_separator_followed_by_prose_starts_a_fragment():
    text = f"甲厂工会工作总结\n{BODY}\n 精品合同推荐----\n作的开展，全年共慰问困难职工12户。\n"
    spans = split_documents(text)
    assert [s.fragment for s in spans] == [False, True]
    assert text[spans[0].start:spans[0].end].rstrip().endswith("精品合同推荐----")


def test_navigation_noise_followed_by_prose_starts_a_fragment():
    text = f"甲厂工会工作总结\n{BODY}\n本文由范文网整理，仅供参考\n返回目录\n高了职工的凝聚力。\n"
    assert [s.fragment for s in split_documents(text)] == [False, True]


def test_separator_inside_a_line_does_not_split():
    text = f"甲厂工会工作总结\n{BODY}建功十一 精品合同推荐----\n了热线直播活动。\n"
    assert len(split_documents(text)) == 1


def test_a_report_title_after_body_starts_a_new_document():
    text = f"甲厂工会2023年工作总结\n{BODY}\n乙校工会2023年工作总结\n{BODY}\n"
    assert len(split_documents(text)) == 2


@pytest.mark.parametrize(
    "line",
    ["五、工作总结与体会", "二、存在的问题", "下半年工作打算", "（三）总结经验，查找不足"],
)
def test_section_headings_inside_one_report_do_not_split_it(line):
    text = f"甲厂工会2023年工作总结\n{BODY}\n{line}\n{BODY}\n"
    assert len(split_documents(text)) == 1


def test_empty_and_blank_text_hold_no_document():
    assert split_documents("") == []
    assert split_documents(" \n\u3000\n") == []


def _manifest() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(Path(__file__).parent.glob("data/manifest_*.tsv")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle, delimiter="\t"))
    return rows


def test_shipped_corpus_splits_as_its_writers_say(corpus_dir):
    expected: dict[str, list[dict[str, str]]] = {}
    for row in _manifest():
        expected.setdefault(row["file"], []).append(row)
    assert len(expected) >= 30
    for name, rows in expected.items():
        text, _ = read_text(corpus_dir / name)
        docs = process_text(text, name)
        assert len(docs) == len(rows), name
        for doc, row in zip(docs, rows, strict=True):
            assert (doc.period or "") == row["period"], doc.doc_id
            assert ("" if doc.year is None else str(doc.year)) == row["year"], doc.doc_id
            assert doc.fragment == ("fragment" in row["notes"].lower()), doc.doc_id


# Gates (summarylens.split): a line the gate finds nothing in must be one the pattern
# finds nothing in, or skipping the pattern would change the output.
_GATE_WORDS = [
    "小编", "一起来看看吧", "供大家参考", "希望对您有所帮助", "欢迎阅读", "仅供参考", "以下就是整理的",
    "下面是为大家", "（精选4篇）", "(3篇)", "【 五 篇】", "目录", "文章目录", "由整理", "由 收集。",
    "本文由小王整理", "更多推荐", "相关阅读：", "推荐阅读", "猜你喜欢", "返回目录", "上一篇", "下一篇",
    "点击下载", "免费下载", "下载全文", "版权所有", "文章来源", "本文来源", "转载请", "https://", "www.",
    "请关注本站", "本站整理", "精品合同推荐----", "热门阅读：——", "更多文章__", "--", "——", "==",
    "点击查看", "转载请注明", "热门推荐", "更多范文", "学校工会范文二", "工会工作汇报（3）",
    "工会", "工作总结", "汇报", "报告", "范文", "一", "二", "（三）", "(4)", "12", "。", "，", " ", "\u3000",
]
_GATE_PIECES = st.sampled_from(_GATE_WORDS)


def _check_split_gates(line: str) -> None:
    if NOISE_LINE.search(line):
        assert NOISE_LINE_GATE.search(line)
    if SEPARATOR.search(line):
        assert SEPARATOR_GATE.search(line)
    if NUMBERED_TITLE.match(line):
        assert NUMBERED_TITLE_GATE.search(line)


@pytest.mark.parametrize("line", _GATE_WORDS)
def test_split_gates_pass_every_word_their_pattern_matches(line):
    _check_split_gates(line)


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=12).map("".join))
def test_split_gates_pass_every_line_their_pattern_matches(line):
    _check_split_gates(line)


def test_split_gates_pass_every_corpus_line_their_pattern_matches(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        for line in read_text(path)[0].split("\n"):
            _check_split_gates(line)


def test_blocks_are_read_once_for_the_same_text_and_never_held_for_a_long_one(monkeypatch):
    import summarylens.split as split_module

    text = "甲工会组织\n职工学习。\n\n二、送温暖   慰问职工12户。"
    first = split_module.blocks(text)
    assert list(first) == list(split_module.iter_blocks(text))
    assert split_module.blocks(text) is first                      # the same string: read once
    other = "".join(["甲工会组织\n", "职工学习。"])                  # equal words, another string
    assert list(split_module.blocks(other)) == list(split_module.iter_blocks(other))
    monkeypatch.setattr(split_module, "REMEMBER_MAX_CHARS", 5)
    long_blocks = split_module.blocks(text)
    assert not isinstance(long_blocks, tuple) and list(long_blocks) == list(first)
    assert split_module._LAST[0] is other
