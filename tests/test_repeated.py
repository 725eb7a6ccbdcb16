"""A page stored twice: paragraphs that repeat an earlier one are flagged, their figures count once."""

from __future__ import annotations

from summarylens import pivots
from summarylens.dedup import repeated_rows
from summarylens.pipeline import process_text
from summarylens.tables import build_tables, read_tables

_REPORT = ("东岭区总工会开展元旦春节送温暖活动。\n"
           "区总工会先后走访慰问困难职工48户，发放慰问金9.6万元。\n"
           "共计慰问职工120人，其中劳模20人，环卫工100人。\n"
           "主要做法：\n")
_TWICE = _REPORT + _REPORT.split("\n", 1)[1]          # the body stored a second time


def _tables(text: str) -> dict:
    return build_tables(process_text(text, "a.txt"))


def test_second_copy_is_flagged_and_the_first_is_not():
    (doc,) = process_text(_TWICE, "a.txt")
    body = [p for p in doc.paragraphs if p.kind == "body" and ("区总工会先后" in p.text or "共计" in p.text)]
    assert [p.repeated for p in body] == [False, False, True, True]
    assert not any(p.repeated for p in doc.paragraphs if p.text == "主要做法：")    # too short to tell
    assert all(doc.text[p.start:p.end] == p.text for p in doc.paragraphs)


def test_short_stock_lines_and_white_space():
    stock = ["主要做法：", "慰问职工。", "主要做法："]
    assert repeated_rows(stock, ["heading", "body", "heading"]) == [False, False, False]
    assert repeated_rows(["送温暖慰问困难职工", "送温暖 慰问困难职工"], ["title", "body"]) == [False, True]
    assert repeated_rows(["送温暖慰问困难职工", "送温暖慰问困难职工"], ["noise", "body"]) == [False, False]


def test_figures_of_a_page_stored_twice_are_summed_once():
    once, twice = _tables(_REPORT), _tables(_TWICE)
    assert len(twice["figures"]) == 2 * len(once["figures"])       # the table keeps every figure
    totals_once = pivots.figure_totals(once)
    totals_twice = pivots.figure_totals(twice)                     # a dict of tables, like a Corpus
    assert totals_twice.equals(totals_once)
    assert totals_twice.loc["welfare", "money"] == 96000.0
    # with the figures table alone the copies cannot be told apart; with the paragraphs they can
    assert pivots.figure_totals(twice["figures"]).loc["welfare", "money"] == 2 * 96000.0
    assert pivots.figure_totals(twice["figures"], relations=twice["relations"],
                                paragraphs=twice["paragraphs"]).equals(totals_once)


def test_a_total_in_a_repeated_paragraph_is_listed_once():
    once, twice = _tables(_REPORT), _tables(_TWICE)
    assert len(twice["relations"]) == 2
    table = pivots.inconsistent_totals(twice, only_inconsistent=False)
    assert len(table) == len(pivots.inconsistent_totals(once, only_inconsistent=False)) == 1


def test_repeated_column_survives_csv_and_parquet(tmp_path):
    import summarylens as sl

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(_TWICE, encoding="utf-8")
    corpus = sl.read_corpus(tmp_path / "in")
    assert str(corpus.paragraphs["repeated"].dtype) == "boolean"
    assert corpus.paragraphs["repeated"].sum() == 2
    corpus.to_csv(tmp_path / "csv")
    corpus.to_parquet(tmp_path / "parquet")
    for fmt in ("csv", "parquet"):
        back = read_tables(tmp_path / fmt)
        assert back["paragraphs"]["repeated"].tolist() == corpus.paragraphs["repeated"].tolist()
