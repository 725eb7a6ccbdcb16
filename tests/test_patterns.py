"""What the structure patterns must catch, and what they must not."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarylens.chrome import default_cues
from summarylens.patterns import (
    ARTICLE_MARKER,
    MASKED,
    MIDLINE_ITEM,
    NUMBERED_TITLE,
    SEPARATOR,
    SHI_ITEM,
)
from summarylens.segmentation import heading_level

NOISE_LINE = default_cues().any_pattern


@pytest.mark.parametrize(
    "line", ["第1篇：工会总结", "篇二：社区工会", "【篇三】银行工会", "范文2：", "范文二：", "【范文一】"]
)
def test_article_marker_catches(line):
    assert ARTICLE_MARKER.match(line)


@pytest.mark.parametrize(
    "line", ["二是加强职工之家建设", "第一，坚持政治引领", "一、开展主题教育", "篇幅所限，不再赘述", "第三届职代会"]
)
def test_article_marker_does_not_catch(line):
    assert not ARTICLE_MARKER.match(line)


@pytest.mark.parametrize("line", ["最新年上半年工会工作总结一", "企业工会下半年工作总结二", "学校工会工作总结（二）"])
def test_numbered_title_catches(line):
    assert NUMBERED_TITLE.match(line)


@pytest.mark.parametrize("line", ["2023年工会工作总结", "五、工作总结与体会", "我们认真总结了一年来的工作。"])
def test_numbered_title_does_not_catch(line):
    assert not NUMBERED_TITLE.match(line)


@pytest.mark.parametrize("line", ["精品合同推荐----", " 精品合同推荐----", "热门推荐------"])
def test_separator_catches(line):
    assert SEPARATOR.search(line)


@pytest.mark.parametrize("line", ["向市总推荐劳动模范3名", "推荐优秀提案两份——经审议通过"])
def test_separator_does_not_catch(line):
    assert not SEPARATOR.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "上半年工会工作总结(精选4篇)由整理。",
        "下面是小编为大家整理的工会总结，供大家参考。",
        "返回目录",
        "本文由范文网整理，仅供参考",
        "更多相关推荐：",
    ],
)
def test_noise_line_catches(line):
    assert NOISE_LINE.search(line)


@pytest.mark.parametrize(
    "line",
    ["由工会主席于秀芝主持出发仪式。", "向上级工会推荐先进个人3名。", "整理材料，申报先进单位。",
     "目录管理制度进一步完善。"],
)
def test_noise_line_does_not_catch(line):
    assert not NOISE_LINE.search(line)


@pytest.mark.parametrize(("line", "level"), [("一、", 1), ("（一）", 2), ("1、", 3), ("2.", 3), ("(1)", 4), ("①", 5)])
def test_heading_marker_catches(line, level):
    assert heading_level(line + "加强组织建设")[0] == level


@pytest.mark.parametrize("line", ["1.5万元", "3、5名", "10%以上", "一次性补助", "十佳文明职工", "2023年"])
def test_heading_marker_does_not_catch(line):
    assert heading_level(line) is None


def test_midline_item_needs_a_sentence_end_before_it():
    assert MIDLINE_ITEM.search("……手段。 2、发挥民主监督作用")
    assert not MIDLINE_ITEM.search("分别发放1000、500元")
    assert not MIDLINE_ITEM.search("共有3、5名同志")


def test_shi_item_needs_a_clause_boundary():
    assert SHI_ITEM.search("会议，一是传达文件")
    assert not SHI_ITEM.search("统一是前提")
    assert not SHI_ITEM.search("这不是一回事")


@pytest.mark.parametrize("text", ["202_年", "15xxxx", "10xxxx", "×××", "XX", "***理论", "38xxxx人"])
def test_masked_catches(text):
    assert MASKED.search(text)


@pytest.mark.parametrize("text", ["2023年", "卡拉OK", "1.5万元", "Excel", "xx"[:1]])
def test_masked_does_not_catch(text):
    assert not MASKED.search(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("工会委员年月日12一十〇X\n 。司")), max_size=14))
@example("工会\n")
@example("2023年12月28日")
@example("工会\n\n")
def test_is_signoff_is_a_search_for_a_signoff_line(text):
    from summarylens.patterns import SIGNOFF_LINE, is_signoff

    assert is_signoff(text) == bool(SIGNOFF_LINE.search(text))
