"""Scale: the same output for any --jobs and any batching, flat streaming, table files that round-trip."""

from __future__ import annotations

import codecs
import shutil

import numpy as np
import pandas as pd
import pytest

from summarylens import corpus, parallel, sections
from summarylens.cli import main
from summarylens.dedup import BANDS, ROWS, DuplicateIndex, estimate_similarity
from summarylens.io import iter_corpus_files, read_text
from summarylens.pipeline import label_documents, process_file, process_files
from summarylens.reading import read_tables
from summarylens.segmentation import segment_text
from summarylens.split import split_documents
from summarylens.tables import DOCUMENT_TABLES, TABLE_NAMES, TableWriter, build_tables


def _csv_bytes(folder):
    return {name: (folder / f"{name}.csv").read_bytes() for name in TABLE_NAMES}


@pytest.fixture(scope="module")
def jobs_1_csv(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("jobs1")
    assert main(["extract", str(corpus_dir), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    return _csv_bytes(out)


def test_cli_jobs_2_writes_the_same_bytes_as_jobs_1(jobs_1_csv, corpus_dir, tmp_path):
    assert main(["extract", str(corpus_dir), "--out", str(tmp_path), "--jobs", "2", "--quiet"]) == 0
    assert jobs_1_csv["documents"].startswith(codecs.BOM_UTF8)
    assert jobs_1_csv["figures"].count(b"\r\n") > 1000
    for name in TABLE_NAMES:
        assert _csv_bytes(tmp_path)[name] == jobs_1_csv[name], name


def test_extract_corpus_matches_the_cli_for_any_jobs_and_batch_size(jobs_1_csv, corpus_dir, tmp_path,
                                                                    monkeypatch, shipped_corpus):
    monkeypatch.setattr(parallel, "BATCH_FILES", 3)  # many small batches, spread over both workers
    report = corpus.extract_corpus(corpus_dir, tmp_path, jobs=2)
    assert report.errors == [] and report.files == len(list(iter_corpus_files(corpus_dir)))
    assert report.counts["documents"] == len(shipped_corpus.documents)
    assert report.counts["figures"] == len(shipped_corpus.figures)
    for name in TABLE_NAMES:
        assert _csv_bytes(tmp_path)[name] == jobs_1_csv[name], name


def test_csv_from_dataframes_equals_csv_from_rows(shipped_corpus, jobs_1_csv, tmp_path):
    shipped_corpus.to_csv(tmp_path)
    for name in TABLE_NAMES:
        assert _csv_bytes(tmp_path)[name] == jobs_1_csv[name], name


def test_csv_and_parquet_from_the_writer_read_back_as_equal_tables(shipped_corpus, corpus_dir, tmp_path):
    pytest.importorskip("pyarrow")
    mark = corpus.marker()
    files = [corpus.assemble(rows, mark) for rows in corpus.iter_file_rows(corpus_dir)]
    assert sum(len(rows["paragraphs"]) for rows in files) > 1000
    for fmt in ("csv", "parquet"):
        with TableWriter(tmp_path / fmt, fmt, batch_documents=7) as writer:
            for rows in files:  # several row groups / appends
                writer.write_rows(rows)
    # no completion record: a writer alone does not make a finished output folder
    with pytest.raises(ValueError, match="completion record"):
        read_tables(tmp_path / "csv")
    csv_tables = read_tables(tmp_path / "csv", "csv", partial=True)
    parquet_tables = read_tables(tmp_path / "parquet", "parquet", partial=True)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(csv_tables[name], parquet_tables[name], check_exact=True)
        pd.testing.assert_frame_equal(parquet_tables[name], getattr(shipped_corpus, name),
                                      check_exact=True)


def test_batched_labelling_equals_labelling_each_document(corpus_dir):
    documents = []
    for path in iter_corpus_files(corpus_dir):
        text, _ = read_text(path)
        documents += [segment_text(text[s.start:s.end]) for s in split_documents(text)]
    model = sections.default_model()
    one_by_one = [sections.label_paragraphs(doc, model) for doc in documents]
    assert label_documents(documents, model) == one_by_one
    assert sum(p.topic is not None for doc in one_by_one for p in doc) > 1000


def test_processing_files_together_equals_one_by_one(corpus_dir):
    paths = list(iter_corpus_files(corpus_dir))
    together = process_files(paths, corpus_dir)
    alone = [process_file(path, corpus_dir) for path in paths]
    assert [r.documents for r in together] == [r.documents for r in alone]
    for a, b in zip(together, alone, strict=True):
        assert all(np.array_equal(x, y) for x, y in zip(a.signatures, b.signatures, strict=True)
                   if x is not None)


def test_an_unreadable_file_in_a_batch_keeps_its_place(corpus_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus_dir / "104_primary_school_2021_h1.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 40)
    shutil.copy(corpus_dir / "101_machinery_plant_2023_h1.txt", folder / "c.txt")
    results = process_files(list(iter_corpus_files(folder)), folder)
    assert [r.source for r in results] == ["a.txt", "b.txt", "c.txt"]
    assert results[1].error is not None and results[0].documents and results[2].documents
    assert results[2].documents[0].doc_id == "c.txt#1"


def test_batches_in_flight_are_bounded(corpus_dir):
    paths = list(iter_corpus_files(corpus_dir))
    pulled = []

    def batches():
        for path in paths:
            pulled.append(path)
            yield [path]

    results = corpus.map_batches(_sources, batches(), corpus_dir, jobs=2)
    for consumed, result in enumerate(results, start=1):
        assert len(pulled) <= consumed + 2 * corpus.WINDOW_PER_JOB
        assert result == [pulled[consumed - 1].name]
    assert len(pulled) == len(paths)


def _sources(batch, root, model):
    return [path.name for path in batch]


def test_file_batches_cover_every_file_once_in_order(corpus_dir):
    paths = list(iter_corpus_files(corpus_dir))
    batches = list(corpus.file_batches(paths))
    assert [p for batch in batches for p in batch] == paths
    assert len(batches) > 1
    assert all(len(batch) <= corpus.BATCH_FILES for batch in batches)


class _ReferenceIndex:
    """The plain LSH index (band bytes as dict keys) that DuplicateIndex must agree with."""

    def __init__(self):
        self.buckets, self.ids, self.sigs = {}, [], []

    def add_signature(self, doc_id, sig):
        keys = [(b, sig[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)]
        best = None
        for candidate in sorted({self.buckets[k] for k in keys if k in self.buckets}):
            similarity = estimate_similarity(sig, self.sigs[candidate])
            if similarity >= 0.5 and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        self.ids.append(doc_id)
        self.sigs.append(sig)
        for key in keys:
            self.buckets.setdefault(key, len(self.ids) - 1)
        return (None, None) if best is None else (self.ids[best[1]], round(best[0], 4))


@pytest.mark.slow
def test_compact_duplicate_index_agrees_with_the_plain_one():
    rng = np.random.default_rng(6)
    signatures = []
    for _ in range(12000):  # enough to merge the recent buckets into the sorted arrays
        if signatures and rng.random() < 0.3:
            sig = signatures[rng.integers(len(signatures))].copy()
            changed = rng.random(sig.size) < rng.uniform(0.05, 0.7)
            sig[changed] = rng.integers(0, 2**32, changed.sum(), dtype=np.uint32)
        else:
            sig = rng.integers(0, 2**32, 64, dtype=np.uint32)
        signatures.append(sig)
    compact, plain = DuplicateIndex(), _ReferenceIndex()
    got = [compact.add_signature(f"d{i}#1", s) for i, s in enumerate(signatures)]
    expected = [plain.add_signature(f"d{i}#1", s) for i, s in enumerate(signatures)]
    assert got == expected
    assert sum(g[0] is not None for g in got) > 1000
    assert len(compact._keys) > 0  # the sorted arrays were used, not just the recent dict


def test_build_tables_gives_the_schema_for_no_documents():
    tables = build_tables([])
    assert set(tables) == set(DOCUMENT_TABLES) and all(len(tables[name]) == 0 for name in DOCUMENT_TABLES)
    assert str(tables["documents"]["year"].dtype) == "Int64"


def test_signatures_without_classifying_equal_those_of_the_full_pipeline(corpus_dir):
    from summarylens.pipeline import file_signatures

    paths = list(iter_corpus_files(corpus_dir))
    full = [(doc.doc_id, sig) for r in process_files(paths, corpus_dir)
            for doc, sig in zip(r.documents, r.signatures, strict=True)]
    quick = file_signatures(paths, corpus_dir)
    assert [doc_id for doc_id, _ in quick] == [doc_id for doc_id, _ in full]
    assert all((a is None and b is None) or np.array_equal(a, b)
               for (_, a), (_, b) in zip(quick, full, strict=True))
    assert sum(sig is not None for _, sig in quick) > 40


def test_workers_share_what_the_warm_up_loaded(corpus_dir):
    """``warm_up`` runs once, here, before the workers fork (they inherit what it loaded);
    not with one job; a warm-up that fails only means the batches load as before."""
    paths = list(iter_corpus_files(corpus_dir))[:3]
    warmed = []
    results = list(corpus.map_batches(_sources, [[p] for p in paths], corpus_dir, jobs=2,
                                      warm_up=lambda model: warmed.append(model)))
    assert results == [[p.name] for p in paths] and len(warmed) == 1 and warmed[0] is not None
    list(corpus.map_batches(_sources, [[p] for p in paths], corpus_dir, jobs=1, warm_up=warmed.append))
    assert len(warmed) == 1

    def broken(model):
        raise RuntimeError("a word list that cannot be read")

    assert list(corpus.map_batches(_sources, [[paths[0]]], corpus_dir, jobs=2, warm_up=broken)) == [[paths[0].name]]


def test_the_warm_up_text_passes_every_stage():
    from summarylens.pipeline import _WARM_UP_TEXT, process_text

    (doc,) = process_text(_WARM_UP_TEXT, "w.txt")
    assert doc.title and doc.org and {p.kind for p in doc.paragraphs} >= {"title", "heading", "body"}
    assert {f.kind for f in doc.figures} >= {"money", "people", "households"} and doc.relations
    assert any(f.subject for f in doc.figures) and any(f.per for f in doc.figures)
