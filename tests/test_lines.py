"""Paragraphs as the author wrote them: hard wraps joined, runs of spaces split, page cuts mended."""

from __future__ import annotations

import pytest

from summarylens.segmentation import segment_text
from summarylens.split import iter_blocks


def _blocks(text: str) -> list[str]:
    return [b.stripped for b in iter_blocks(text)]


def _rows(text: str) -> list[tuple[str, str]]:
    rows = segment_text(text)
    for p in rows:
        assert text[p.start:p.end] == p.text
    return [(p.kind, p.text) for p in rows]


def test_a_hard_wrapped_paragraph_is_one_row_with_exact_offsets():
    text = "二、送温暖\n春节前，镇工会走访了辖区\n内的八家企业，慰问一线职\n工120人。\n下一段另起一行。"
    rows = _rows(text)
    assert rows == [
        ("heading", "二、送温暖"),
        ("body", "春节前，镇工会走访了辖区\n内的八家企业，慰问一线职\n工120人。"),
        ("body", "下一段另起一行。"),
    ]


def test_a_run_in_numbered_line_that_wraps_joins_its_next_line():
    text = "2、开展培训。5月8日，组织班组长\n参加\n安全知识讲座，共60人参加。"
    assert _blocks(text) == [text]
    assert _rows(text)[0] == ("heading", "2、开展培训。")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("一、基层组织建设", "今年新建工会五家。"),                 # a heading ends its line
        ("（二）职工文化活动", "举办了篮球赛。"),
        ("下半年工作打算", "继续做好帮扶工作。"),                   # an unnumbered heading
        ("某区总工会2031年上半年工作总结", "今年以来，区总工会……。"),  # a title
        ("我们做了三件事：", "一是建家。"),                         # a sentence end (colon)
        ("今年做了很多事，", "1、帮扶困难职工。"),                  # the next line opens a heading
        ("慰问困难职工12户", "发布日期：2031-02-03"),               # the next line is chrome
        ("某某公司工会", "2031年7月1日"),                           # a signature
        ("……落实到位。 3、加强安全生产监督", "各车间开展隐患排查。"),  # a heading run on after a sentence
    ],
)
def test_lines_that_end_or_open_a_paragraph_are_not_joined(first, second):
    assert _blocks(f"{first}\n{second}") == [first, second]


def test_a_blank_line_ends_a_paragraph():
    assert _blocks("工会组织职工\n\n开展了义诊") == ["工会组织职工", "开展了义诊"]


def test_runs_of_spaces_split_paragraphs_a_conversion_ran_together():
    text = "各位代表：   现在我代表工会委员会作报告。   一、过去一年的工作   一年来，工会 围绕中心开展工作。"
    rows = _rows(text)
    assert [kind for kind, _ in rows] == ["body", "body", "heading", "body"]
    assert rows[0][1] == "各位代表："            # a salutation, not a heading
    assert rows[3][1] == "一年来，工会 围绕中心开展工作。"   # one space is no paragraph break


def test_a_page_number_that_cut_a_word_is_joined_back():
    page1 = "1、镇工会全年开展各类活动，" + "帮助职工解决了许多实际困难，" * 4 + "对特困职工家庭进行了入户走"
    page2 = "2、访，送去慰问金八千元。组织职工参加技能比武，" + "取得了好成绩，" * 6 + "全年开展卫生清扫活"
    page3 = "3、动。组织职工清理河道两次。"
    text = "\n".join([page1, page2, page3])
    assert _blocks(text) == [text]
    assert not any(kind == "heading" and body.startswith(("2、", "3、")) for kind, body in _rows(text))


def test_a_short_numbered_list_is_not_taken_for_page_numbers():
    text = "1、组织建设\n2、职工之家建设\n3、帮扶工作"
    assert _blocks(text) == ["1、组织建设", "2、职工之家建设", "3、帮扶工作"]


@pytest.mark.parametrize(
    "line",
    ["现将上半年工作汇报如下：", "下面我从四个方面进行汇报：", "各位委员：", "尊敬的各位领导："],
)
def test_a_lead_in_is_never_a_heading(line):
    assert _rows(f"{line}\n一、强化服务\n全年服务职工800人次。")[0] == ("body", line)


def test_chrome_glued_to_a_line_start_is_a_noise_row():
    text = "下载后可任意编辑某区工会全年工作总结2031年，区工会围绕中心工作开展活动。\n一、建家\n新建职工之家3个。"
    rows = _rows(text)
    assert rows[0] == ("noise", "下载后可任意编辑")
    assert rows[1] == ("title", "某区工会全年工作总结")
    assert rows[2] == ("body", "2031年，区工会围绕中心工作开展活动。")


def test_a_title_run_into_the_first_sentence_is_cut_off_it():
    text = "镇机关工会2031年工作总结及来年打算2031年，镇机关工会在镇党委领导下做了以下工作。一、抓学习。组织学习12次。"
    rows = _rows(text)
    assert rows[0] == ("title", "镇机关工会2031年工作总结及来年打算")
    assert rows[1][0] == "body" and rows[1][1].startswith("2031年，")
    assert ("heading", "一、抓学习。") in rows


@pytest.mark.parametrize("line", ["（四）3月12日，工会组织会员植树80棵。", "（五）9月1日", "2、5月20日组织青年联谊。"])
def test_a_numbered_line_that_reports_a_dated_event_is_a_body_item(line):
    assert _rows(f"一、活动\n{line}\n二、其他\n无。")[1] == ("body", line)


def test_numbered_sentences_that_head_nothing_are_items():
    text = "二、存在的问题\n1、对青年职工的吸引力不强。\n2、经费使用还不够规范。\n3、宣传阵地有待完善。"
    assert [kind for kind, _ in _rows(text)] == ["heading", "body", "body", "body"]


def test_one_numbered_sentence_with_nothing_under_it_keeps_its_heading():
    text = "三、文体\n1、举办球赛。\n参加职工60人。\n2、发放健身器材。\n四、其他\n无。"
    assert ("heading", "2、发放健身器材。") in _rows(text)


def test_a_numbered_clause_cut_off_at_the_end_of_a_page_is_a_body_item():
    text = "一、学习\n1、抓理论学习。\n全年学习12次。\n2、为加强机关建设，建立了周五学习制度，按照"
    assert _rows(text)[-1] == ("body", "2、为加强机关建设，建立了周五学习制度，按照")


def test_a_title_broken_over_two_lines_is_one_title():
    text = "某县总工会2031\n年度工作总结\n2031年，县总工会团结全县职工做了大量工作。"
    assert _blocks(text)[0] == "某县总工会2031\n年度工作总结"
    assert _rows(text)[0] == ("title", "某县总工会2031\n年度工作总结")


def test_a_page_footer_inside_a_sentence_is_stepped_over():
    text = "金秋助学资助职工子女50名，全年为40多名\n— 2 —\n困难职工申请了救助。\n三、其他"
    blocks = list(iter_blocks(text))
    assert [b.stripped for b in blocks] == [text[:text.index("\n三")], "三、其他"]
    assert text[blocks[0].start:blocks[0].end] == blocks[0].text
    # after a sentence end the footer is a line of its own, and chrome
    text = "全年救助困难职工40名。\n— 3 —\n三、其他"
    rows = _rows(text)
    assert rows[1] == ("noise", "— 3 —")


def test_a_headline_is_not_joined_to_the_first_sentence():
    text = "某厂工会开展“送清凉”活动\n入夏以来，厂工会为一线职工送去防暑用品，共慰问职工300人。"
    assert len(_blocks(text)) == 2


def test_a_space_beside_a_digit_ends_no_run_in_heading():
    assert _rows("五、2032 年工作打算\n继续做好帮扶。")[0] == ("heading", "五、2032 年工作打算")


def test_a_section_heading_run_into_its_first_subsection_is_cut():
    text = "一、主要工作（一）抓好职工教育。全年办班6期。（二）做好帮扶。慰问职工20户。"
    rows = _rows(text)
    assert rows[0] == ("heading", "一、主要工作")
    assert rows[1] == ("heading", "（一）抓好职工教育。")
    # a subsection marker after punctuation or inside prose is left to the other rules
    assert _rows("一、主要工作：（一）抓好学习。")[0][1].startswith("一、主要工作")
