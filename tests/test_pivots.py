"""The pivots behind the plots, and the ``df.slens`` accessor, on small synthetic tables."""

from __future__ import annotations

import pandas as pd
import pytest

from summarylens import pivots as pv
from summarylens.records import ROLES, TOPICS
from summarylens.tables import frame


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    documents = frame("documents", [
        {"doc_id": "a.txt#1", "org": "实验小学工会", "fragment": False,
         "title": "实验小学工会2021年上半年工作总结"},
        {"doc_id": "b.txt#1", "org": "江海化工集团有限公司工会", "title": None, "fragment": False},
        {"doc_id": "c.txt#1", "org": None, "title": None, "fragment": True},
    ])
    paragraphs = frame("paragraphs", [
        {"doc_id": "a.txt#1", "para_id": 0, "kind": "title", "text": "实验小学工会工作总结"},
        {"doc_id": "a.txt#1", "para_id": 1, "kind": "heading", "topic": "welfare",
         "text": "一、送温暖"},
        {"doc_id": "a.txt#1", "para_id": 2, "kind": "body", "topic": "welfare", "role": "work",
         "text": "慰问困难职工十二户。"},                                   # 10 characters
        {"doc_id": "a.txt#1", "para_id": 3, "kind": "body", "topic": "women", "role": "plan",
         "text": "下半年办三八讲座。"},                                     # 9 characters
        {"doc_id": "a.txt#1", "para_id": 4, "kind": "body", "topic": "women", "role": "plan",
         "text": "再办一场。"},                                             # 5 characters
        {"doc_id": "b.txt#1", "para_id": 1, "kind": "body", "topic": "skills", "role": "work",
         "text": "开展技能比武。"},
    ])
    figures = frame("figures", [
        {"doc_id": "b.txt#1", "fig_id": 0, "raw": "共86人", "value": 86.0, "kind": "people",
         "topic": "welfare", "masked": False, "sentence": "共慰问86人，其中在职52人、退休30人。"},
        {"doc_id": "b.txt#1", "fig_id": 1, "raw": "52人", "value": 52.0, "kind": "people",
         "topic": "welfare", "masked": False},
        {"doc_id": "b.txt#1", "fig_id": 2, "raw": "30人", "value": 30.0, "kind": "people",
         "topic": "welfare", "masked": False},
        {"doc_id": "b.txt#1", "fig_id": 3, "raw": "2.6万元", "value": 26000.0, "kind": "money",
         "topic": "welfare", "masked": False},
        {"doc_id": "b.txt#1", "fig_id": 4, "raw": "15xxxx元", "value": None, "kind": "money",
         "topic": "welfare", "masked": True},
        {"doc_id": "a.txt#1", "fig_id": 0, "raw": "96.5%", "value": 96.5, "kind": "percent",
         "topic": "organization", "masked": False},
    ])
    relations = frame("relations", [{"doc_id": "b.txt#1", "total_fig_id": 0,
                                      "part_fig_ids": "1 2", "parts_sum": 82.0,
                                      "consistent": False}])
    return {"documents": documents, "paragraphs": paragraphs, "figures": figures,
            "relations": relations}


def test_topic_share_is_a_share_of_body_characters(tables):
    shares = pv.topic_share(tables["paragraphs"])
    assert list(shares.columns) == list(TOPICS)
    assert shares.loc["a.txt#1", "welfare"] == pytest.approx(10 / 24)
    assert shares.loc["a.txt#1", "women"] == pytest.approx(14 / 24)
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0, 1.0])


def test_topic_share_by_paragraph_count_and_by_group(tables):
    by_count = pv.topic_share(tables["paragraphs"], weight="paragraphs")
    assert by_count.loc["a.txt#1", "women"] == pytest.approx(2 / 3)
    types = pv.org_type(tables["documents"])
    by_type = pv.topic_share(tables["paragraphs"], by=types)
    assert set(by_type.index) == {"学校", "企业"}
    with pytest.raises(ValueError, match="weight"):
        pv.topic_share(tables["paragraphs"], weight="words")


def test_role_share_counts_body_text_only(tables):
    roles = pv.role_share(tables["paragraphs"])
    assert list(roles.columns) == list(ROLES)
    assert roles.loc["a.txt#1", "plan"] == pytest.approx(14 / 24)


def test_corpus_profile_pools_text_and_counts_documents(tables):
    profile = pv.corpus_topic_profile(tables["paragraphs"])
    assert profile.loc["skills", "doc_share"] == pytest.approx(0.5)
    assert profile.loc["skills", "text_share"] == pytest.approx(7 / 31)
    assert profile["text_share"].sum() == pytest.approx(1.0)


def test_topic_by_org_type_averages_documents(tables):
    table = pv.topic_by_org_type(tables["paragraphs"], tables["documents"])
    assert table.loc["企业", "skills"] == pytest.approx(1.0)
    assert table.loc["学校", "n_documents"] == 1


def test_org_types_and_labels(tables):
    assert pv.org_type(tables["documents"]).tolist() == ["学校", "企业", "未注明"]
    assert pv.doc_labels(tables["documents"]).tolist() == ["实验小学", "江海化工集团公司", "c#1"]


def test_doc_labels_are_unique_and_short():
    docs = pd.DataFrame({"doc_id": ["a#1", "a#2", "b#1"], "title": [None, None, None],
                         "org": ["建设局工会", "建设局工会",
                                 "中国邮政集团有限公司云岭市分公司工会"]})
    labels = pv.doc_labels(docs, max_chars=10).tolist()
    assert labels[:2] == ["建设局", "建设局 (2)"]
    assert len(labels[2]) == 10 and labels[2].endswith("…")


def test_figure_totals_leave_out_parts_and_masked_values(tables):
    totals = pv.figure_totals(tables["figures"], relations=tables["relations"])
    assert totals.loc["welfare", "people"] == 86.0           # not 86 + 52 + 30
    assert totals.loc["welfare", "money"] == 26000.0         # the masked 15xxxx is left out
    assert totals.loc["welfare", "n_documents"] == 1
    assert "percent" not in totals.columns
    with_parts = pv.figure_totals(tables["figures"])
    assert with_parts.loc["welfare", "people"] == 168.0


def test_figure_totals_by_organisation(tables):
    totals = pv.figure_totals(tables, by="org_type")
    assert totals.loc["企业", "money"] == 26000.0
    assert totals.loc["学校", "n_figures"] == 1
    with pytest.raises(ValueError, match="documents"):
        pv.figure_totals(tables["figures"], by="org_type")


def test_inconsistent_totals_lists_what_does_not_add_up(tables):
    table = pv.inconsistent_totals(tables)
    assert table[["label", "total", "parts", "parts_sum", "difference"]].values.tolist() == [
        ["江海化工集团公司", "共86人", "52人、30人", 82.0, 4.0]]
    tables["relations"]["consistent"] = pd.array([True], dtype="boolean")
    assert pv.inconsistent_totals(tables).empty
    assert len(pv.inconsistent_totals(tables, only_inconsistent=False)) == 1


def test_similarity_of_documents(tables):
    text = ("学校工会组织全体女教职员工四十余人赏梅踏青，愉悦身心，增进了解。春节前走访慰问"
            "困难职工二十四户，发放慰问金两万六千元，帮助他们解决实际困难。")
    other = ("矿工会开展安全生产月活动，组织井下班组进行隐患排查，收集合理化建议一百五十六条，"
             "评选安全标兵十名，举办技能比武三场。")
    tables["documents"]["text"] = pd.array([text, text, other], dtype="string")
    matrix = pv.similarity(tables["documents"])
    assert matrix.iloc[0, 1] == pytest.approx(1.0)
    assert matrix.iloc[0, 2] < 0.2
    assert list(matrix.index) == pv.doc_labels(tables["documents"]).tolist()


def test_accessor_reaches_the_pivots(tables):
    paragraphs, figures = tables["paragraphs"], tables["figures"]
    pd.testing.assert_frame_equal(paragraphs.slens.topic_share(), pv.topic_share(paragraphs))
    assert figures.slens.totals(relations=tables["relations"]).loc["welfare", "people"] == 86.0
    assert tables["documents"].slens.org_type().tolist() == ["学校", "企业", "未注明"]
    assert len(paragraphs.slens.topic("女职工工作")) == 2
    assert len(paragraphs.slens.topic("women", "skills")) == 3


def test_chinese_names(tables):
    shares = pv.topic_share(tables["paragraphs"]).slens.zh()
    assert "帮扶与送温暖" in shares.columns
    zh = tables["paragraphs"].slens.zh()
    assert "女职工工作" in set(zh["topic"].dropna())
    totals = pv.chinese(pv.figure_totals(tables["figures"]))
    assert {"金额（元）", "人数"} <= set(totals.columns) and "帮扶与送温暖" in totals.index


def test_corpus_or_table_is_required():
    with pytest.raises(TypeError, match="Corpus"):
        pv.topic_share(["not a table"])


def test_only_yuan_are_summed_as_money_and_measures_are_kept_apart() -> None:
    from summarylens.figures import find_figures
    from summarylens.tables import figures_frame

    text = "发放慰问金2万元，援建资金50万美元，植树40亩，慰问职工30人。"
    found, _ = find_figures(text)
    figs = figures_frame(found).assign(doc_id="a#1", fig_id=range(len(found)), topic="welfare")
    assert figs["kind"].tolist() == ["money", "money", "measure", "people"]
    assert "measure" in figs["kind"].cat.categories
    totals = pv.figure_totals(figs)
    assert totals.loc["welfare", "money"] == 20000.0        # 50万美元 is not added to yuan
    assert totals.loc["welfare", "people"] == 30.0
    assert totals.loc["welfare", "n_figures"] == 4


def test_money_totals_are_union_money_unless_asked() -> None:
    from summarylens.figures import find_figures
    from summarylens.tables import figures_frame

    text = "全年发放慰问金2万元，为职工追回欠薪3万元；支行新增个人贷款56亿元。"
    found, _ = find_figures(text)
    figs = figures_frame(found).assign(doc_id="a#1", fig_id=range(len(found)), topic="welfare")
    assert figs["money_type"].tolist() == ["union", "pay", "business"]
    assert pv.figure_totals(figs).loc["welfare", "money"] == 20000.0          # union only
    assert figs.slens.totals().loc["welfare", "money"] == 20000.0
    both = pv.figure_totals(figs, money_types=("union", "pay")).loc["welfare", "money"]
    assert both == 50000.0
    assert pv.figure_totals(figs, money_types=None).loc["welfare", "money"] == 5_600_050_000.0
