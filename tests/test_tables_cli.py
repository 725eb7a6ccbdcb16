"""The four tables, their files, and the command line."""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import summarylens as sl
from summarylens.cli import main
from summarylens.tables import SCHEMAS, TABLE_NAMES, csv_text, read_tables


def test_tables_have_the_spec_columns_and_nullable_dtypes(shipped_corpus):
    for name in TABLE_NAMES:
        table = getattr(shipped_corpus, name)
        assert list(table.columns) == list(SCHEMAS[name]), name
    docs = shipped_corpus.documents
    assert str(docs["year"].dtype) == "Int64"
    assert str(docs["fragment"].dtype) == "boolean"
    assert str(docs["title"].dtype).startswith("string")
    assert isinstance(shipped_corpus.paragraphs["topic"].dtype, pd.CategoricalDtype)


def test_every_paragraph_offset_points_into_its_document(shipped_corpus):
    texts = shipped_corpus.documents.set_index("doc_id")["text"]
    for row in shipped_corpus.paragraphs.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_every_figure_offset_points_into_its_document(shipped_corpus):
    texts = shipped_corpus.documents.set_index("doc_id")["text"]
    for row in shipped_corpus.figures.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.raw


def test_shipped_corpus_has_the_documents_it_promises(shipped_corpus):
    docs = shipped_corpus.documents
    assert len(docs) >= 50
    assert docs["source"].str.startswith("more/").any()
    assert shipped_corpus.errors == []
    assert docs["fragment"].sum() >= 3
    assert docs["year"].notna().sum() >= 35


def test_csv_round_trip_loses_nothing(shipped_corpus, tmp_path):
    shipped_corpus.to_csv(tmp_path)
    assert (tmp_path / "documents.csv").read_bytes().startswith(codecs.BOM_UTF8)
    back = read_tables(tmp_path)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(back[name], getattr(shipped_corpus, name), check_exact=True)


def test_parquet_round_trip_loses_nothing(shipped_corpus, tmp_path):
    pytest.importorskip("pyarrow")
    shipped_corpus.to_parquet(tmp_path)
    back = read_tables(tmp_path, "parquet")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(back[name], getattr(shipped_corpus, name), check_exact=True)


@pytest.fixture
def mixed_corpus(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(corpus_dir / "000_0c8ed3b9e15e8dcd.txt", folder / "seed.txt")
    text = (corpus_dir / "101_machinery_plant_2023_h1.txt").read_text(encoding="utf-8")
    (folder / "sub" / "gb.txt").write_bytes(text.encode("gb18030"))
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 40)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_cli_names_bad_files_writes_the_tables_and_exits_one(mixed_corpus, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", str(mixed_corpus), "--out", str(out), "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert "photo.txt" in captured.err and "binary" in captured.err
    assert "documents" in captured.out and "1 skipped" in captured.out
    tables = read_tables(out)
    assert sorted(tables["documents"]["source"].unique()) == ["bom.txt", "seed.txt", "sub/gb.txt"]
    assert (tables["documents"]["source"] == "seed.txt").sum() == 8
    for name in TABLE_NAMES:
        assert list(tables[name].columns) == list(SCHEMAS[name])


def test_cli_exits_zero_when_every_file_is_read(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_dir / "104_primary_school_2021_h1.txt", folder)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} == {f"{n}.csv" for n in TABLE_NAMES} | {"_summarylens.json"}


def test_cli_parquet_format(tmp_path, corpus_dir):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    assert main(["extract", str(corpus_dir / "more"), "--out", str(out), "--format", "parquet", "--quiet"]) == 0
    tables = read_tables(out)
    expected = sl.read_corpus(corpus_dir / "more")
    pd.testing.assert_frame_equal(tables["paragraphs"], expected.paragraphs)


def test_cli_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such corpus folder" in capsys.readouterr().err


def test_python_dash_m_and_help_work():
    result = subprocess.run([sys.executable, "-m", "summarylens", "extract", "--help"],
                            capture_output=True, text=True, check=True)
    assert "CORPUS_DIR" in result.stdout and "documents.csv" in result.stdout


def test_the_console_script_passes_the_exit_status_through(tmp_path):
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "summarylens"]
    assert script.value == "summarylens.cli:console"
    (tmp_path / "in").mkdir()
    report = "机械厂工会2023年上半年工作总结\n一、送温暖。慰问困难职工12户。"
    (tmp_path / "in" / "a.txt").write_text(report, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "summarylens", "extract", str(tmp_path / "in"),
                           "--out", str(tmp_path / "out"), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0 and "12户" in (tmp_path / "out" / "figures.csv").read_text(encoding="utf-8-sig")
    missing = subprocess.run([sys.executable, "-m", "summarylens", "extract", str(tmp_path / "nope"),
                              "--out", str(tmp_path / "out2")], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such corpus folder" in missing.stderr


def test_segment_and_extract_figures_api():
    paragraphs = sl.segment("一、送温暖。慰问困难职工12户。")
    assert paragraphs["kind"].tolist() == ["heading", "body"]
    assert list(paragraphs.columns) == [c for c in SCHEMAS["paragraphs"] if c != "doc_id"]
    figures = sl.extract_figures("")
    assert list(figures.columns) == [c for c in SCHEMAS["figures"] if c not in ("doc_id", "para_id", "fig_id")]


def test_jobs_has_a_short_option():
    from summarylens.cli import build_parser

    assert build_parser().parse_args(["extract", "c/", "--out", "o/", "-j", "2"]).jobs == 2


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from summarylens.cli import _progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert _progress_bar(3, shown=True) is None  # pytest captures stderr: not a terminal
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert _progress_bar(3, shown=False) is None
    bar = _progress_bar(3, shown=True)
    bar.update(3)
    bar.close()
    assert "3/3" in sys.stderr.getvalue()


_CELLS = st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.sampled_from(
    ["", '"', ",", "\r", "\n", "\r\n", " a ", "慰问，12户", 'say "hi", then', "\x00", "\u2028"])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.lists(st.tuples(*[_CELLS] * n), max_size=8)))
@example([("",)])
@example([(None,)])
@example([("", None)])
def test_csv_text_writes_what_the_csv_module_writes(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    assert csv_text(rows) == buffer.getvalue()
