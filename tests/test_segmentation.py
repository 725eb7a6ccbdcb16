"""Segmenting a document: titles, heading levels, run-in headings, items, noise."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarylens.patterns import (
    HEADING_FIRST,
    HEADING_MARKERS,
    MIDLINE_GATE,
    MIDLINE_HEADING,
    MIDLINE_ITEM,
    MIDLINE_PARAGRAPH,
    SHI_GATE,
    SHI_ITEM,
)
from summarylens.segmentation import heading_level, segment_text


def _rows(text: str) -> list[tuple[str, int | None, str]]:
    return [(p.kind, p.level, p.text) for p in segment_text(text)]


def test_run_in_heading_is_split_from_its_body():
    text = "1、加强教师队伍建设，配合学校做好教学工作。学校工会引导教师参加读书活动。"
    assert _rows(text) == [
        ("heading", 3, "1、加强教师队伍建设，配合学校做好教学工作。"),
        ("body", None, "学校工会引导教师参加读书活动。"),
    ]


def test_run_in_heading_ending_in_a_space_gap():
    text = "3、开展多项活动，关心教职工生活 为庆祝三八妇女节，学校工会组织女教职员工踏青。"
    assert _rows(text)[0] == ("heading", 3, "3、开展多项活动，关心教职工生活")
    assert _rows(text)[1][0] == "body"


def test_enumeration_starting_mid_line_opens_a_new_heading():
    text = ("1、做好教学工作\n努力掌握现代化教育教学手段。 2、发挥民主监督作用，落实教职工民主权利\n"
            "以教代会为主要形式的民主监督。")
    rows = _rows(text)
    assert ("heading", 3, "2、发挥民主监督作用，落实教职工民主权利") in rows
    assert rows[1] == ("body", None, "努力掌握现代化教育教学手段。")


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、加强组织建设", 1),
        ("十二、其他工作", 1),
        ("（一）强化理论武装", 2),
        ("(二)强化理论武装", 2),
        ("1、开展劳动竞赛", 3),
        ("2.开展劳动竞赛", 3),
        ("3．开展劳动竞赛", 3),
        ("(1)开展劳动竞赛", 4),
        ("（2）开展劳动竞赛", 4),
        ("①开展劳动竞赛", 5),
        ("第一，坚持政治引领", 1),
    ],
)
def test_heading_levels_follow_the_marker_family(line, level):
    assert _rows(line) == [("heading", level, line)]


@pytest.mark.parametrize(
    "line",
    [
        "1.5万元慰问金已全部发放到位，受到职工好评。",
        "3、5名职工代表参加了座谈会，提出意见建议十余条。",
        "2023年，公司工会坚持以职工为中心，扎实推进各项工作，取得了较好成效。",
        "一是加强学习；二是强化服务。",
    ],
)
def test_numbers_that_are_not_list_markers_do_not_open_headings(line):
    assert all(kind == "body" for kind, _, _ in _rows(line))


def test_shi_items_inside_a_paragraph_become_separate_rows():
    text = "工会召开了会议，一是传达文件精神；二是部署宣传月活动；三是开展督促检查。"
    assert [t for _, _, t in _rows(text)] == [
        "工会召开了会议，", "一是传达文件精神；", "二是部署宣传月活动；", "三是开展督促检查。",
    ]


def test_words_ending_in_yi_shi_are_not_items():
    text = "统一是前提，二是我们的口号不是一回事。"
    assert len(_rows(text)) == 1


def test_heading_path_is_the_chain_of_enclosing_headings():
    text = "一、组织建设\n（一）建会入会\n1、新建工会\n今年新建工会3家。\n二、帮扶工作\n慰问困难职工12户。"
    paths = {p.text: p.heading_path for p in segment_text(text)}
    assert paths["今年新建工会3家。"] == "一、组织建设 > （一）建会入会 > 1、新建工会"
    assert paths["1、新建工会"] == "一、组织建设 > （一）建会入会"
    assert paths["慰问困难职工12户。"] == "二、帮扶工作"
    assert paths["一、组织建设"] == ""


def test_relative_first_second_headings_nest_under_the_section():
    text = "一、疫情防控\n第一，做好物资保障。\n发放口罩1000只。\n第二，开展一线慰问。\n慰问职工20人。\n二、劳动竞赛"
    rows = segment_text(text)
    levels = {p.text: p.level for p in rows if p.kind == "heading"}
    assert levels == {"一、疫情防控": 1, "第一，做好物资保障。": 2, "第二，开展一线慰问。": 2, "二、劳动竞赛": 1}
    assert rows[4].heading_path == "一、疫情防控 > 第二，开展一线慰问"


def test_long_numbered_sentence_is_a_body_item_under_its_parent():
    text = ("一、帮扶工作\n1、送温暖。慰问职工。\n"
            "2、根据上级工会关于组织劳模和先进工作者疗休养的安排意见，部署安排了各单位的疗休养工作。")
    last = segment_text(text)[-1]
    assert last.kind == "body"
    assert last.heading_path == "一、帮扶工作"


def test_head_lines_become_title_and_noise():
    text = ("上半年工会工作总结(精选4篇)由整理。\n第1篇：工会上半工作总结\n篇1：学校工会上半年工作总结\n"
            "上半年，学校工会深入学习贯彻会议精神。")
    assert [k for k, _, _ in _rows(text)] == ["noise", "noise", "title", "body"]


def test_blurb_and_inline_separator_are_noise():
    text = ("机关工会工作总结\n以下就是整理的工会工作总结范文，一起来看看吧!\n"
            "一、宣传月\n我们召开了庆祝大会，建功十一 精品合同推荐----\n了热线直播活动。")
    kinds = _rows(text)
    assert kinds[1][0] == "noise"
    assert ("noise", None, "精品合同推荐----") in kinds
    assert ("body", None, "我们召开了庆祝大会，建功十一") in kinds


def test_short_unnumbered_section_line_is_a_heading():
    text = "开展了热线直播活动，反响强烈。 下半年主要工作：\n1、继续推进文明创建。"
    rows = _rows(text)
    assert ("heading", 1, "下半年主要工作：") in rows


def test_signature_and_date_lines_are_body():
    text = "一、帮扶\n慰问职工12人。\n机械厂工会\n2023年7月5日"
    assert _rows(text)[-2:] == [("body", None, "机械厂工会"), ("body", None, "2023年7月5日")]


def test_indentation_and_blank_lines_are_trimmed():
    text = "\n\u3000\u3000今年新建工会3家。  \n\n"
    rows = segment_text(text)
    assert [(p.text, p.start) for p in rows] == [("今年新建工会3家。", 3)]


def test_empty_text_has_no_paragraphs():
    assert segment_text("") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_hold_for_arbitrary_text(text):
    for p in segment_text(text):
        assert text[p.start:p.end] == p.text
        assert p.text.strip() == p.text and p.text


_GENRE = st.lists(
    st.sampled_from([
        "一、", "（二）", "3、", "(4)", "①", "第一，", "一是", "二是", "。", "，", "；", " ", "\n", "\u3000",
        "工会", "慰问困难职工12户", "精品合同推荐----", "篇2：", "【篇三】", "总结一", "1.5万元",
        "下半年工作打算：", "202_年", "以下就是整理的", "２０２３年", "\r", "\t",
    ]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_GENRE)
def test_offsets_hold_for_genre_like_text(text):
    rows = segment_text(text)
    for p in rows:
        assert text[p.start:p.end] == p.text
    spans = [(p.start, p.end) for p in rows]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_white_space_after_a_sentence_end_is_a_lost_paragraph_break():
    text = "组织工会干部去井冈山参观学习。 在两年一度的表彰大会上，局工会被评为先进产业工会。"
    assert [t for _, _, t in _rows(text)] == [
        "组织工会干部去井冈山参观学习。", "在两年一度的表彰大会上，局工会被评为先进产业工会。",
    ]


def test_full_width_indent_inside_a_line_starts_a_paragraph():
    text = "\u3000\u3000上半年慰问职工20人。\u3000\u3000下半年将继续做好帮扶工作。"
    assert [t for _, _, t in _rows(text)] == ["上半年慰问职工20人。", "下半年将继续做好帮扶工作。"]


def test_inline_list_items_ending_in_semicolons_are_body_items():
    text = ("七、下半年工作计划\n"
            "下半年，院工会将重点做好以下工作：①筹备医师节活动；②开展心理关爱行动；③做好金秋助学工作。")
    rows = _rows(text)
    assert [k for k, _, _ in rows] == ["heading", "body", "body", "body", "body"]


def test_subtitle_stays_with_the_title():
    text = "机械厂工会2023年工作报告\n——在厂第三届职代会第二次会议上\n一、主要工作"
    assert _rows(text)[:2] == [
        ("title", None, "机械厂工会2023年工作报告"), ("title", None, "——在厂第三届职代会第二次会议上"),
    ]


def test_nesting_follows_the_document_not_a_fixed_order_of_styles():
    text = ("一、帮扶工作\n①送温暖\n(1)春节慰问\n慰问职工20人。\n(2)金秋助学\n资助学生8名。\n"
            "②医疗互助\n参保300人。\n二、文体")
    paths = {p.text: p.heading_path for p in segment_text(text)}
    assert paths["慰问职工20人。"] == "一、帮扶工作 > ①送温暖 > (1)春节慰问"
    assert paths["资助学生8名。"] == "一、帮扶工作 > ①送温暖 > (2)金秋助学"
    assert paths["参保300人。"] == "一、帮扶工作 > ②医疗互助"
    assert paths["二、文体"] == ""


# Gates (summarylens.segmentation): where the gate finds nothing the pattern must find nothing.
_GATE_PIECES = st.sampled_from([
    "。", "；", ";", "！", "？", "!", "?", "：", ":", " ", "\u3000", "\t", "一、", "2、", "3．", "12、",
    "（一）", "(2)", "①", "⑳", "一是", "二是", "十是", "三", "是", "，", "加强学习", "下半年主要工作：",
    "在", "“", "《", "1", "２",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=16).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("加强学习。 在工会", 0, 40)
@example("加强学习。\u30002、开展活动", 0, 40)
@example("加强学习。\t各项工作：", 0, 40)
@example("加强学习：⑳开展活动", 0, 40)
@example("加强学习；（一）开展活动", 0, 40)
@example("加强学习，一是读书，二是写作", 0, 40)
@example("加强学习，十是读书", 0, 40)
def test_segment_gates_pass_every_span_their_patterns_match(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    gate = MIDLINE_GATE.search(text, max(0, start - 1), end)
    for pattern in (MIDLINE_ITEM, MIDLINE_HEADING, MIDLINE_PARAGRAPH):
        for match in pattern.finditer(text, start, end):    # each starts after the gate's start
            assert gate is not None and match.start() > gate.start()
    if SHI_ITEM.search(text, start, end):
        assert SHI_GATE.search(text, start, end)
    marked = any(pattern.match(text[start:end]) for _level, pattern in HEADING_MARKERS)
    assert heading_level(text[start:end]) is None or marked
    if marked:
        assert text[start] in HEADING_FIRST


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=16).map("".join), st.integers(0, 40), st.integers(0, 40))
@example("加强学习。 2、开展活动。 在工会", 0, 40)
@example("。。 ：2、", 1, 40)
@example("加强学习。\t各项工作：", 5, 40)
def test_midline_patterns_tried_at_the_gates_find_what_a_scan_finds(text, a, b):
    from summarylens.segmentation import _midline_matches

    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    scanned = {m.end() for pattern in (MIDLINE_ITEM, MIDLINE_HEADING, MIDLINE_PARAGRAPH)
               for m in pattern.finditer(text, start, end) if m.end() > start}
    at_gates = {m.end() for gate in MIDLINE_GATE.finditer(text, max(0, start - 1), end)
                for m in _midline_matches(text, gate.start() + 1, end) if m.end() > start}
    assert at_gates == scanned
