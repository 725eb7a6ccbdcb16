"""Reading files: encodings, line ends, binary and empty files."""

from __future__ import annotations

import codecs

import pytest

import summarylens as sl
from summarylens.io import UnreadableFile, decode_bytes, iter_corpus_files, read_text, scan_corpus

TEXT = "机械厂工会2023年上半年工作总结\n一、送温暖。慰问困难职工１２户，发放慰问金2.6万元。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    text, found = read_text(path)
    assert text == TEXT
    assert found == encoding


def test_windows_and_mac_line_ends_become_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("一、甲\r\n二、乙\r三、丙".encode("gb18030"))
    assert read_text(path)[0] == "一、甲\n二、乙\n三、丙"


def test_bom_is_not_part_of_the_text():
    text, _ = decode_bytes(codecs.BOM_UTF8 + "总结".encode())
    assert text == "总结"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x81\x30\xff\xff\xfe" * 50,
    ],
)
def test_binary_and_undecodable_bytes_are_refused_with_a_reason(data):
    with pytest.raises(UnreadableFile) as excinfo:
        decode_bytes(data)
    assert str(excinfo.value)


def test_empty_file_is_empty_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_text(path) == ("", "empty")


def test_corpus_files_are_found_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "a.txt", "b/1.TXT", ".hidden.txt", "notes.md", ".git/x.txt", "c.pdf"):
        (tmp_path / name).write_text("工会", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_corpus_files(tmp_path)]
    # a hidden file is read (nothing vanishes); a hidden folder is not searched; a .pdf is
    # listed (it becomes a skipped row of the files table); other types are only counted
    assert found == [".hidden.txt", "a.txt", "b/1.TXT", "b/2.txt", "c.pdf"]
    scan = scan_corpus(tmp_path)
    assert scan.others == {".md": 1} and scan.hidden == 1


def test_read_corpus_skips_bad_files_and_keeps_the_rest(tmp_path):
    (tmp_path / "good_gb.txt").write_bytes(TEXT.encode("gb18030"))
    (tmp_path / "good_bom.txt").write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    (tmp_path / "good_utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    corpus = sl.read_corpus(tmp_path)
    assert [e.source for e in corpus.errors] == ["image.txt"]
    assert "binary" in corpus.errors[0].reason
    assert sorted(corpus.documents["source"]) == ["good_bom.txt", "good_gb.txt", "good_utf16.txt"]
    texts = set(corpus.documents["text"])
    assert texts == {TEXT}


def test_docx_is_read_when_python_docx_is_installed(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in TEXT.strip().split("\n"):
        document.add_paragraph(line)
    document.save(tmp_path / "report.docx")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    corpus = sl.read_corpus(tmp_path)
    assert corpus.documents["source"].tolist() == ["report.docx"]
    assert corpus.documents.loc[0, "title"] == "机械厂工会2023年上半年工作总结"
    assert [e.source for e in corpus.errors] == ["broken.docx"]


def test_control_characters_are_those_below_the_space_except_blanks():
    from summarylens.io import _CONTROL

    blanks = "\t\n\v\f\r"
    for ch in map(chr, range(0x110000)):
        assert bool(_CONTROL.fullmatch(ch)) == (ch < " " and ch not in blanks)
