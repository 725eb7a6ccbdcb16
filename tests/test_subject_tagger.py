"""The subject tagger as a user option: it reaches the figures table by every path, and a
name that is not a tagger is refused with one sentence.

The sentence below is one where the two taggers choose differently: the lexicon tagger
keeps the modifier of 慰问金 (节日慰问金), jieba's tagger reads 节日 as a time noun and
stops before it.
"""

from __future__ import annotations

import csv

import pytest

import summarylens as sl
from summarylens.cli import main
from summarylens.corpus import extract_corpus
from summarylens.figures import find_figures
from summarylens.output import read_record
from summarylens.tagging import (
    SUBJECT_TAGGERS,
    active_tagger,
    active_tagger_name,
    check_subject_tagger,
    default_tagger,
    jieba_tagger,
    using_subject_tagger,
)

REPORT = "化工厂工会2024年工作总结\n一、帮扶\n春节前夕为困难职工送去节日慰问金2千元。\n"
#: the subject of 2千元 by each tagger
EXPECTED = {"lexicon": "节日慰问金", "jieba": "慰问金"}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT.replace("化工厂", "纺织厂"), encoding="utf-8")
    return folder


def _money_subjects(figures) -> set[str]:
    return set(figures.loc[figures["kind"] == "money", "subject"])


def test_the_two_taggers_choose_differently_here():
    for name, subject in EXPECTED.items():
        with using_subject_tagger(name):
            assert [f.subject for f in find_figures(REPORT)[0]] == [subject]
    assert active_tagger_name() == "lexicon"
    assert active_tagger() is default_tagger()


def test_the_block_sets_the_tagger_and_restores_it_after_an_error():
    with pytest.raises(RuntimeError), using_subject_tagger("jieba"):
        assert active_tagger() is jieba_tagger()
        raise RuntimeError("stop")
    assert active_tagger_name() == "lexicon"


@pytest.mark.parametrize("name", SUBJECT_TAGGERS)
def test_read_corpus_takes_the_tagger(corpus, name):
    figures = sl.read_corpus(corpus, subject_tagger=name).figures
    assert _money_subjects(figures) == {EXPECTED[name]}
    assert active_tagger_name() == "lexicon"


def test_the_default_is_the_lexicon_tagger(corpus):
    assert _money_subjects(sl.read_corpus(corpus).figures) == {EXPECTED["lexicon"]}


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBJECT_TAGGERS)
def test_workers_get_the_tagger(corpus, tmp_path, name):
    figures = sl.read_corpus(corpus, jobs=2, subject_tagger=name).figures
    assert _money_subjects(figures) == {EXPECTED[name]}
    out = tmp_path / f"out_{name}"
    assert main(["extract", str(corpus), "--out", str(out), "-j", "2", "--quiet",
                 "--subject-tagger", name]) == 0
    with (out / "figures.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "money"]
    assert [r["subject"] for r in rows] == [EXPECTED[name]] * 2


def test_extract_corpus_takes_the_tagger(corpus, tmp_path):
    for name in SUBJECT_TAGGERS:
        extract_corpus(corpus, tmp_path / name, subject_tagger=name)
        with (tmp_path / name / "figures.csv").open(encoding="utf-8-sig", newline="") as fh:
            assert {r["subject"] for r in csv.DictReader(fh) if r["kind"] == "money"} == {EXPECTED[name]}
        assert read_record(tmp_path / name)["subject_tagger"] == name   # the output says which


def test_dask_takes_the_tagger(corpus):
    pytest.importorskip("dask.dataframe")
    from summarylens.daskio import read_corpus_dask

    figures = read_corpus_dask(corpus, subject_tagger="jieba").figures.compute(scheduler="sync")
    assert _money_subjects(figures) == {EXPECTED["jieba"]}
    with pytest.raises(ValueError, match="subject_tagger must be one of 'lexicon', 'jieba', not 'spacy'"):
        read_corpus_dask(corpus, subject_tagger="spacy")


@pytest.mark.parametrize("bad", ["spacy", "Jieba", "", None, 1])
def test_a_name_that_is_no_tagger_is_refused(corpus, tmp_path, bad):
    message = "subject_tagger must be one of 'lexicon', 'jieba', not "
    with pytest.raises(ValueError, match=message):
        check_subject_tagger(bad)
    with pytest.raises(ValueError, match=message):
        sl.read_corpus(corpus, subject_tagger=bad)
    with pytest.raises(ValueError, match=message):
        extract_corpus(corpus, tmp_path / "out", subject_tagger=bad)
    assert not (tmp_path / "out").exists()


def test_the_cli_refuses_a_bad_tagger_with_one_sentence(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--subject-tagger", "spacy"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ["summarylens: error: --subject-tagger 'spacy' is not a tagger: use lexicon or jieba"]
    assert not out.exists()
