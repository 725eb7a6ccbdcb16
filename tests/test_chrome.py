"""Page chrome: every kind of cue catches its lines and leaves report lines alone."""

from __future__ import annotations

import pytest

from summarylens.chrome import (
    ChromeCues,
    chrome_kind,
    chrome_prefix_end,
    closes_article,
    default_cues,
    is_chrome_line,
)
from summarylens.lexicons import Lexicon, load
from summarylens.pipeline import process_text
from summarylens.segmentation import segment_text
from summarylens.split import split_documents


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # site and compilation titles
        ("机关工会年度工作总结精选8篇", "site_title"),
        ("企业工会上半年工作汇报合集3篇", "site_title"),
        ("车间工会工作总结(通用5篇)", "site_title"),
        ("社区工会全年工作总结 (12篇)", "site_title"),
        ("某某公司工会年终总结范文汇总七篇", "site_title"),
        ("学校工会工作报告 4 篇", "site_title"),
        ("2031年中学工会工作总结(实用)", "site_title"),
        # tables of contents
        ("目录", "toc"),
        ("相关推荐：", "toc"),
        # breadcrumbs and navigation
        ("当前位置：首页 > 范文 > 工作总结", "breadcrumb"),
        ("您的位置: 样板网 > 总结", "breadcrumb"),
        ("首页 > 公文 > 工会", "breadcrumb"),
        ("网站首页 学习资料 演讲稿 总结大全 |", "breadcrumb"),
        ("样板资料网", "breadcrumb"),
        ("今日天气 无障碍 长者模式", "breadcrumb"),
        # datelines and tool links
        ("发布日期：2031-05-06", "meta"),
        ("更新时间:2030-11-02 08:00:15", "meta"),
        ("时间：", "meta"),
        ("时间:2029-02-03 10:11:12 网站:样板资料网", "meta"),
        ("2030-04-05 17:08", "meta"),
        ("来源：某某县总工会", "meta"),
        ("字号：大 中 小", "meta"),
        ("字號:", "meta"),
        ("字体大小：", "meta"),
        ("浏览次数：312", "meta"),
        ("[保存] [打印] [关闭]", "meta"),
        ("打印本页 关闭窗口", "meta"),
        # document viewers
        ("乡镇工会总结9篇.docx_第4页", "viewer"),
        ("第4页 / 共11页", "viewer"),
        ("• 9页", "viewer"),
        ("• 27.30 KB", "viewer"),
        ("格式：DOCX 页数：11 大小：27KB", "viewer"),
        ("本文档由用户上传，平台整理发布。", "viewer"),
        ("4. 网站客服QQ：10000", "viewer"),
        ("亲，该文档总共11页，全部预览完了", "viewer"),
        ("资源描述", "viewer"),
        ("机关工会述职报告.pdf", "viewer"),
        # copyright and download
        ("版权所有 某某资料网", "copyright"),
        ("如有侵权请联系删除", "copyright"),
        ("付费之前请仔细阅读", "download"),
        ("点击下载本文", "download"),
        ("我要投稿", "download"),
        # share and complaint links
        ("下载 收藏 举报", "share"),
        ("分享到：微信 微博", "share"),
        # screen-resolution notes
        ("建议使用1280×800以上分辨率浏览", "resolution"),
        ("建议使用新版浏览器", "resolution"),
        # bylines
        ("拟稿人：李某 审核人：赵某", "byline"),
        ("责任编辑：钱某", "byline"),
        ("作者：孙某", "byline"),
        ("| 周某", "byline"),
        # blurbs
        ("下面是小编整理的几篇工会总结，供大家参考。", "blurb"),
        ("总结怎么写才好呢？我们一起来看一看吧。", "blurb"),
        ("【引导】好范文能省下写作时间。", "blurb"),
        ("摘要：年终总结要写得具体。", "blurb"),
        # credits
        ("文章来源：样板网", "credit"),
    ],
)
def test_chrome_kinds(line, kind):
    assert chrome_kind(line) == kind
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "今年共慰问困难职工36户，发放慰问金4.2万元。",
        "一、加强组织建设",
        "（三）维权保障",
        "1、发表论文12篇",
        "下半年工作打算",
        "时间紧、任务重，工会干部加班加点完成了换届。",
        "全年组织职工阅读好书120余篇，撰写心得5篇。",
        "某某公司工会",
        "2031年7月5日",
        "二〇三一年上半年工会工作总结",
        "积极参与企业民主管理，设立举报箱一个。",
        "来年将继续做好送温暖工作。",
        "工会下设宣传、组织、财务三个委员会。",
    ],
)
def test_report_lines_are_not_chrome(line):
    assert not is_chrome_line(line)


def test_prefix_chrome_is_cut_from_a_report_line():
    assert chrome_prefix_end("下载后可任意编辑镇工会全年工作总结") == len("下载后可任意编辑")
    assert chrome_prefix_end("第2页共5页街道工会总结") == len("第2页共5页")
    assert chrome_prefix_end("街道工会总结") == 0
    # a prefix cue that is the whole line makes the line chrome
    assert is_chrome_line("第 3 页 共 8 页")


def test_closing_kinds():
    assert closes_article("返回目录")
    assert closes_article("本文由样板网整理发布")
    assert not closes_article("发布日期：2031-05-06")
    assert not closes_article("第4页 / 共11页")


def test_lexicon_has_a_header_and_its_columns():
    lexicon = load("chrome")
    assert lexicon.columns == ("cue", "kind", "where", "gate")
    assert "chrome" in lexicon.header
    assert len(default_cues().rows) == len(lexicon)


def test_a_users_own_cues():
    text = "# my cues\n# columns: cue\tkind\twhere\tgate\n本页由某某提供\tcredit\tany\t本页\n"
    cues = ChromeCues.from_lexicon(Lexicon.from_text("mine", text))
    assert cues.kind("本页由某某提供") == "credit"
    assert cues.kind("发布日期：2031-05-06") is None
    extended = ChromeCues.from_lexicon(load("chrome").extended([("本页由.{0,8}提供", "credit", "any", "本页")]))
    assert extended.kind("本页由某某提供") == "credit"


def test_a_bad_lexicon_row_is_refused():
    text = "# columns: cue\tkind\twhere\tgate\n样板\tmeta\tsomewhere\t\n"
    with pytest.raises(ValueError, match="where"):
        ChromeCues.from_lexicon(Lexicon.from_text("bad", text))
    text = "# columns: cue\tkind\twhere\tgate\n样板\tmeta\tany\t\n"
    with pytest.raises(ValueError, match="gate"):
        ChromeCues.from_lexicon(Lexicon.from_text("bad", text))


BODY = "今年以来，工会组织职工开展了多项活动，慰问困难职工21户。"

VIEWER_PAGE = "\n".join([
    "机关工会工作总结4篇.docx",
    "上传人：某某 文档编号：1234 格式：DOCX 页数：9 大小：30KB",
    "下载 相关 举报",
    *[line for n in range(1, 6) for line in (f"机关工会工作总结4篇.docx_第{n}页", f"第{n}页 / 共9页")],
    "亲，该文档总共9页，全部预览完了，如果喜欢就下载吧！",
    "机关工会工作总结(4篇)",
    "市局机关工会2031年工作总结",
    BODY,
    "一、加强职工之家建设",
    BODY,
])


def test_a_viewer_page_is_one_document_and_its_lines_are_noise():
    docs = process_text(VIEWER_PAGE, "viewer.txt")
    assert len(docs) == 1
    rows = docs[0].paragraphs
    assert [p.text for p in rows if p.kind == "title"] == ["市局机关工会2031年工作总结"]
    assert not any("docx" in p.text or "共9页" in p.text for p in rows if p.kind != "noise")
    assert not any(f.start < docs[0].text.index("市局") for f in docs[0].figures)


COMPILATION_PAGE = "\n\n".join([
    "当前位置：首页 > 范文 > 工会工作总结",
    "工会年度工作总结精选2篇",
    "发布时间：2031-01-02 09:03:04 来源：样板资料网",
    "写总结的时候到了，下面是小编整理的工会年度工作总结，供大家参考。",
    "工会年度工作总结 篇1",
    BODY,
    "工会年度工作总结 篇2",
    BODY,
    "[打印] [关闭窗口]",
])


def test_a_compilation_page_gives_its_articles_only():
    spans = split_documents(COMPILATION_PAGE)
    assert len(spans) == 2
    first = segment_text(COMPILATION_PAGE[spans[0].start:spans[0].end])
    assert [p.text for p in first if p.kind == "title"] == ["工会年度工作总结 篇1"]
    assert [p.kind for p in first if p.kind != "noise"] == ["title", "body"]
    last = segment_text(COMPILATION_PAGE[spans[1].start:spans[1].end])
    assert last[-1].kind == "noise" and last[-1].text == "[打印] [关闭窗口]"


def test_a_dateline_after_an_article_head_starts_no_fragment():
    text = "\n".join(["镇工会：服务职工见实效", "发布日期：2031-03-04", BODY, BODY])
    assert len(split_documents(text)) == 1


def test_a_title_that_ends_the_file_opens_no_document():
    text = "\n".join(["甲厂工会2031年工作总结", BODY, "乙厂工会2031年工作总结"])
    assert len(split_documents(text)) == 1


def test_titles_listed_under_a_related_links_line_are_links():
    text = "\n".join(["甲厂工会2031年工作总结", BODY, "相关推荐", "乙厂工会2031年工作总结", "丙校工会工作汇报5篇"])
    assert len(split_documents(text)) == 1
    rows = segment_text(text)
    assert [p.kind for p in rows] == ["title", "body", "noise", "noise", "noise"]


def test_a_dateline_with_author_and_reads_is_chrome():
    assert chrome_kind("2031-06-30 08:15:02 | 作者：网友 | 阅读：1.2W") == "meta"
