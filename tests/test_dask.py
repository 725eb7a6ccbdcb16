"""The Dask path: the same four tables as the local one, on a two-worker LocalCluster."""

from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from summarylens.daskio import read_corpus_dask  # noqa: E402
from summarylens.io import iter_corpus_files  # noqa: E402
from summarylens.tables import SCHEMAS, TABLE_NAMES  # noqa: E402

#: every test here needs a two-process cluster (several seconds to start)
pytestmark = pytest.mark.slow

SORT_KEYS = {
    "documents": ["doc_id"],
    "paragraphs": ["doc_id", "para_id"],
    "figures": ["doc_id", "fig_id"],
    "relations": ["doc_id", "total_fig_id"],
    "files": ["source"],
}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, worker_dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def _sorted(table: pd.DataFrame, name: str) -> pd.DataFrame:
    return table.sort_values(SORT_KEYS[name], kind="stable").reset_index(drop=True)


def test_dask_tables_equal_the_local_ones(client, shipped_corpus, corpus_dir, tmp_path):
    files = list(iter_corpus_files(corpus_dir))
    corpus = read_corpus_dask(files, root=corpus_dir, files_per_partition=5)
    assert corpus.documents.npartitions >= 8  # several partitions, so both workers take part
    corpus.to_parquet(tmp_path)
    for name in TABLE_NAMES:
        written = pd.read_parquet(tmp_path / name).astype(SCHEMAS[name])
        expected = _sorted(getattr(shipped_corpus, name), name)
        assert len(expected) > 0
        pd.testing.assert_frame_equal(_sorted(written, name), expected)
    assert len(list((tmp_path / "figures").glob("*.parquet"))) == corpus.figures.npartitions
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_marks_near_duplicates_across_partitions(client, shipped_corpus, corpus_dir):
    tables = read_corpus_dask(corpus_dir, files_per_partition=1).compute()
    marked = tables["documents"].dropna(subset=["duplicate_of"])
    expected = shipped_corpus.documents.dropna(subset=["duplicate_of"])
    assert len(expected) >= 1
    assert marked[["doc_id", "duplicate_of", "similarity"]].reset_index(drop=True).equals(
        expected[["doc_id", "duplicate_of", "similarity"]].reset_index(drop=True))
    pd.testing.assert_frame_equal(tables["paragraphs"], shipped_corpus.paragraphs)


def test_unreadable_files_are_listed_not_fatal(client, corpus_dir, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 40)
    (tmp_path / "a.txt").write_bytes((corpus_dir / "104_primary_school_2021_h1.txt").read_bytes())
    corpus = read_corpus_dask(tmp_path)
    documents, errors = corpus.documents.compute(), corpus.errors.compute()
    assert errors["source"].tolist() == ["photo.txt"]
    assert documents["source"].unique().tolist() == ["a.txt"]
