"""corpus/web: the project's own look-alikes of real web pages (issue 12, item 7).

Seventeen files, 26 reports, written for this project in the shapes of scraped pages
(document viewers, tables of contents, site chrome, PDF hard wraps, runs of spaces,
page-cut numbering, traditional script, masked values, a page stored twice). Their
section labels (``src/summarylens/data/labels/web__*.tsv``, chrome as ``noise`` rows) are
the truth as written, not the pipeline's output; the figure gold is the held-out split
``web`` of ``tests/data/figures_gold/``. The floors below are today's scores (set when the
files were added), so that work on real pages can only raise them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from summarylens import ROLES, TOPICS
from summarylens.io import read_text
from summarylens.pipeline import process_text

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "corpus" / "web"
LABELS = ROOT / "src" / "summarylens" / "data" / "labels"
GOLD = ROOT / "tests" / "data" / "figures_gold"
MANIFEST = ROOT / "tests" / "data" / "web_manifest.tsv"

#: value+kind F1 of the figure extractor on the ``web`` split when the files were added: 0.920
WEB_FIGURES_F1_FLOOR = 0.91
#: files whose documents the splitter counts right when the files were added: 4 of 13
WEB_FILES_SPLIT_RIGHT_FLOOR = 12
#: labelled heading/body rows the segmenter gives word for word when the files were added: 141 of 165
WEB_ROWS_FOUND_FLOOR = 0.90

FILES = sorted(WEB.glob("*.txt"))


def _labels(path: Path) -> pd.DataFrame:
    name = "web__" + path.stem + ".tsv"
    return pd.read_csv(LABELS / name, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)


def _manifest() -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = {}
    with MANIFEST.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.setdefault(row["file"], []).append(row)
    return rows


def test_every_web_file_has_labels_gold_a_split_and_a_manifest_row():
    assert len(FILES) >= 13
    splits = dict(line.split("\t")[:2] for line in (GOLD / "splits.tsv").read_text(encoding="utf-8").splitlines())
    manifest = _manifest()
    assert sum(len(rows) for rows in manifest.values()) >= 20
    for path in FILES:
        source = f"web/{path.name}"
        assert (LABELS / f"web__{path.stem}.tsv").is_file(), source
        assert (GOLD / f"web__{path.stem}.tsv").is_file(), source
        assert splits.get(source) == "web", source
        docs = _labels(path)["doc_id"].unique().tolist()
        assert docs == [f"{source}#{n}" for n in range(1, len(docs) + 1)]
        assert len(manifest[source]) == len(docs), source


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:3])
def test_label_rows_cover_the_file_in_reading_order(path):
    """Every character of the file that is not a space is in exactly one label row, in order."""
    text, _ = read_text(path)
    rows = _labels(path)
    pos = 0
    for row in rows.itertuples():
        at = text.find(row.text, pos)
        assert at >= 0 and text[pos:at].strip() == "", (path.name, row.para_id, text[pos:at][:30])
        pos = at + len(row.text)
    assert text[pos:].strip() == ""


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:3])
def test_label_kinds_topics_and_roles(path):
    rows = _labels(path)
    assert set(rows["kind"]) <= {"title", "heading", "body", "noise"}
    content = rows[rows["kind"].isin(["heading", "body"])]
    assert content["topic"].isin(list(TOPICS)).all()
    assert (content["role"].isin(list(ROLES)) == (content["kind"] == "body")).all()
    rest = rows[~rows["kind"].isin(["heading", "body"])]
    assert (rest["topic"] == "").all() and (rest["role"] == "").all()
    for _doc, group in rows.groupby("doc_id"):
        assert (group["kind"] == "title").sum() <= 1
        assert group["para_id"].astype(int).tolist() == list(range(len(group)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:3])
def test_figure_gold_points_at_its_raw_text(path):
    text, _ = read_text(path)
    with (GOLD / f"web__{path.stem}.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["raw"]
        assert (row["value"] == "") == (row["masked"] == "true")
        assert (row["money_type"] != "") == (row["kind"] == "money")


def test_web_figures_f1_floor():
    from summarylens.evaluate.figures import evaluate

    results = evaluate(GOLD, ROOT / "corpus", split="web", quiet=True)
    assert results["web"]["value+kind"].f1 >= WEB_FIGURES_F1_FLOOR


def test_web_files_split_floor():
    manifest = _manifest()
    right = 0
    for path in FILES:
        source = f"web/{path.name}"
        text, _ = read_text(path)
        right += len(process_text(text, source)) == len(manifest[source])
    assert right >= WEB_FILES_SPLIT_RIGHT_FLOOR


def test_web_label_rows_found_by_the_segmenter_floor():
    """Share of labelled heading/body rows that the pipeline gives as a heading or body row
    of the same file, word for word (wherever it puts the document boundaries)."""
    found = total = 0
    for path in FILES:
        text, _ = read_text(path)
        rows = {p.text for doc in process_text(text, f"web/{path.name}") for p in doc.paragraphs
                if p.kind in ("heading", "body")}
        labels = _labels(path)
        labels = labels[labels["kind"].isin(["heading", "body"])]
        found += int(labels["text"].isin(rows).sum())
        total += len(labels)
    assert found / total >= WEB_ROWS_FOUND_FLOOR
