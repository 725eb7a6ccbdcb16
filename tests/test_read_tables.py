"""read_tables after a spreadsheet: TRUE/FALSE, GBK, BOM, CRLF, index columns; completion records."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from summarylens.cli import main
from summarylens.output import RECORD
from summarylens.reading import read_tables

REPORT = ("机械厂工会2023年工作总结\n一、送温暖\n春节期间慰问困难职工24户，发放慰问金2.6万元。\n"
          "二、劳动竞赛\n全年共计开展竞赛12场，其中技能比武5场，岗位练兵7场。\n")


@pytest.fixture()
def out(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "厂.txt").write_text(REPORT, encoding="utf-8")
    (folder / "空.txt").write_text("  \n", encoding="utf-8")
    target = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(target), "--quiet", "-j", "1"]) == 0
    return target


def _resave(path, transform, encoding="utf-8-sig", newline="\r\n"):
    """What a spreadsheet does when it saves a CSV again."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    table = transform(table)
    path.write_bytes(table.to_csv(index=False, lineterminator=newline).encode(encoding))


def test_booleans_as_excel_and_others_write_them(out):
    original = read_tables(out)
    for true, false in (("TRUE", "FALSE"), ("true", "false"), ("1", "0")):
        def booleans(table, true=true, false=false):
            current = {"true": true, "false": false, "1": true, "0": false}
            table["fragment"] = table["fragment"].str.lower().map(current)
            return table

        _resave(out / "documents.csv", booleans)
        back = read_tables(out)
        pd.testing.assert_frame_equal(back["documents"], original["documents"])
    assert original["relations"]["consistent"].notna().all()


def test_gbk_and_gb18030_resaves_without_bom_and_with_lf(out):
    original = read_tables(out)
    for encoding in ("gbk", "gb18030"):
        _resave(out / "figures.csv", lambda t: t, encoding=encoding, newline="\n")
        pd.testing.assert_frame_equal(read_tables(out)["figures"], original["figures"])


def test_an_undecodable_table_is_an_error_naming_the_file(out):
    (out / "figures.csv").write_bytes(b"doc_id,para_id\r\n\xff\xfe\xff\x00\x81\r\n")
    with pytest.raises(ValueError, match=r"figures\.csv"):
        read_tables(out)


def test_an_index_column_is_dropped_and_a_missing_column_named(out):
    original = read_tables(out)
    _resave(out / "paragraphs.csv", lambda t: t.reset_index(names=""))
    pd.testing.assert_frame_equal(read_tables(out)["paragraphs"], original["paragraphs"])
    _resave(out / "paragraphs.csv", lambda t: t.drop(columns=["topic"]))
    with pytest.raises(ValueError, match=r"paragraphs\.csv: column 'topic' is missing"):
        read_tables(out)


def test_the_files_table_reads_back(out):
    files = read_tables(out)["files"]
    assert files["status"].tolist() == ["read", "empty"]
    assert str(files["bytes"].dtype) == "Int64"


def test_a_folder_without_completion_record_is_refused_unless_partial(out):
    (out / RECORD).unlink()
    with pytest.raises(ValueError, match="no completion record"):
        read_tables(out)
    assert len(read_tables(out, partial=True)["documents"]) == 1


def test_the_format_of_the_record_is_read_never_a_stale_one(out):
    pytest.importorskip("pyarrow")
    (out / "documents.parquet").write_bytes(b"stale: from an older run")
    assert read_tables(out)["documents"]["source"].tolist() == ["厂.txt"]  # the record says csv
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))
    assert record["format"] == "csv" and record["rows"]["documents"] == 1
    assert record["files"] == {"read": 1, "empty": 1}
    with pytest.raises(ValueError, match=r"documents\.parquet"):
        read_tables(out, "parquet")  # asked for on purpose: read, and it is broken
