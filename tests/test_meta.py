"""Document facts: title, organisation, period, year."""

from __future__ import annotations

import pytest

from summarylens.meta import clean_title, document_facts, find_org, find_period, find_year


@pytest.mark.parametrize(
    ("row", "title"),
    [
        ("篇1：学校工会上半年工作总结", "学校工会上半年工作总结"),
        ("第2篇：工会上半工作总结", "工会上半工作总结"),
        ("【篇三】城市商业银行工会上半年工作总结", "城市商业银行工会上半年工作总结"),
        ("最新年上半年工会工作总结二", "最新年上半年工会工作总结"),
        ("机械厂工会2023年工作总结", "机械厂工会2023年工作总结"),
    ],
)
def test_title_loses_its_marker_and_set_ordinal(row, title):
    assert clean_title(row) == title


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2023年上半年工会工作总结", "上半年"),
        ("企业工会下半年工作总结", "下半年"),
        ("农村信用社工会2024年第三季度工作总结", "季度"),
        ("市第一人民医院工会2022年度工作总结", "全年"),
        ("柳河镇总工会２０２１年工作总结", "全年"),
        ("学校工会1-6月工作总结", "上半年"),
        ("三月份工作总结", "月度"),
        ("第2篇：工会上半工作总结", "上半年"),
        ("在市教育工会和学院领导关怀帮助下", None),
    ],
)
def test_period(text, period):
    assert find_period(text) == period


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2023年上半年", 2023),
        ("２０２１年工作总结", 2021),
        ("202_年上半年", False),
        ("XX年元旦", False),
        ("20XX年工作总结", False),
        ("上半年工作总结", None),
        ("11年3月", None),
    ],
)
def test_year_is_read_or_known_to_be_masked(text, year):
    assert find_year(text) == year


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("建设局工委根据今年市总工会工作的指导思想", "建设局工委"),
        ("上半年，市局直属机关工会各会员单位在市局领导下", "市局直属机关工会"),
        ("2019年下半年，华纶纺织厂工会在厂党委的领导下", "华纶纺织厂工会"),
        ("在市教育工会和学院领导关怀帮助下，我们工会主要做了如下工作", None),
        ("今年上半年，我们工会在市委的正确领导下", None),
        ("局工会在202_年上半年工作中，本着以高速公路管理为中心，突出履行工会职能", "局工会"),
        ("今年上半年，我们工会在市委领导下，加强两个机制建设，努力提高工会工作水平", None),
    ],
)
def test_org_is_the_reporting_body_not_its_superior(text, org):
    assert find_org(text) == org


def test_masked_year_in_the_opening_gives_na():
    facts = document_facts(None, "202_年上半年，学校工会深入学习贯彻党的精神。")
    assert (facts.org, facts.period, facts.year) == ("学校工会", "上半年", None)


def test_generic_title_org_gives_way_to_the_opening():
    facts = document_facts("企业工会下半年工作总结一", "2019年下半年，华纶纺织厂工会在厂党委的领导下")
    assert facts.org == "华纶纺织厂工会"
    assert facts.year == 2019


def test_fragment_reads_no_facts_from_its_first_words():
    facts = document_facts(None, "料和宣传册800余份。四季度，分厂工会配合开展演练。", fragment=True)
    assert facts == type(facts)(None, None, None, None)
