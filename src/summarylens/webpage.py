"""Saved web pages (``.html``/``.htm``): the charset they declare and their main text.

Crawler output and pages saved from a browser hold the report inside navigation, ads and
scripts. The main text is extracted with trafilatura (the ``summarylens[html]`` extra);
what page chrome it leaves (a 发布日期 line, a share row) is handled by the stages like
chrome in any text file. The bytes are decoded with the charset the page declares
(``<meta charset="gbk">``, ``<meta http-equiv="Content-Type" content="…charset=gb2312">``,
an XML declaration); a page that declares none, or declares one its bytes do not follow,
is decoded like a text file (UTF-8, then GB18030).

Example::

    >>> declared_charset(b'<html><head><meta charset="GB2312"><title>x</title>')
    'gb18030'
    >>> decode_html('<meta charset="gbk"><p>工会</p>'.encode("gbk"))
    ('<meta charset="gbk"><p>工会</p>', 'gb18030')
"""

from __future__ import annotations

import codecs
import re
from typing import Any

__all__ = ["HTML_SUFFIXES", "INSTALL_HINT", "MissingExtra", "declared_charset", "decode_html", "html_text"]

#: File suffixes read as web pages (needs the ``html`` extra).
HTML_SUFFIXES = frozenset({".html", ".htm"})
#: what to run to read web pages
INSTALL_HINT = "pip install 'summarylens[html]'"

#: how far into a page its charset declaration is looked for (the HTML standard says 1024
#: bytes; saved pages often put a long comment or script first)
CHARSET_SCAN_BYTES = 8192

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)

#: declared names whose bytes a wider codec reads the same: pages labelled GB2312 or GBK
#: routinely hold characters only GB18030 has
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
          "gb_2312-80": "gb18030", "big5": "big5hkscs"}


class MissingExtra(Exception):
    """Reading web pages needs trafilatura: the message names the command that installs it."""


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares for itself, or None: ``<meta charset="gbk">`` → ``'gb18030'``."""
    match = _META_CHARSET.search(data, 0, CHARSET_SCAN_BYTES)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(_WIDER.get(name, name)).name
    except LookupError:
        return None
    return _WIDER.get(codec, codec)


def decode_html(data: bytes) -> tuple[str, str]:
    """``(markup, encoding)`` of a page's bytes: a BOM, then the declared charset, then UTF-8/GB18030.

    Raises :class:`UnicodeDecodeError` when none of them reads the bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    tried: list[str] = []
    candidates: tuple[str | None, ...] = (declared_charset(data), "utf-8", "gb18030")
    for codec in candidates:
        if codec is None or codec in tried:
            continue
        tried.append(codec)
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030"), "gb18030"    # raises, naming the first bad byte


def html_text(markup: str) -> str:
    """The main text of a page, one paragraph a line, its title first ("" when it holds none).

    trafilatura keeps the page's headline apart from the text (as metadata, with the site
    name cut off: "某镇工会2023年工作总结_范文网" → "某镇工会2023年工作总结"); it is put back
    as the first line, since the title is where a report names itself. Tables are kept
    (reports list figures in them); comments under articles are not. A page too short for
    the precise extraction is read again favouring recall.
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtra(f"a web page needs trafilatura: {INSTALL_HINT}") from exc
    text, title = "", ""
    for favor_recall in (False, True):
        extracted: Any = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=True, favor_recall=favor_recall,
            deduplicate=False, with_metadata=True)
        if hasattr(extracted, "as_dict"):       # a Document since trafilatura 2.0, a dict before
            extracted = extracted.as_dict()
        if extracted and extracted.get("text"):
            text, title = str(extracted["text"]).strip("\n"), str(extracted.get("title") or "").strip()
            break
    if not text:
        return ""
    if title and title not in text.split("\n", TITLE_LINES)[:TITLE_LINES]:
        text = f"{title}\n{text}"
    return text


#: the first lines of the extracted text, where a title trafilatura left in place stands
TITLE_LINES = 3
