"""Every input file accounted for: the files table, odd names, mixed encodings, per-file guard."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarylens as sl
from summarylens import pipeline
from summarylens.cli import main
from summarylens.io import UnreadableFile, decode_bytes, display_path, scan_corpus
from summarylens.reading import read_tables

REPORT = "机械厂工会2023年工作总结\n一、送温暖\n春节期间慰问困难职工24户，发放慰问金2.6万元。\n"


def _statuses(corpus: sl.Corpus) -> dict[str, tuple[str, str | None]]:
    files = corpus.files
    return {row.source: (row.status, None if pd.isna(row.encoding) else row.encoding)
            for row in files.itertuples()}


def test_every_file_gets_a_row_with_its_status(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(REPORT.encode("gbk"))
    (tmp_path / "blank.txt").write_text(" \n\u3000\n\t\n", encoding="utf-8")
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" * 10)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    corpus = sl.read_corpus(tmp_path)
    got = _statuses(corpus)
    assert got == {
        "blank.txt": ("empty", "utf-8"), "gb.txt": ("read", "gb18030"),
        "good.txt": ("read", "utf-8"), "image.txt": ("skipped", None),
        "old.doc": ("skipped", None), "scan.pdf": ("skipped", None), "zero.txt": ("empty", "empty"),
    }
    reasons = dict(zip(corpus.files["source"], corpus.files["reason"], strict=True))
    assert "byte 8" in reasons["image.txt"]  # where the first bad byte is
    assert ".docx" in reasons["old.doc"] and "text" in reasons["scan.pdf"]
    assert pd.isna(reasons["good.txt"])
    sizes = dict(zip(corpus.files["source"], corpus.files["bytes"], strict=True))
    assert sizes["gb.txt"] == len(REPORT.encode("gbk"))
    assert corpus.files.set_index("source").loc["good.txt", "n_documents"] == 1
    assert sorted(e.source for e in corpus.errors) == ["image.txt", "old.doc", "scan.pdf"]


def test_html_without_trafilatura_is_skipped_with_the_install_command(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name.split(".")[0] == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (tmp_path / "page.html").write_text("<html><body>工会</body></html>", encoding="utf-8")
    corpus = sl.read_corpus(tmp_path)
    assert corpus.files["status"].tolist() == ["skipped"]
    assert "pip install 'summarylens[html]'" in corpus.files["reason"][0]


def test_a_file_mixing_utf8_and_gbk_lines_is_read_line_by_line(tmp_path):
    lines = REPORT.strip().split("\n")
    data = (lines[0].encode("utf-8") + b"\n" + lines[1].encode("gbk") + b"\r\n" + lines[2].encode("utf-8"))
    assert decode_bytes(data) == ("\n".join([lines[0], lines[1] + "\r", lines[2]]), "mixed")
    (tmp_path / "mixed.txt").write_bytes(data)
    corpus = sl.read_corpus(tmp_path)
    assert _statuses(corpus) == {"mixed.txt": ("read", "mixed")}
    assert corpus.documents["text"][0] == "\n".join(lines)
    assert corpus.figures["raw"].tolist() == ["24户", "2.6万元"]


def test_undecodable_text_names_the_byte_offset():
    with pytest.raises(UnreadableFile, match="bad byte at 6"):
        decode_bytes("工会".encode() + b"\xff\xfe\xff" * 30)


def test_an_exception_in_one_file_marks_it_failed_and_the_run_goes_on(tmp_path, monkeypatch):
    real = pipeline.segment_text

    def fragile(text):
        if "爆炸" in text:
            raise RuntimeError("a stage broke on this text")
        return real(text)

    monkeypatch.setattr(pipeline, "segment_text", fragile)
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT + "爆炸\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(REPORT.replace("24", "25"), encoding="utf-8")
    corpus = sl.read_corpus(tmp_path)
    assert _statuses(corpus) == {"a.txt": ("read", "utf-8"), "b.txt": ("failed", None),
                                 "c.txt": ("read", "utf-8")}
    assert corpus.files["reason"][1] == "error while processing: RuntimeError: a stage broke on this text"
    assert corpus.documents["source"].tolist() == ["a.txt", "c.txt"]
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path), "--out", str(out), "--quiet", "-j", "1"]) == 1
    assert read_tables(out)["files"]["status"].tolist() == ["read", "failed", "read"]


def test_a_gbk_file_name_is_read_and_written_escaped(tmp_path, capsys):
    folder = os.fsencode(tmp_path)
    name = "工会.txt".encode("gbk")
    fd = os.open(folder + b"/" + name, os.O_WRONLY | os.O_CREAT)
    os.write(fd, REPORT.encode("utf-8"))
    os.close(fd)
    (tmp_path / "好.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path), "--out", str(out), "-j", "1"]) == 0
    tables = read_tables(out)
    escaped = display_path(os.fsdecode(name))
    assert escaped == r"\xb9\xa4\xbb\xe1.txt"
    assert sorted(tables["files"]["source"]) == sorted([escaped, "好.txt"])
    assert f"{escaped}#1" in set(tables["documents"]["doc_id"])
    assert "Traceback" not in capsys.readouterr().err


def test_symlinked_folders_are_followed_once(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(REPORT, encoding="utf-8")
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "y.txt").write_text(REPORT, encoding="utf-8")
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    scan = scan_corpus(root)
    assert [p.relative_to(root).as_posix() for p in scan.files] == ["link/x.txt", "sub/y.txt"]
    assert scan.loops == ("sub/loop",)


names = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
contents = st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.text(alphabet="工会职工慰问困难元户，。\n一二三", max_size=120).map(lambda t: t.encode("gbk")))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.dictionaries(names, contents, min_size=1, max_size=4))
def test_any_file_names_and_bytes_are_listed_never_raise(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    written = set()
    for raw_name, data in files.items():
        name = raw_name + b".txt"  # hidden names (".a.txt") are read too
        path = os.fsencode(folder) + b"/" + name
        if len(name) > 250 or os.path.exists(path):
            continue
        with open(path, "wb") as handle:
            handle.write(data)
        written.add(display_path(os.fsdecode(name)))
    corpus = sl.read_corpus(folder)
    assert set(corpus.files["source"]) == written
    assert len(corpus.files) == len(written)
    assert set(corpus.files["status"]) <= {"read", "empty", "skipped"}
    for row in corpus.documents.itertuples():  # offsets hold on whatever was read
        assert row.source in written


def test_a_large_file_in_pieces_gives_the_same_tables(tmp_path, corpus_dir, monkeypatch):
    from summarylens import filerows

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))[:12] if _utf8(p)]
    (tmp_path / "dump.txt").write_text("\n\n".join(texts * 2), encoding="utf-8")
    (tmp_path / "small.txt").write_text(REPORT, encoding="utf-8")
    whole = tmp_path / "whole"
    assert main(["extract", str(tmp_path), "--out", str(whole), "--quiet", "-j", "1"]) == 0
    monkeypatch.setattr(filerows, "BIG_FILE", 1000)
    monkeypatch.setattr(filerows, "PIECE_CHARS", 3000)
    for jobs in ("1", "2"):  # with workers, the large file is processed by the main process
        pieces = tmp_path / f"pieces{jobs}"
        assert main(["extract", str(tmp_path), "--out", str(pieces), "--quiet", "-j", jobs]) == 0
        for name in ("documents", "paragraphs", "figures", "relations", "files"):
            assert (pieces / f"{name}.csv").read_bytes() == (whole / f"{name}.csv").read_bytes(), name
    in_pieces = sl.read_corpus(tmp_path)
    assert in_pieces.files["n_documents"].tolist() == read_tables(whole)["files"]["n_documents"].tolist()
    assert in_pieces.files["n_documents"][0] > 10


def _utf8(path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
