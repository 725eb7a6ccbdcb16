"""Every shipped word list is a data file with a header, read by one loader."""

from __future__ import annotations

import pytest

from summarylens import lexicons
from summarylens.lexicons import Lexicon, read_lexicon


def test_format_header_columns_and_rows():
    text = "# t — 测试\n# made by hand\n# columns: word\tfreq\n职工之家\t500\n\n困难职工\n职工之家\t9\n"
    lex = Lexicon.from_text("t", text)
    assert lex.header == "t — 测试\nmade by hand"
    assert lex.words == ("职工之家", "困难职工")  # the later duplicate is dropped
    assert lex.column("freq") == ("500", "")
    assert "困难职工" in lex and "会员" not in lex
    with pytest.raises(KeyError, match="no column"):
        lex.column("pos")


def test_too_many_cells_names_the_line():
    with pytest.raises(ValueError, match="line 2"):
        Lexicon.from_text("t", "# t\n慰问\t1\n")


def test_extension_keeps_the_shipped_meaning():
    lex = Lexicon.from_text("t", "# columns: word\ttopic\n慰问\twelfare\n")
    more = lex.extended([("慰问", "culture"), ("金秋助学", "welfare")])
    assert more.rows == (("慰问", "welfare"), ("金秋助学", "welfare"))
    assert lex.groups("topic") == {"welfare": ("慰问",)}


def test_user_file_with_bom(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("\ufeff# my words\n新就业形态劳动者\n", encoding="utf-8")
    assert read_lexicon(path).words == ("新就业形态劳动者",)


@pytest.mark.parametrize("name", lexicons.available())
def test_every_shipped_lexicon_says_what_it_is(name):
    lex = lexicons.load(name)
    assert lexicons.load(name) is lex  # read once
    assert len(lex.header.splitlines()) >= 2, f"{name}: the header says what the list is and where it came from"
    assert len(lex) > 0


def test_unknown_name_lists_the_shipped_ones():
    with pytest.raises(KeyError, match="no lexicon named"):
        lexicons.load("no_such_list")
