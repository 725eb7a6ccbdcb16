"""The figure extractor: SPEC examples, every exclusion, enumerations, ranges, masks,
relations, properties (hypothesis) and a floor on the gold-set F1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarylens.figures import find_figures
from summarylens.figures.exclusions import EXCLUSIONS
from summarylens.figures.records import SENTENCE_END
from summarylens.records import FIGURE_KINDS, QUALIFIERS

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "figures_gold"


def figs(text: str) -> list[tuple[str, float | None, str, str]]:
    """(raw, value, unit, kind) of every figure of ``text``."""
    return [(f.raw, f.value, f.unit, f.kind) for f in find_figures(text)[0]]


def one(text: str):
    found = find_figures(text)[0]
    assert len(found) == 1, [f.raw for f in found]
    return found[0]


# ---------------------------------------------------------------------------------------
# SPEC section 2 examples
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "raw", "value", "unit", "kind", "qualifier"), [
    ("奖励1千元", "1千元", 1000, "元", "money", "exact"),
    ("上解经费3.1055万元", "3.1055万元", 31055, "元", "money", "exact"),
    ("各类捐款近400万元", "近400万元", 4_000_000, "元", "money", "under"),
    ("对市慈善总会捐款158万)", "158万", 1_580_000, "元", "money", "exact"),
    ("又为两名选手颁奖", "两名", 2, "人", "people", "exact"),
    ("一千二百三十四元", "一千二百三十四元", 1234, "元", "money", "exact"),
    ("活动近百人参加", "近百人", 100, "人", "people", "under"),
    ("共有300多名职工参加", "300多名", 300, "人", "people", "over"),
    ("走访教职工50多人次", "50多人次", 50, "人次", "person_times", "over"),
    ("慰问特困职工家庭24户", "24户", 24, "户", "households", "exact"),
    ("125家单位开展活动", "125家", 125, "家", "organizations", "exact"),
    ("为58个基层工会办理保险", "58个", 58, "个", "organizations", "exact"),
    ("下设分工会9个", "9个", 9, "个", "organizations", "exact"),
    ("推行率达90%", "90%", 90, "%", "percent", "exact"),
    ("控制在５.２％以内", "５.２％以内", 5.2, "%", "percent", "under"),
    ("占年初任务的百分之六点九", "百分之六点九", 6.9, "%", "percent", "exact"),
    ("占职工总数的三成", "三成", 30, "%", "percent", "exact"),
    ("比去年同期提高1.2个百分点", "1.2个百分点", 1.2, "个百分点", "percent", "exact"),
    ("收到合理化建议213条", "213条", 213, "条", "count", "exact"),
    ("黑板报206期", "206期", 206, "期", "count", "exact"),
    ("共捐书2300册", "2300册", 2300, "册", "count", "exact"),
    ("9支代表队参赛", "9支", 9, "支", "count", "exact"),
    ("慰问补助金额10万元左右", "10万元左右", 100_000, "元", "money", "approx"),
    ("节约成本约35万元", "约35万元", 350_000, "元", "money", "approx"),
    ("每人保费人均500元", "500元", 500, "元", "money", "exact"),
    ("新增就业1.2万人", "1.2万人", 12_000, "人", "people", "exact"),
    ("新增开立11.2万个", "11.2万个", 112_000, "个", "count", "exact"),
    ("服务20余次", "20余次", 20, "次", "count", "over"),
    ("十余万元", "十余万元", 100_000, "元", "money", "over"),
    ("超过500人", "超过500人", 500, "人", "people", "over"),
    ("不足5户", "不足5户", 5, "户", "households", "under"),
    ("参加人数达１２６４名", "１２６４名", 1264, "人", "people", "exact"),
    ("两个单位之间", "两个", 2, "个", "organizations", "exact"),
    ("其中省级一等奖一人。", "一人", 1, "人", "people", "exact"),
    # measure words met in the third blind round (blind3) and in government reports
    ("上示范课58节", "58节", 58, "节", "count", "exact"),
    ("听评课210余节", "210余节", 210, "节", "count", "over"),
    ("分为4组，", "4组", 4, "组", "count", "exact"),
    ("送去大米200袋", "200袋", 200, "袋", "count", "exact"),
    ("消毒湿巾800余箱", "800余箱", 800, "箱", "count", "over"),
    ("体温枪120把", "120把", 120, "把", "count", "exact"),
    ("新建职工倒班公寓1栋", "1栋", 1, "栋", "count", "exact"),
    ("职工书屋新增图书3000本", "3000本", 3000, "本", "count", "exact"),
    ("受理来信来访29件次", "29件次", 29, "件次", "count", "exact"),
    ("约合500元", "约合500元", 500, "元", "money", "approx"),
    ("二十来人", "二十来人", 20, "人", "people", "approx"),
    ("提高两个百分点", "两个百分点", 2, "个百分点", "percent", "exact"),
    ("提高三成", "三成", 30, "%", "percent", "exact"),
    ("提高了5个多百分点", "5个多百分点", 5, "个百分点", "percent", "over"),
    ("我国有13亿人口", "13亿人口", 1_300_000_000, "人", "people", "exact"),
    ("近14亿人口的大国", "近14亿人口", 1_400_000_000, "人", "people", "under"),
    ("惠及2900多万家庭。", "2900多万家庭", 29_000_000, "户", "households", "over"),
    ("惠及上千万家庭", "上千万家庭", 10_000_000, "户", "households", "over"),
    ("为患病教师捐款15.3万。", "15.3万", 153_000, "元", "money", "exact"),
])
def test_spec_examples(text, raw, value, unit, kind, qualifier) -> None:
    f = one(text)
    assert (f.raw, f.value, f.unit, f.kind, f.qualifier) == (raw, value, unit, kind, qualifier)
    assert text[f.start:f.end] == f.raw


# ---------------------------------------------------------------------------------------
# Exclusions: each one is NOT taken
# ---------------------------------------------------------------------------------------

NOT_FIGURES = {
    "ordinal or session": ["学校第九届教代会", "召开八届五次次教代会", "十四届三次执委会精神",
                           "获得第3名", "第二期培训班", "第五届第三次会议", "二届五次职工代表大会",
                           "十三届全国人大五次会议"],
    "named numeral": ["为庆祝三八妇女节", "五一期间慰问", "十六大精神", "十一五期间", "十四五规划",
                      "三个代表重要思想", "两争一树主题教育", "一三一健身理念", "十佳文明职工",
                      "十一期间", "两节期间慰问", "五位一体", "二次创业", "三次产业共同带动"],
    "document number": ["贯彻湘工发14号文件", "〔2024〕12号", "潭政发9号文件精神",
                        "江工发〔2023〕15号"],
    "date or clock time": ["5月23日中午", "11年3月", "12时20分", "2023年", "202_年上半年",
                           "3月27至29日", "于5-6月", "2022—2023年度"],
    "list marker": ["1、加强组织建设", "（一）民主管理", "手段。 2、发挥民主监督作用",
                    "2.开展活动"],
    "indefinite one": ["有一位退休教师", "又一次获得", "随着一声枪响", "一次性补助", "一名柜员生病",
                       "作专题辅导一次"],
    "rate or rank": ["每万人口", "前三名全部包揽", "前10名"],
    "bare unit": ["组织百人大合唱", "千家万户", "万人长跑"],
    "rhetorical chinese count": ["突出两个重点", "加大三个力度", "抓好三项工作", "十件大事",
                                 "履行四项职能", "统筹国内国际两个大局"],
    "chinese numeral glued to a word": ["初三年级", "周三下午", "“二次创业”战略", "统一思想"],
    "site blurb": ["工作总结（精选4篇）", "范文（通用8篇）"],
    "inside a title": ["《廉洁从业九项准则》"],
    "durations and measures": ["经过3天", "4个月", "每天8小时", "40周岁以上", "110千伏"],
    "words": ["零部件有限公司", "一线职工", "两癌筛查", "G20峰会", "5G网络", "保持两位数增长"],
    # classes added after the third blind round (blind3) and the government reports
    "pairing": ["党员干部1对1结对帮扶", "开展一对一帮扶", "1对多服务"],
    "vague pair of digits": ["一年仅开展一两次活动", "两三人一组", "三四十家企业", "来了七八个"],
    "idioms": ["职工们三五成群", "三番五次", "五花八门", "两条腿走路"],
    "rhetorical counts (more)": ["重点抓好三件事", "办好十件民生实事", "“一带一路”八项行动",
                                 "污染防治三个“十条”", "坚持两个毫不动摇"],
    "durations (more)": ["培训2学时", "历时3个多月", "两个半小时", "用了1个多星期"],
    # what real pages showed (issue 14): durations, sessions, slogans, an institute, an idiom
    "durations (real pages)": ["用了两个月时间", "坚持三年", "每半年一次"],
    "sessions (real pages)": ["召开一届二次职代会", "开展工会基层组织二次覆盖攻坚", "二次覆盖"],
    "slogans (real pages)": ["推动三个文明建设", "为三个文明建设作贡献"],
    "institutes (real pages)": ["十四所工会组织职工", "十四所职工"],
    "indefinite (real pages)": ["困难职工帮扶不落一人", "做到不落一人"],
    "absurd numbers": ["1" * 400, "1" * 400 + "元", "9" * 40 + "人", "编号" + "3" * 30 + "万元"],
    "placeholders (more)": ["热线12345", "咨询电话：0571-86661234", "“1+3”帮扶模式", "港区110千伏变电站",
                            "每小时42自然箱", "集装箱吞吐量520万标箱", "加班约4.2万小时"],
    "dates (more)": ["２０２２年３月２５日召开", "二〇二三年上半年", "上午9时30分", "7—8月高温期间",
                     "3月至4月"],
    "ordinals (more)": ["《工会法》第四十三条", "第3号文件", "X工发〔2023〕15号", "获得团体第二名",
                        "第一时间", "第七届三次职代会", "一、二、三等奖"],
}


@pytest.mark.parametrize(("why", "text"), [(k, t) for k, ts in NOT_FIGURES.items() for t in ts])
def test_not_figures(why: str, text: str) -> None:
    assert figs(text) == [], why


def test_exclusions_live_in_one_named_place() -> None:
    """Every exclusion rule is in figures.exclusions, read by its functions; the scanner asks
    those functions and compiles no exclusion pattern of its own."""
    import inspect

    from summarylens.figures import exclusions, scan

    names = [name for name, _ in EXCLUSIONS]
    for expected in ("named numeral", "ordinal or session", "document number", "date or clock time",
                     "list marker", "rhetorical chinese count", "pairing", "vague pair of digits"):
        assert expected in names
    module_source = inspect.getsource(exclusions)
    functions = module_source[module_source.index("\ndef "):]
    scan_source = inspect.getsource(scan)
    from_lists = dict(zip(exclusions.ExclusionPatterns._fields, exclusions.DEFAULT_PATTERNS, strict=True))
    for name, pattern in EXCLUSIONS:
        variable = next(k for k, v in vars(exclusions).items() if v is pattern)
        field = next((f for f, p in from_lists.items() if p is pattern), None)
        read = f"pats.{field}" if field else variable      # compiled from word lists: read through pats
        assert read in functions, f"{name}: {read} is read by no function of figures.exclusions"
        assert variable not in scan_source, f"{name}: {variable} is read by the scanner itself"


def test_meetings_counted_are_figures() -> None:
    assert figs("全年召开两次会议") == [("两次", 2.0, "次", "count")]


def test_wan_before_an_unknown_measure_is_not_money() -> None:
    assert figs("筹集口罩2.4万只") == [("2.4万只", 24000.0, "只", "count")]
    assert figs("贷款提标降息惠及1100多万学生") == []


def test_goods_and_lessons_are_counts_but_the_organize_verb_is_no_organization() -> None:
    assert figs("分三个批次组织") == [("三个", 3.0, "个", "count")]
    assert figs("新建5个社会组织") == [("5个", 5.0, "个", "organizations")]


@pytest.mark.parametrize(("text", "kinds"), [
    ("村（社区）工会联合会3个，", ["organizations"]),
    ("劳模创新工作室6个，", ["organizations"]),
    # a running total in 个 counts what the 个 before it counted
    ("新建“教工之家”“教师小家”11个，累计达到68个，", ["organizations", "organizations"]),
    ("下设分工会9个，总数达到12个", ["organizations", "organizations"]),
    ("发现问题17个，已督促整改15个。", ["count", "count"]),
    ("成立分会5个，开展活动20个。", ["organizations", "count"]),
])
def test_kind_of_ge(text: str, kinds: list[str]) -> None:
    assert [f[3] for f in figs(text)] == kinds


def test_list_marker_before_a_figure_is_dropped() -> None:
    assert figs("2、3万元慰问金已发放") == [("3万元", 30000.0, "元", "money")]


# ---------------------------------------------------------------------------------------
# Enumerations, ranges, masks
# ---------------------------------------------------------------------------------------

def test_enumeration_shares_the_unit() -> None:
    assert figs("分别把1000、500元的爱心助学金") == [
        ("1000", 1000.0, "元", "money"), ("500元", 500.0, "元", "money")]
    assert figs("给予1500、1000、600元奖励") == [
        ("1500", 1500.0, "元", "money"), ("1000", 1000.0, "元", "money"),
        ("600元", 600.0, "元", "money")]
    assert [f[1:] for f in figs("各选派3、5名")] == [(3.0, "人", "people"), (5.0, "人", "people")]


@pytest.mark.parametrize(("text", "expected"), [
    ("工资增长5%—6%", [("5%", 5.0), ("6%", 6.0)]),
    ("每组3至5名", [("3", 3.0), ("5名", 5.0)]),
    ("每期20-30人", [("20", 20.0), ("30人", 30.0)]),
    ("资助10-15万元", [("10", 100_000.0), ("15万元", 150_000.0)]),
    ("每条200—500元", [("200", 200.0), ("500元", 500.0)]),
    ("分别高4.2和0.7个百分点", [("4.2", 4.2), ("0.7个百分点", 0.7)]),
])
def test_ranges_give_two_figures(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(f[0], f[1]) for f in figs(text)] == expected


@pytest.mark.parametrize(("text", "raw", "kind"), [
    ("捐款15xxxx元", "15xxxx元", "money"),
    ("送去慰问金202_元", "202_元", "money"),
    ("满意率9x%", "9x%", "percent"),
    ("全行员工捐款96xx元", "96xx元", "money"),
    ("参赛人数约15xxxx", "约15xxxx", "people"),
    ("上交费率达到10xxxx", "10xxxx", "percent"),
    ("参赛人数达38xxxx人", "38xxxx人", "people"),
    ("会员总数达8,4xx人，", "8,4xx人", "people"),
    ("筹集资金X万元，", "X万元", "money"),
    ("理赔金额XX万元。", "XX万元", "money"),
])
def test_masked_values(text: str, raw: str, kind: str) -> None:
    f = one(text)
    assert (f.raw, f.kind, f.masked, f.value) == (raw, kind, True, None)


def test_a_comma_is_no_thousands_separator_before_a_short_group() -> None:
    assert [f[0] for f in figs("共3，4x人")] == ["4x人"]


def test_qualifiers_are_known() -> None:
    found = find_figures("约3人、近4人、5人左右、6人以上、超过7人、不到8人、9余人")[0]
    assert {f.qualifier for f in found} <= set(QUALIFIERS)
    assert all(f.kind in FIGURE_KINDS for f in found)


# ---------------------------------------------------------------------------------------
# Subject and sentence
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("组织全体女教职员工40余人去南京", "全体女教职员工"),
    ("春节期间局慰问特困职工家庭24户", "特困职工家庭"),
    ("下属各单位慰问36户，计慰问款20100元。", "慰问款"),
    ("为2468名女职工办理了女性安康保险", "女职工"),
])
def test_subject(text: str, subject: str) -> None:
    assert find_figures(text)[0][-1].subject == subject


def test_per_unit_word_and_money_type_on_each_figure() -> None:
    found = find_figures("走访困难职工8人，每人发放慰问金800元；全年实现营业收入86.4亿元。")[0]
    assert [(f.subject, f.per, f.money_type) for f in found] == [
        ("困难职工", None, None), ("慰问金", "每人", "union"), ("营业收入", None, "business")]


def test_sentence_is_the_one_holding_the_figure() -> None:
    text = "上半年工作顺利。共慰问困难职工12户，发放慰问金2万元。下半年继续。"
    for f in find_figures(text)[0]:
        assert f.sentence == "共慰问困难职工12户，发放慰问金2万元。"


# ---------------------------------------------------------------------------------------
# Relations
# ---------------------------------------------------------------------------------------

def test_consistent_relation() -> None:
    found, rels = find_figures("领取一次性补助款人数共计216人，其中在职职工129人，退休人员87人。")
    assert [f.raw for f in found] == ["216人", "129人", "87人"]
    assert len(rels) == 1
    assert (rels[0].total_fig_id, rels[0].part_fig_ids) == (0, (1, 2))
    assert rels[0].parts_sum == 216 and rels[0].consistent is True


def test_inconsistent_relation() -> None:
    text = ("共走访慰问困难员工65人，其中在职困难员工21人、患病员工18人、离退休人员23人，"
            "发放慰问金13万元。")
    found, rels = find_figures(text)
    assert len(rels) == 1
    assert rels[0].parts_sum == 62 and rels[0].consistent is False
    assert found[rels[0].total_fig_id].raw == "65人"


def test_relation_across_sentences_and_units() -> None:
    text = ("截至6月20日，我市共新建工会组织38家，净增会员3581人。"
            "其中农民工工会组织8家，会员1077人。"
            "非公单位工会组织17家，会员1244人，社区工会组织10家，会员1135人。其余工会组织3家，会员125人。"
            "组织工会完成全年任务的58.46%。")
    found, rels = find_figures(text)
    sums = {found[r.total_fig_id].raw: (r.parts_sum, r.consistent) for r in rels}
    assert sums == {"38家": (38.0, True), "3581人": (3581.0, True)}


def test_money_relation() -> None:
    _, rels = find_figures("帮扶中心共筹措解困资金247.85万元，"
                           "其中在职干部职工捐款160万元，财政投入87.85万元。")
    assert (rels[0].parts_sum, rels[0].consistent) == (2_478_500.0, True)


def test_approximate_total_is_not_judged() -> None:
    _, rels = find_figures("共计20多人，其中劳模15人，困难职工6人。")
    assert rels and rels[0].consistent is None


def test_a_single_part_names_a_subset_and_is_no_relation() -> None:
    assert find_figures("共帮扶困难职工4133户，其中，领导带队慰问特困职工35户。")[1] == []


def test_parts_of_a_rate_are_shares_not_a_relation() -> None:
    assert find_figures("按工资总额的2%拨缴工会经费，其中60%留厂使用，40%上解。")[1] == []


def test_per_head_rates_are_not_parts() -> None:
    figures, rels = find_figures("共发放慰问金9万元，其中困难职工慰问金每户500元共3万元，助学金6万元。")
    assert [figures[i].raw for i in rels[0].part_fig_ids] == ["3万元", "6万元"]
    assert rels[0].consistent is True


def test_no_relation_without_total_word() -> None:
    assert find_figures("培训职工156人，其中92人取得证书。")[1] == []


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

_GENRE = st.text(alphabet="0123456789０１２３.．,，、%％一二两三十百千万亿零〇"
                          "约近余多以上左右元人名位户家个次项"
                          "第届年月日号共计其中，。xX_×（）()—-至", max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_no_crash_on_arbitrary_unicode(text: str) -> None:
    found, rels = find_figures(text)
    _check(text, found, rels)


@settings(max_examples=500, deadline=None)
@given(_GENRE)
def test_offsets_and_determinism_on_genre_soup(text: str) -> None:
    found, rels = find_figures(text)
    _check(text, found, rels)
    assert find_figures(text) == (found, rels)


@settings(max_examples=300, deadline=None)
@given(_GENRE)
def test_searched_number_pattern_matches_like_the_readable_one(text: str) -> None:
    """FIGURE uses a form of _NUMBER rewritten for fast searching; both read alike."""
    import re

    from summarylens.figures.numerals import NUMBER, NUMBER_SEARCHED

    readable, searched = re.compile(NUMBER), re.compile(NUMBER_SEARCHED)
    for i in range(len(text)):
        a, b = readable.match(text, i), searched.match(text, i)
        assert (a and a.group()) == (b and b.group()), (text, i)


def test_relations_take_sentence_ends_from_the_caller() -> None:
    from summarylens.figures import find_relations
    from summarylens.figures.records import sentence_bounds

    text = "共计216人，其中在职职工129人，退休人员87人。"
    figures = find_figures(text)[0]
    assert find_relations(text, figures) == find_relations(text, figures, sentence_bounds(text))


def test_figures_placed_in_a_document_equal_shifted_copies() -> None:
    from dataclasses import replace

    text = "领取一次性补助款人数共计216人，其中在职职工129人，退休人员87人。发放慰问金2万元。"
    plain, plain_rels = find_figures(text)
    placed, placed_rels = find_figures(text, offset=100, para_id=3, first_fig_id=7, topic="welfare")
    assert placed == [replace(f, start=f.start + 100, end=f.end + 100, para_id=3, fig_id=7 + i,
                              topic="welfare") for i, f in enumerate(plain)]
    assert [(r.total_fig_id, r.part_fig_ids) for r in placed_rels] == [
        (r.total_fig_id + 7, tuple(i + 7 for i in r.part_fig_ids)) for r in plain_rels]
    assert placed_rels and placed_rels[0].parts_sum == plain_rels[0].parts_sum


def _check(text, found, rels) -> None:
    for f in found:
        assert text[f.start:f.end] == f.raw
        assert f.kind in FIGURE_KINDS and f.qualifier in QUALIFIERS
        assert (f.value is None) == f.masked
    for r in rels:
        assert 0 <= r.total_fig_id < len(found)
        assert all(0 <= i < len(found) for i in r.part_fig_ids)


def test_same_output_twice_on_the_seed(seed_text: str) -> None:
    for line in seed_text.split("\n"):
        assert find_figures(line) == find_figures(line)


# ---------------------------------------------------------------------------------------
# Gold set
# ---------------------------------------------------------------------------------------

#: floors set from the runs reported in tests/data/figures_gold/README.md (first blind
#: test run: value+kind F1 0.975, money 1.0; third blind round, blind3: F1 0.982, money
#: 1.0); a change that drops below them is a regression
GOLD_F1_FLOOR = 0.97
GOLD_MONEY_F1_FLOOR = 0.97


@pytest.mark.parametrize("split", ["dev", "test", "blind3"])
def test_gold_f1_floor(split: str, capsys: pytest.CaptureFixture[str]) -> None:
    from summarylens.evaluate.figures import evaluate

    results = evaluate(GOLD, ROOT / "corpus", split=split, quiet=True)
    capsys.readouterr()
    assert results[split]["value+kind"].f1 >= GOLD_F1_FLOOR


def test_gold_money_f1_floor() -> None:
    from summarylens.evaluate.figures import (
        _gold_and_predictions,
        match,
        score,
        value_match,
    )

    files = [p for p in GOLD.glob("*.tsv") if p.name != "splits.tsv"]
    gold, pred, _ = _gold_and_predictions(files, ROOT / "corpus", lines=False)
    hit_gold, hit_pred = match(gold, pred, value_match)
    assert score(gold, pred, hit_gold, hit_pred, "money").f1 >= GOLD_MONEY_F1_FLOOR


#: floors from the blind runs of the subject chooser reported in the gold README (test
#: 0.886, blind3 0.946 acceptable subjects; money_type 0.918 and 0.888), a little under
#: today's scores (0.955, 0.935, 0.969; money_type 0.98, 1.0, 0.955)
GOLD_SUBJECT_FLOOR = 0.92
GOLD_MONEY_TYPE_FLOOR = 0.90


@pytest.mark.parametrize("split", ["dev", "test", "blind3"])
def test_gold_subject_and_money_type_floors(split: str) -> None:
    from summarylens.evaluate.figures import evaluate_meaning

    scores = evaluate_meaning(GOLD, ROOT / "corpus", split=split)[split]
    assert scores.n_subjects >= 240
    assert scores.subject_share >= GOLD_SUBJECT_FLOOR
    assert scores.money_accuracy >= GOLD_MONEY_TYPE_FLOOR
    # business money is never read as union money
    assert scores.confusion.get(("business", "union"), 0) == 0


def test_gold_set_size() -> None:
    files = [p for p in GOLD.glob("*.tsv") if p.name != "splits.tsv"]
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in files)
    assert len(files) >= 5 and rows >= 300


@given(st.text(alphabet="。！？!?…\n一二1，", max_size=30))
def test_sentence_ends_are_runs_of_sentence_punctuation(text):
    plain = re.compile(r"[。！？!?…\n]+")
    assert [m.span() for m in SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


# ---------------------------------------------------------------------------------------
# Users extend the word lists


def test_users_add_units_and_non_figures(tmp_path: Path) -> None:
    from summarylens.figures import DEFAULT_RULES
    from summarylens.lexicons import read_lexicon

    text = "为职工送去米面油500桶，分装爱心礼包300包，落实两个清单。"
    assert [f.raw for f in find_figures(text)[0]] == ["500桶", "两个"]
    mine = tmp_path / "my_non_figures.tsv"
    mine.write_text("# columns: word\trule\n清单\trhetorical_after\n", encoding="utf-8")
    rules = DEFAULT_RULES.extended(units=[("包", "count", "包")], non_figures=read_lexicon(mine).rows)
    assert [(f.raw, f.kind) for f in find_figures(text, rules=rules)[0]] == [("500桶", "count"), ("300包", "count")]
    assert [f.raw for f in find_figures(text)[0]] == ["500桶", "两个"]       # the shipped rules are unchanged


def test_users_units_keep_their_kind_and_guards() -> None:
    from summarylens.figures import DEFAULT_RULES

    rules = DEFAULT_RULES.extended(units=[("帮扶对子", "count", "对", ""), ("床", "count", "床", "位 单")])
    assert figs("结成帮扶对子12个") == [("12个", 12.0, "个", "count")]
    found = [(f.raw, f.unit) for f in find_figures("结成帮扶对子12个，新结帮扶对子8帮扶对子", rules=rules)[0]]
    assert ("8帮扶对子", "对") in found
    assert [f.raw for f in find_figures("添置床位30张，病床20床", rules=rules)[0]] == ["30张", "20床"]


def test_extended_rules_are_checked() -> None:
    from summarylens.figures import DEFAULT_RULES

    with pytest.raises(ValueError, match="figure kinds"):
        DEFAULT_RULES.extended(units=[("包", "parcels", "包")])
    with pytest.raises(ValueError, match="non-figure rules"):
        DEFAULT_RULES.extended(non_figures=[("清单", "slogan_after")])
    # an entry the list has already keeps its meaning
    assert DEFAULT_RULES.extended(units=[("元", "count", "块")]).unit_kinds["元"] == ("money", "元")


# ---------------------------------------------------------------------------------------
# Measures, foreign currency, signs (issue 14, SPEC section 6)


@pytest.mark.parametrize(("text", "expected"), [
    ("全年粮食产量1.3万亿斤", ("1.3万亿斤", 1.3e12, "斤", "measure")),
    ("建成高标准农田8000万亩", ("8000万亩", 8e7, "亩", "measure")),
    ("高速公路里程达13.6万公里", ("13.6万公里", 136000.0, "公里", "measure")),
    ("钢铁去产能8亿吨", ("8亿吨", 8e8, "吨", "measure")),
    ("新建职工之家活动场地320平方米", ("320平方米", 320.0, "平方米", "measure")),
    ("职工书屋面积约60平米", ("约60平米", 60.0, "平方米", "measure")),
    ("健步走全程5.5公里", ("5.5公里", 5.5, "公里", "measure")),
    ("义务植树40余亩", ("40余亩", 40.0, "亩", "measure")),
    ("年节约120吨标准煤", ("120吨标准煤", 120.0, "吨标准煤", "measure")),
    ("年节电3.6万千瓦时", ("3.6万千瓦时", 36000.0, "千瓦时", "measure")),
    ("新增装机100万千瓦", ("100万千瓦", 1e6, "千瓦", "measure")),
    ("环湖跑3千米", ("3千米", 3.0, "千米", "measure")),
    ("修复河道2公顷", ("2公顷", 2.0, "公顷", "measure")),
    ("节水1200立方米", ("1200立方米", 1200.0, "立方米", "measure")),
    ("送去大米500斤", ("500斤", 500.0, "斤", "measure")),
    ("进出口总额1196亿美元", ("1196亿美元", 1.196e11, "美元", "money")),
    ("援助资金50万欧元", ("50万欧元", 5e5, "欧元", "money")),
    ("利润-200万元", ("-200万元", -2e6, "元", "money")),
    ("同比增长－3.5%", ("－3.5%", -3.5, "%", "percent")),
])
def test_measures_currencies_and_signs(text: str, expected: tuple[str, float, str, str]) -> None:
    assert figs(text) == [expected]


def test_measure_words_that_are_no_measure() -> None:
    assert figs("发放米面油200桶") == [("200桶", 200.0, "桶", "count")]
    assert figs("3千多人参加") == [("3千多人", 3000.0, "人", "people", )]


def test_a_minus_between_two_figures_is_a_range() -> None:
    assert figs("资助3万元-5万元") == [("3万元", 30000.0, "元", "money"), ("5万元", 50000.0, "元", "money")]
    assert [f[1] for f in figs("补助10-15万元")] == [100000.0, 150000.0]
    assert figs("2019-2020年") == []
    assert [f[1] for f in figs("型号GB-2000元")] == [2000.0]


def test_parts_never_come_from_an_unrelated_next_sentence() -> None:
    text = "全年经费收入共计148.6万元，其中上级补助80万元，行政拨缴50万元。收缴会费约18万元。"
    found, rels = find_figures(text)
    assert [found[i].raw for i in rels[0].part_fig_ids] == ["80万元", "50万元"]
    assert rels[0].parts_sum == 1_300_000 and rels[0].consistent is False
    # a sentence that carries on the list is still read (and a part larger than what is left is not)
    text = "共筹集资金100万元，其中捐款60万元。财政投入40万元。"
    found, rels = find_figures(text)
    assert rels[0].parts_sum == 1_000_000 and rels[0].consistent is True
    text = "共筹集资金100万元，其中捐款60万元，财政投入30万元。另有贷款50万元。"
    found, rels = find_figures(text)
    assert [found[i].raw for i in rels[0].part_fig_ids] == ["60万元", "30万元"]


def test_wan_before_a_population_or_after_person_times() -> None:
    assert figs("6600多万农村人口饮水安全问题得到解决") == [("6600多万", 66_000_000.0, "人", "people")]
    assert figs("出境旅游人次由8300万增加到") == [("8300万", 83_000_000.0, "人次", "person_times")]
    assert figs("贷款提标降息惠及1100多万学生") == []
