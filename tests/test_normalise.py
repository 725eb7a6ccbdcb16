"""The normalised view: what it changes, what it leaves, and offsets back to the original."""

from __future__ import annotations

from _pipeline_checks import check_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarylens.normalise import View, fold, to_simplified, view
from summarylens.pipeline import process_text


def test_traditional_becomes_simplified_character_for_character():
    text = "鎮總工會慰問困難職工12戶，發放慰問金3萬元，組建工會28個。"
    converted = to_simplified(text)
    assert converted == "镇总工会慰问困难职工12户，发放慰问金3万元，组建工会28个。"
    assert len(converted) == len(text)


def test_simplified_text_is_left_alone():
    text = "机械厂工会2023年上半年工作总结\n一、送温暖。慰问困难职工12户。"
    v = view(text)
    assert v.text == text and v.kept is None


def test_phrases_keep_their_sense():
    # 乾 alone is 干; in the name of an emperor it stays, as OpenCC's phrase table says
    assert to_simplified("乾隆時期的碑刻乾淨") == "乾隆时期的碑刻干净"


def test_punctuation_folds_to_full_width_but_numbers_keep_their_separators():
    assert fold("一年来,工会(共3,500元)做了三件事:一是;二是!") == "一年来，工会（共3,500元）做了三件事：一是；二是！"
    assert fold("会议10:30开始,到会１２０人") == "会议10:30开始，到会120人"


def test_space_between_number_and_unit_is_left_out():
    v = view("今年组织30 多名职工参加，2021 年共发放5 篇通报")
    assert v.text == "今年组织30多名职工参加，2021年共发放5篇通报"


def test_space_before_a_field_is_kept():
    # "4:39 网站" on a page line: a time, then another field of the line
    assert view("发布时间 2021-04-17 14:39 网站：本站").text == "发布时间 2021-04-17 14:39 网站：本站"


def _wrapped(width: int, text: str) -> str:
    return " ".join(text[i:i + width] for i in range(0, len(text), width))


def test_spaces_of_a_hard_wrapped_line_are_left_out():
    body = ("今年以来镇工会围绕中心服务大局认真履行维护职能积极开展建家活动为全镇职工办实事解难事"
            "先后慰问困难职工和一线职工并组织开展技能竞赛和文体活动受到职工群众的普遍欢迎和好评")
    line = _wrapped(20, body)
    assert line.count(" ") >= 4
    assert view(line).text == body


def test_a_single_space_between_a_title_and_its_text_is_kept():
    text = "某局工会工作总结范文 上半年，市局工会认真履行职能。"
    assert view(text).text == text


def test_pinyin_gloss_is_left_out():
    v = view("研究經(jīng)驗，發(fā)現(xiàn)規(guī)律")
    assert v.text == "研究经验，发现规律"
    s, e = v.span(2, 4)
    assert v.original[s:e] == "經(jīng)驗"


def test_span_and_cover_map_back():
    v = view("慰问30 多名职工")
    assert v.text == "慰问30多名职工"
    assert v.original[slice(*v.span(2, 6))] == "30 多名"
    assert v.span(4, 4) == (v.start(4), v.start(4))
    assert v.cover(0, 4) == (0, 5) and v.cover(4, len(v.text)) == (5, len(v.original))  # the space goes first


# ---------------------------------------------------------------------------
# Through the pipeline: rows read on the view, offsets and words of the original
# ---------------------------------------------------------------------------

def test_traditional_page_gives_the_figures_and_topics_of_simplified():
    traditional = ("寮步鎮總工會2021年工作總結\n一、幫扶困難職工\n春節期間慰問困難職工家庭24戶，"
                   "發放慰問金3.6萬元，走訪企業12個。\n二、開展文體活動\n舉辦職工籃球比賽，參賽隊伍16支。")
    simplified = to_simplified(traditional)
    (trad_doc,) = process_text(traditional, "t.txt")
    (simp_doc,) = process_text(simplified, "s.txt")
    assert [(f.value, f.kind, f.unit) for f in trad_doc.figures] == [
        (f.value, f.kind, f.unit) for f in simp_doc.figures]
    assert [p.topic for p in trad_doc.paragraphs] == [p.topic for p in simp_doc.paragraphs]
    assert [f.raw for f in trad_doc.figures][:2] == ["24戶", "3.6萬元"]
    assert trad_doc.paragraphs[2].heading_path == "一、幫扶困難職工"
    assert trad_doc.title == "寮步鎮總工會2021年工作總結"
    assert trad_doc.org == "寮步镇总工会" and trad_doc.year == 2021


def test_number_spaced_from_its_unit_is_a_figure_with_its_space():
    (doc,) = process_text("一、帮扶\n春节前组织30 多名职工走访慰问，发放慰问金5 万元。", "a.txt")
    assert [(f.raw, f.value) for f in doc.figures] == [("30 多名", 30.0), ("5 万元", 50000.0)]


def test_year_spaced_from_its_character_is_read():
    (doc,) = process_text("镇工会2021 年上半年工作总结\n今年以来，镇工会做了三件事。", "a.txt")
    assert doc.year == 2021 and doc.period == "上半年"


_VIEW_PIECES = st.sampled_from([
    "工會", "萬元", "個", "戶", "總結", "經(jīng)驗", "乾隆", "30 多名", "2021 年", "镇工 会", " ", "  ",
    "\u3000", "\u00a0", "\n", ",", ":", ";", "(", ")", "!", "?", "，", "（1）", "3,500", "10:30", "１２",
    "慰問困難職工12戶", "一、", "篇二：", "第1篇", "共计216人，其中在职129人，退休87人", "學習 了總工會",
    "今年以来镇工会围绕中心服务大局", "认真履行维护职能", "ā", "（y", "）",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(_VIEW_PIECES, max_size=80).map("".join)))
def test_view_maps_every_character_back(text):
    v = view(text)
    assert isinstance(v, View) and v.original == text
    if v.kept is None:
        assert len(v.text) == len(text)
        return
    assert len(v.kept) == len(v.text)
    assert all(a < b for a, b in zip(v.kept, v.kept[1:], strict=False))
    assert all(0 <= i < len(text) for i in v.kept)
    # what the view leaves out is white space or a pinyin gloss
    left_out = set(range(len(text))) - {int(i) for i in v.kept}
    assert all(text[i].isspace() or text[i] in "()（）" or text[i].isascii() or text[i] in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
               for i in left_out)
    for s in range(len(v.text) + 1):
        a, b = v.span(s, len(v.text))
        assert 0 <= a <= b <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_VIEW_PIECES, max_size=80).map("".join))
def test_rows_keep_original_offsets_and_words(text):
    check_pipeline(text)


def test_figure_sentence_is_the_original_sentence():
    text = "一、帮扶\n今年,慰问困難職工12戶(共3萬元)。"
    (doc,) = process_text(text, "a.txt")
    assert {f.sentence for f in doc.figures} == {"今年,慰问困難職工12戶(共3萬元)。"}
    assert {f.subject for f in doc.figures} >= {"困难职工"}


def test_traditional_gate_lexicon_agrees_with_opencc():
    import opencc

    from summarylens import lexicons

    lex = lexicons.load("traditional_gate")
    converter = opencc.OpenCC("t2s")
    assert len(lex.words) > 50
    for traditional, simplified in zip(lex.words, lex.column("simplified"), strict=True):
        assert traditional != simplified and converter.convert(traditional) == simplified


def test_a_stray_traditional_character_in_simplified_text_is_left():
    text = "乾隆年间的碑刻。工会慰问职工12户。"
    assert to_simplified(text) == text


def test_rows_mapped_back_keep_every_other_field():
    from summarylens.normalise import original_figures, original_paragraphs
    from summarylens.records import Figure, Paragraph

    v = view("慰問30 多名職工，每人發放200元")
    p = Paragraph(para_id=3, kind="body", level=None, heading_path="", start=0, end=len(v.text), text=v.text,
                  role="work", topic="welfare", topic_score=0.9, repeated=True)
    (back,) = original_paragraphs(v, [p])
    assert back.text == v.original and (back.role, back.topic, back.topic_score, back.repeated) == (
        "work", "welfare", 0.9, True)
    at = v.text.index("200元")
    f = Figure(raw="200元", start=at, end=at + 4, value=200.0, unit="元", kind="money", per="每人",
               money_type="union", para_id=3, fig_id=0, topic="welfare", sentence=v.text)
    (fig,) = original_figures(v, [f])
    assert (fig.raw, fig.per, fig.money_type, fig.sentence) == ("200元", "每人", "union", v.original)
    assert v.original[fig.start:fig.end] == "200元"


def test_rows_mapped_back_keep_every_field_they_do_not_move():
    """Every field but the moved ones comes back as it was, for any field a record has
    (a field added to Paragraph or Figure must be carried by the mapping back too)."""
    from dataclasses import fields

    from summarylens.normalise import original_figures, original_paragraphs
    from summarylens.records import Figure, Paragraph

    v = view("工会 2021 年慰問職工，每人發放 200 元")
    at = v.text.index("200元")
    given = {"Paragraph": Paragraph(para_id=7, kind="heading", level=2, heading_path="一、帮扶", start=0,
                                    end=len(v.text), text=v.text, role="work", topic="welfare",
                                    topic_score=0.25, repeated=True),
             "Figure": Figure(raw="200元", start=at, end=at + 4, value=200.0, unit="元", kind="money",
                              qualifier="over", masked=True, subject="慰问金", sentence=v.text, para_id=7,
                              fig_id=3, topic="welfare", per="每人", money_type="union")}
    (paragraph,) = original_paragraphs(v, [given["Paragraph"]])
    (figure,) = original_figures(v, [given["Figure"]])
    moved = {"start", "end", "text", "raw", "sentence", "heading_path"}
    for back in (paragraph, figure):
        before = given[type(back).__name__]
        assert back.start != before.start or back.end != before.end      # the view dropped spaces
        for field in fields(before):
            if field.name not in moved:
                assert getattr(back, field.name) == getattr(before, field.name), field.name
                assert getattr(back, field.name) != field.default, field.name  # a value set on purpose
    assert (paragraph.text, figure.raw, figure.sentence) == (v.original, "200 元", v.original)
