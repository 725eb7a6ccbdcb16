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


# ---------------------------------------------------------------------------
# Facts from the report, not the page (issue 12)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("2020镇工会在镇党委的领导下，认真履行职能", "镇工会"),
        ("一年以来，**街道总工会在区总工会的指导下开展工作", "**街道总工会"),
        ("年初，车队工会小组根据公司的要求作了部署", "车队工会小组"),
        ("于5月24日学院工会请医科大学的专家来校讲座", "学院工会"),
        ("区政府和工会组织的关心送到职工心坎上", None),
        ("了总工会关于先进事迹的通报", None),
        ("以科学发展观统领学校工会工作", None),
        ("各基层工会积极开展活动", None),
        ("现将我局20__年度工会工作总结如下", None),
    ],
)
def test_org_without_a_year_or_a_verb_phrase(text, org):
    assert find_org(text) == org


def test_org_from_the_body_when_title_and_opening_name_none():
    body = ["为深入贯彻会议精神，切实把关心关爱送到职工心坎上，东岭区总工会开展了送温暖活动。",
            "一月以来，东岭区总工会先后深入十余家企业走访慰问。", "市总工会领导莅临指导。"]
    facts = document_facts(None, body[0], body=body)
    assert facts.org == "东岭区总工会"


def test_generic_name_gives_way_to_the_longer_name_the_body_uses():
    body = ["现将有关情况报告如下。县总工会以帮扶为重点全面推动公开工作。", "柳溪县总工会",
            "柳溪县总工会2022年信息公开工作年度报告"]
    assert document_facts(None, body[0], body=body).org == "柳溪县总工会"


def test_a_site_title_that_contradicts_the_report_loses():
    facts = document_facts("2023年工会年度工作总结范文", "过去的半年里，车队工会小组根据公司工委的要求开展工作。")
    assert (facts.period, facts.year) == ("上半年", None)


def test_the_year_that_opens_the_report_wins_and_a_masked_one_stays_na():
    assert document_facts("2021年上半年工作总结", "2005年上半年，建设局工委围绕中心工作开展活动。").year == 2005
    assert document_facts("工会年终工作总结 篇1", "20xx年，寮步镇总工会在上级的领导下开展工作。").year is None


def test_a_report_that_names_no_period_is_a_year_summary_a_news_item_is_not():
    assert document_facts(None, "柳背桥社区工会经过一年的努力，各项工作成绩可喜，会员人数稳步增加。").period == "全年"
    assert document_facts("某某工会工作总结", "镇工会按照年初确定的目标任务开展工作。").period == "全年"
    assert document_facts(None, "为贯彻会议精神，潞州区总工会开展了元旦春节送温暖活动，走访企业18家。").period is None


def test_opening_passes_over_page_lines():
    from summarylens.meta import opening_text

    rows = ["发布日期：2025-10-31 11：23：32", "来源：本站",
            "历下区总工会坚持服务大局、服务职工，全面提升了工会工作的覆盖面。"]
    assert opening_text(rows) == rows[2]


def test_body_that_names_itself_overrides_a_template_title_of_another_kind() -> None:
    # a template site's title says 医院工会; the report says 我局工会 three times
    body = ["今年以来，我局工会紧扣机关中心工作，组织干部职工开展读书活动。",
            "我局工会先后走访困难职工家庭十二户。", "年底前我局工会将完成换届筹备。"]
    facts = document_facts("医院工会工作总结 篇1", "今年以来，我局工会紧扣机关中心工作，组织干部职工开展读书活动。",
                           body=body)
    assert facts.org == "局工会"


def test_self_reference_of_the_same_kind_keeps_the_title_org() -> None:
    body = ["本学期我校工会组织教职工体检。", "我校工会还举办了青年教师沙龙。"]
    assert document_facts("学校工会工作总结", "本学期我校工会组织教职工体检。", body=body).org == "学校工会"
    # once is a passing mention, not enough to overrule the title
    body = ["全院职工踊跃参加义诊。", "下乡途中，我局工会也派人随行。"]
    assert document_facts("医院工会工作总结", "全院职工踊跃参加义诊。", body=body).org == "医院工会"
