"""The subject chooser (summarylens.phrases) and the money types (summarylens.money)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from summarylens.lexicons import Lexicon
from summarylens.money import MONEY_TYPES, MoneyTyper, money_type
from summarylens.phrases import LexiconTagger, choose_subject, figure_subjects


def _subjects(text: str, *figs: tuple[str, str]) -> list[tuple[str | None, str | None]]:
    """Subjects and per-qualifiers of the figures ``figs`` (raw, kind), found in order."""
    spans, at = [], 0
    for raw, kind in figs:
        start = text.index(raw, at)
        at = start + len(raw)
        spans.append(SimpleNamespace(start=start, end=at, kind=kind))
    out = figure_subjects(text, spans)
    for s in out:
        if s.text is not None:
            assert text[s.start:s.start + len(s.text)] == s.text   # as written, in place
    return [(s.text, s.per) for s in out]


@pytest.mark.parametrize(("text", "raw", "kind", "subject"), [
    ("年前走访慰问困难职工24户。", "24户", "households", "困难职工"),        # before, verb out
    ("端午节向一线班组发放慰问金2.6万元。", "2.6万元", "money", "慰问金"),
    ("为全市2468名女职工办理了保险。", "2468名", "people", "女职工"),        # after the unit
    ("本季度举办职工健康知识讲座5场。", "5场", "count", "职工健康知识讲座"),  # modifiers kept
    ("全年兑现技能类竞赛奖励3.5万元。", "3.5万元", "money", "技能类竞赛奖励"),
    ("各车间开展培训12期。", "12期", "count", "培训"),                     # verbal noun as head
    ("本月组织机关干部职工捐款8600元。", "8600元", "money", "捐款"),         # doers out
    ("财政投入87万元。", "87万元", "money", "财政投入"),
    ("会员人数共计达到1300人。", "1300人", "people", "会员人数"),          # fillers skipped
    ("上半年减速机交付3260台。", "3260台", "count", "减速机"),             # before its verb
    ("厂务公开推行率达90%。", "90%", "percent", "厂务公开推行率"),             # a rate named by a verb
    ("上半年同比增长14.8%。", "14.8%", "percent", None),                # nothing quantified
    ("本年度向各分会拨付工作经费6万元。", "6万元", "money", "工作经费"),        # 工作 is a noun, 作 no verb
    ("排查全区在建项目18个。", "18个", "count", "在建项目"),               # 在 here opens a noun
    ("截至6月底，在册会员共915人。", "915人", "people", "在册会员"),
])
def test_subject_of_one_figure(text: str, raw: str, kind: str, subject: str | None) -> None:
    assert _subjects(text, (raw, kind))[0][0] == subject


def test_times_and_per_unit_words_are_not_subjects() -> None:
    assert _subjects("春节期间每人每月发放生活补贴300元。", ("300元", "money")) == [("生活补贴", "每人每月")]
    assert _subjects("中秋节发放节日慰问品，人均约300元。", ("约300元", "money")) == [(None, "人均")]
    assert _subjects("全年慰问退休职工56人。", ("56人", "people")) == [("退休职工", None)]


def test_each_figure_reads_its_own_clause_and_enumerations_share_one() -> None:
    text = "慰问困难职工24户，发放慰问金2.6万元，分别给予1500、1000、600元奖励。"
    figs = [("24户", "households"), ("2.6万元", "money"), ("1500", "money"), ("1000", "money"),
            ("600元", "money")]
    assert [s for s, _ in _subjects(text, *figs)] == ["困难职工", "慰问金", "奖励", "奖励", "奖励"]
    text = "其中在职职工129人，退休人员87人。"
    assert [s for s, _ in _subjects(text, ("129人", "people"), ("87人", "people"))] == ["在职职工", "退休人员"]


def test_a_figure_before_de_quantifies_the_noun_after_it() -> None:
    # 价值300元的纪念品: what the money buys, not the verb or the recipients before it
    assert _subjects("为每位获奖职工送去价值300元的纪念品。", ("300元", "money")) == [("纪念品", "每位")]
    assert _subjects("组织约400人的志愿者队伍。", ("约400人", "people")) == [("志愿者队伍", None)]
    assert _subjects("每周开展2次的健身活动。", ("2次", "count")) == [("健身活动", "每周")]
    assert _subjects("新建约80平方米的职工书屋。", ("约80平方米", "measure")) == [("职工书屋", None)]
    # … but a percentage before 的 names a rate (2%的比例): it measures the phrase before it
    assert _subjects("工会经费按工资总额2%的比例拨缴。", ("2%", "percent")) == [("工资总额", None)]
    assert choose_subject("工资总额", "的比例拨缴", "percent").text == "工资总额"
    # 在……的基础上 is a frame, not a subject
    assert _subjects("在去年30家的基础上，今年新建8家。", ("30家", "organizations"), ("8家", "organizations")) \
        == [(None, None), (None, None)]


def test_an_enumeration_shares_the_noun_after_its_last_unit() -> None:
    text = "对优胜班组分别给予5000、3000、2000元的奖励。"
    figs = [("5000", "money"), ("3000", "money"), ("2000元", "money")]
    assert [s for s, _ in _subjects(text, *figs)] == ["奖励", "奖励", "奖励"]
    text = "补助标准为每人800元至1500元不等。"     # 不等 names nothing: the range shares 补助标准
    assert [s for s, _ in _subjects(text, ("800元", "money"), ("1500元", "money"))] == ["补助标准", "补助标准"]
    # figures that are not one enumeration keep their own subjects
    text = "慰问金800元，另送价值200元的慰问品。"
    assert [s for s, _ in _subjects(text, ("800元", "money"), ("200元", "money"))] == ["慰问金", "慰问品"]


def test_a_clause_of_change_gives_both_values_its_opening_phrase() -> None:
    figs = {"女职工比重由38.5%提高到41.2%。": (("38.5%", "percent"), ("41.2%", "percent")),
            "会员企业由120家增加到156家。": (("120家", "organizations"), ("156家", "organizations")),
            "工会经费收入从3.2万元增加到4.5万元。": (("3.2万元", "money"), ("4.5万元", "money")),
            "职工书屋藏书从8000多册增加到1.2万册。": (("8000多册", "count"), ("1.2万册", "count"))}
    expected = ["女职工比重", "会员企业", "工会经费收入", "职工书屋藏书"]
    for (text, pair), subject in zip(figs.items(), expected, strict=True):
        assert [s for s, _ in _subjects(text, *pair)] == [subject, subject], text
    # verbs of change and "kept at" are not nouns of the phrase
    assert _subjects("会员人数稳定在1200人以上。", ("1200人以上", "people")) == [("会员人数", None)]
    assert _subjects("青年职工比例上升到42%。", ("42%", "percent")) == [("青年职工比例", None)]
    assert _subjects("职工满意率保持在96%以上。", ("96%以上", "percent")) == [("职工满意率", None)]
    assert _subjects("职工工资平均上涨6%。", ("6%", "percent"))[0][0] == "职工工资"
    # two counts of one clause that is no change keep their own subjects
    text = "表彰先进集体12个、先进个人36名。"
    assert [s for s, _ in _subjects(text, ("12个", "organizations"), ("36名", "people"))] == ["先进集体", "先进个人"]


def test_a_share_measures_the_part_not_the_whole() -> None:
    assert _subjects("全厂农民工占职工总数的六成左右。", ("六成左右", "percent")) == [("农民工", None)]
    assert _subjects("一线员工约占职工总数的80%。", ("80%", "percent")) == [("一线员工", None)]
    # the part stands in an earlier clause: this one names nothing
    text = "女职工1560人，占全厂员工总数的65.5%。"
    assert [s for s, _ in _subjects(text, ("1560人", "people"), ("65.5%", "percent"))] == ["女职工", None]


def test_a_verb_of_the_list_is_never_the_subject() -> None:
    # verbs the word list did not know were read as nouns (办结, 晋升, 送出)
    assert _subjects("受理来信14件，目前已办结13件。", ("14件", "count"), ("13件", "count"))[1] == (None, None)
    assert _subjects("全年有12人晋升了技能等级。", ("12人", "people")) == [(None, None)]
    assert _subjects("全年送出生日蛋糕券58份。", ("58份", "count")) == [("生日蛋糕券", None)]


def test_the_clause_ends_the_search() -> None:
    # the phrase of the previous clause is not borrowed across a comma
    assert _subjects("安排困难职工疗养，共计42人。", ("42人", "people")) == [(None, None)]


def test_a_user_word_list_changes_the_cut() -> None:
    base = LexiconTagger()
    assert choose_subject("集中发放", "", "money", base).text is None
    words = Lexicon("mine", "", ("word", "tag"), (("集中发放", "v"),))
    own = LexiconTagger(words=words)
    assert [t.word for t in own.tag("集中发放年货")] == ["集中发放", "年", "货"]


@pytest.mark.parametrize(("subject", "before", "expected"), [
    ("慰问金", "春节期间发放慰问金", "union"),
    ("会费", "上半年收缴会费", "union"),
    ("捐款", "组织职工捐款", "union"),
    ("互助保险保费", "为会员缴纳互助保险保费", "union"),
    ("营业收入", "全年实现营业收入", "business"),
    ("款", "新增个人贷款", "business"),                     # a fragment: the clause decides
    ("存款余额", "支行各项存款余额达到", "business"),
    ("施工产值", "完成施工产值", "business"),
    ("成本", "每年可节约成本", "business"),
    ("夜班津贴", "夜班津贴由每班", "pay"),
    (None, "帮助农民工追回工资", "pay"),
    ("人均收入", "职工人均收入", "pay"),
    ("门票", "购买门票", "other"),
])
def test_money_type(subject: str | None, before: str, expected: str) -> None:
    assert money_type(subject, before=before) == expected


def test_money_type_subject_decides_before_the_clause() -> None:
    # the clause names a loan, but the figure pays condolence money
    assert money_type("慰问金", before="为贷款困难户送去慰问金") == "union"
    # with no cue before, the words after the unit decide (给予600元奖励)
    assert money_type(None, before="给予", after="奖励") == "union"


def test_money_types_lexicon_is_checked() -> None:
    assert set(MONEY_TYPES) == {"union", "pay", "business", "other"}
    bad = Lexicon("bad", "", ("word", "money_type", "priority"), (("利润", "profit", "1"),))
    with pytest.raises(ValueError, match="unknown types"):
        MoneyTyper(cues=bad)


def test_cached_decisions_keep_each_clause_lead() -> None:
    # both second figures read "调整为" before them and nothing after: the decision without
    # the lead (none) is shared, each lead is read on its own
    from summarylens import phrases
    from summarylens.figures import find_figures

    texts = ["夜班津贴由每班15元调整为20元。", "午餐补贴由每人10元调整为20元。", "调整为20元。"]
    spans = {t: [SimpleNamespace(start=f.start, end=f.end, kind=f.kind) for f in find_figures(t)[0]]
             for t in texts}
    phrases._CHOSEN.clear()
    warm = [[s.text for s in phrases.figure_subjects(t, spans[t])] for t in texts]
    fresh = []
    for t in texts:
        phrases._CHOSEN.clear()
        fresh.append([s.text for s in phrases.figure_subjects(t, spans[t])])
    assert warm == fresh == [["夜班津贴", "夜班津贴"], ["午餐补贴", "午餐补贴"], [None]]
    phrases._CHOSEN.clear()
    assert phrases.choose_subject("调整为", "", "money", lead="夜班津贴由每班15元").text == "夜班津贴"
    assert phrases.choose_subject("调整为", "", "money").text is None
