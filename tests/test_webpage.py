"""Saved web pages: the declared charset, the main text, and what happens without the extra."""

from __future__ import annotations

import builtins

import pytest

from summarylens.webpage import MissingExtra, declared_charset, decode_html, html_text

_BODY = """<div class="nav"><a href="/">首页</a> &gt; <a href="/zj/">总结</a></div>
<div class="article"><h1>东岭镇工会2023年工作总结</h1>
<p class="info">发布日期：2024-01-05 来源：本站</p>
<p>今年以来，东岭镇工会在镇党委的领导下，认真履行各项职能，工作取得新的进展。</p>
<p>一、加强组织建设</p>
<p>全年新建企业工会12家，发展会员860人，全镇会员总数达到5600人。</p>
<p>二、做好帮扶工作</p>
<p>春节期间走访慰问困难职工48户，发放慰问金9.6万元，帮助两名职工子女入学。</p>
</div>
<div class="footer">版权所有 某某范文网</div>"""


def _page(head: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>东岭镇工会2023年工作总结_某某范文网</title>" \
           f"<script>var x = 1;</script></head><body>{_BODY}</body></html>"


@pytest.mark.parametrize(("head", "codec"), [
    ('<meta charset="utf-8">', "utf-8"),
    ('<meta charset=GBK>', "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
    ("<meta content='text/html;charset=big5' http-equiv='content-type'>", "big5hkscs"),
])
def test_declared_charset(head, codec):
    assert declared_charset(_page(head).encode("utf-8")) == codec


def test_xml_declaration_and_no_declaration():
    assert declared_charset(b'<?xml version="1.0" encoding="GB18030"?><html></html>') == "gb18030"
    assert declared_charset(b"<html><head><title>x</title></head></html>") is None
    assert declared_charset(b'<meta charset="no-such-codec">') is None


def test_page_is_decoded_with_its_charset():
    page = _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    markup, codec = decode_html(page.encode("gb18030"))
    assert codec == "gb18030" and "东岭镇工会" in markup


def test_a_wrong_declaration_falls_back_to_what_the_bytes_are():
    page = _page('<meta charset="gbk">')                  # says GBK, saved as UTF-8
    markup, codec = decode_html(page.encode("utf-8"))
    assert codec == "utf-8" and markup == page


def test_bom_wins_over_the_declaration():
    page = _page('<meta charset="gbk">')
    assert decode_html(b"\xef\xbb\xbf" + page.encode("utf-8")) == (page, "utf-8-sig")


def test_main_text_keeps_the_report_and_its_title_and_drops_scripts_and_navigation():
    pytest.importorskip("trafilatura")
    text = html_text(_page('<meta charset="utf-8">'))
    lines = text.split("\n")
    assert lines[0] == "东岭镇工会2023年工作总结"
    assert "一、加强组织建设" in lines
    assert any("9.6万元" in line for line in lines)
    assert "var x" not in text and "首页" not in text


def test_a_page_without_text_gives_nothing():
    pytest.importorskip("trafilatura")
    assert html_text("<html><head><title></title></head><body></body></html>") == ""


def test_without_the_extra_the_message_names_the_install_command(monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(MissingExtra, match=r"pip install 'summarylens\[html\]'"):
        html_text(_page(""))


def test_a_saved_page_in_a_corpus_is_read_as_a_report(tmp_path):
    pytest.importorskip("trafilatura")
    import summarylens as sl

    page = _page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    (tmp_path / "东岭.htm").write_bytes(page.encode("gbk"))
    corpus = sl.read_corpus(tmp_path)
    assert corpus.files[["status", "encoding"]].values.tolist() == [["read", "html"]]
    (doc,) = corpus.documents.itertuples()
    assert doc.org == "东岭镇工会" and doc.year == 2023
    figures = corpus.figures
    assert {"12家", "860人", "48户", "9.6万元"} <= set(figures["raw"])
    for f in figures.itertuples():
        assert doc.text[f.start:f.end] == f.raw
