"""The real-page bench's scoring on tiny hand-made inputs, and the shape of its label files.

The pages themselves live outside the project (``../shared``), so nothing here reads them:
the scoring functions take plain rows, and the label files are checked on their own.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from pathlib import Path

import pytest

from summarylens.records import ROLES, TOPICS

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "realworld" / "labels"


@pytest.fixture(scope="module")
def rw():
    spec = importlib.util.spec_from_file_location("bench_realworld", ROOT / "bench" / "realworld.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_realworld"] = module
    spec.loader.exec_module(module)
    return module


TEXT = "一、送温暖\n  慰问困难职工12户。一是走访；二是发钱。"
GOLD = [
    {"start": 0, "end": 5, "kind": "heading", "topic": "welfare", "role": None, "doc": 0},
    {"start": 8, "end": 28, "kind": "body", "topic": "welfare", "role": "work", "doc": 0},
]
SUB = [23]  # 二是


def test_paragraph_counts_precision_recall_and_headings(rw):
    assert TEXT[8:10] == "慰问" and TEXT[18:20] == "一是" and TEXT[23:25] == "二是"
    pred = [
        {"start": 0, "end": 5, "kind": "heading"},
        {"start": 5, "end": 18, "kind": "body"},       # starts on the line break: normalised to 8
        {"start": 18, "end": 23, "kind": "heading"},   # 一是 as a heading: not a real start
        {"start": 23, "end": 28, "kind": "body"},      # 二是: an allowed sub-start
    ]
    counts = rw.paragraph_counts(GOLD, SUB, pred, TEXT)
    assert counts["precision"] == (3, 4)
    assert counts["recall"] == (2, 2)
    assert counts["heading_precision"] == (1, 2)
    # a body row that swallowed the heading: the body paragraph is not found
    merged = [{"start": 0, "end": 28, "kind": "body"}]
    assert rw.paragraph_counts(GOLD, SUB, merged, TEXT)["recall"] == (1, 2)


def test_chrome_counts_more_than_half_covered_and_page_cuts_left_out(rw):
    text = "首页>新闻\n发布日期:2021\n正文一句。2、正文二句。"
    chrome = [{"start": 0, "end": 5}, {"start": 6, "end": 15}, {"start": 21, "end": 23}]
    gold = [{"start": 16, "end": 28, "kind": "body"}]
    pred = [{"start": 0, "end": 5, "kind": "noise"}, {"start": 6, "end": 28, "kind": "body"}]
    # the breadcrumb is noise, the date row is inside a body row, the page cut "2、" does not count
    assert rw.chrome_counts(chrome, gold, pred, text) == (1, 2)
    pred_title = [{"start": 0, "end": 3, "kind": "title"}]  # 3 of 5 characters covered
    assert rw.chrome_counts(chrome, gold, pred_title, text) == (1, 2)
    assert rw.chrome_counts(chrome, gold, pred_title, text, ("heading", "body")) == (0, 2)


def test_figure_counts_one_to_one_by_overlap_value_and_kind(rw):
    gold = [
        {"start": 10, "end": 14, "value": 30.0, "kind": "people"},
        {"start": 20, "end": 25, "value": None, "kind": "money", "money_type": "union"},  # masked
        {"start": 30, "end": 33, "value": 5.0, "kind": "count"},
    ]
    pred = [
        {"start": 9, "end": 14, "value": 30.0, "kind": "people"},       # wider span, same value: right
        {"start": 20, "end": 25, "value": float("nan"), "kind": "money", "money_type": "pay"},  # right, but pay
        {"start": 30, "end": 33, "value": 5.0, "kind": "organizations"},   # wrong kind
        {"start": 40, "end": 42, "value": 5.0, "kind": "count"},        # nothing there
    ]
    assert rw.figure_counts(gold, pred) == {"tp": 2, "span": 3, "pred": 4, "gold": 3, "money": 1, "money_type": 0,
                                            "subject": 0}
    assert rw.figure_counts(gold, [])["tp"] == 0


def test_subjects_scored_on_the_figures_right_through_the_view(rw):
    text = "慰问困難職工30户，发放慰问金2万元，共计5万元，另有8人。"
    gold = [
        {"start": 6, "end": 9, "value": 30.0, "kind": "households", "subject_start": 2, "subject_end": 6},
        {"start": 15, "end": 18, "value": 20000.0, "kind": "money", "subject_start": 12, "subject_end": 15},
        {"start": 21, "end": 24, "value": 50000.0, "kind": "money", "subject_start": None, "subject_end": None},
        {"start": 27, "end": 29, "value": 8.0, "kind": "people", "subject_start": None, "subject_end": None},
    ]
    pred = [
        {"start": 6, "end": 9, "value": 30.0, "kind": "households", "subject": "困难职工"},  # simplified: right
        {"start": 15, "end": 18, "value": 20000.0, "kind": "money", "subject": "发放"},      # no shared character
        {"start": 21, "end": 24, "value": 50000.0, "kind": "money", "subject": None},        # both empty: right
        {"start": 27, "end": 29, "value": 9.0, "kind": "people", "subject": None},           # wrong value: not scored
    ]
    assert rw.gold_subject(gold[0], text) == "困难职工"
    assert rw.gold_subject(gold[2], text) == ""
    counts = rw.figure_counts(gold, pred, text)
    assert (counts["tp"], counts["subject"]) == (3, 2)


def test_macro_f1_and_topic_pairs(rw):
    assert rw.macro_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert rw.macro_f1(["a", "b"], ["b", "a"]) == 0.0
    assert rw.macro_f1(["a", "a"], ["a", "b"]) == pytest.approx((2 / 3 + 0) / 2)
    pred = [{"start": 0, "end": 5, "kind": "heading", "topic": "welfare"},
            {"start": 8, "end": 28, "kind": "noise", "topic": None}]
    pairs = rw.topic_role_pairs(GOLD, pred, TEXT)
    assert [g["kind"] for g, _ in pairs] == ["heading"]


def test_doc_split_right(rw):
    gold_docs = [{"doc": 0}, {"doc": 1}]
    gold = [{"start": 5, "doc": 0}, {"start": 40, "doc": 0}, {"start": 60, "doc": 1}]
    assert rw.doc_split_right(gold_docs, gold, [(0, 50), (50, 90)])
    assert not rw.doc_split_right(gold_docs, gold, [(0, 30), (30, 90)])           # report cut in two
    assert not rw.doc_split_right(gold_docs, gold, [(0, 50), (50, 55), (55, 90)])  # an extra document
    assert not rw.doc_split_right(gold_docs[:1], [*gold[:2], {"start": 60, "doc": 0}], [(0, 50), (50, 90)])


def test_fact_counts_org_normalised_and_na(rw):
    gold = {"org": ["XX縣總工會", "县总工会"], "period": ["全年"], "year": [None, 2022]}
    assert rw.fact_counts(gold, {"org": "xx县总工会", "period": "全年", "year": None}) == {
        "org": True, "period": True, "year": True}
    assert rw.fact_counts(gold, {"org": "2020县总工会", "period": None, "year": 2020}) == {
        "org": False, "period": False, "year": False}
    assert rw.fact_counts(gold, None) == {"org": False, "period": False, "year": False}


def test_label_files_are_consistent():
    files = sorted(LABELS.glob("*.json"))
    assert len(files) == 29
    for path in files:
        lab = json.loads(path.read_text(encoding="utf-8"))
        n = lab["n_chars"]
        paras = lab["paragraphs"]
        assert paras, path.name
        for a, b in itertools.pairwise(paras):
            assert a["end"] <= b["start"], (path.name, a, b)
        for p in paras:
            assert 0 <= p["start"] < p["end"] <= n
            assert p["kind"] in ("title", "heading", "body")
            assert p["topic"] in TOPICS
            assert (p["role"] in ROLES) == (p["kind"] == "body"), (path.name, p)
            assert 0 <= p["doc"] < len(lab["documents"])
        for f in lab["figures"]:
            assert f["end"] - f["start"] == len(f["raw"])
            assert any(p["start"] <= f["start"] and f["end"] <= p["end"] for p in paras), (path.name, f)
            assert (f["value"] is None) == f["masked"]
            assert (f["money_type"] is not None) == (f["kind"] == "money")
            a, b = f["subject_start"], f["subject_end"]
            assert (a is None) == (b is None), (path.name, f)
            if a is not None:   # a span of the figure's own paragraph, beside the figure
                assert a < b and (b <= f["start"] or a >= f["end"]), (path.name, f)
                assert any(p["start"] <= min(a, f["start"]) and max(b, f["end"]) <= p["end"] for p in paras)
        for c in lab["chrome"]:
            assert 0 <= c["start"] < c["end"] <= n
        for d in lab["documents"]:
            assert d["org"] and d["period"] and d["year"]


def test_government_report_subjects_are_spans_beside_their_figures():
    spec = importlib.util.spec_from_file_location("bench_realworld_figures", ROOT / "bench" / "realworld_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows, shas = module.read_labels()
    assert len(rows) == 139 and len(shas) == 4
    named = 0
    for r in rows:
        a, b, start, end = r["subject_start"], r["subject_end"], int(r["start"]), int(r["end"])
        assert (a == "") == (b == ""), r
        if a:
            a, b = int(a), int(b)
            assert a < b and (b <= start or a >= end), r       # beside the figure, not in it
            assert max(end, b) - min(start, a) < 200, r        # in its own sentence
            named += 1
    assert named == 131   # eight clauses name nothing (比上年增长7.4%, 五年年均增长5.2% …)
