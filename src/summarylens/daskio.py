"""The four tables as Dask DataFrames, for corpora larger than one machine (``summarylens[dask]``).

Every partition is a batch of consecutive files run through the same
:func:`summarylens.pipeline.process_files` as the local path, in a Dask task; the
classifier is loaded once per worker process. Near-duplicates depend on the documents
that came *before*, so they are marked in an ordered pass over MinHash signatures (256
bytes per document) computed first by a cheap read-split-segment pass
(:func:`summarylens.pipeline.file_signatures`); each partition then finishes its
documents table itself, and no partition has to wait in memory for the others. The
tables equal those of :func:`summarylens.read_corpus` (rows in corpus order, each
partition with its own 0-based index).

The files must be readable by every worker (a shared or network file system). Example::

    >>> from distributed import Client                                     # doctest: +SKIP
    >>> from summarylens.daskio import read_corpus_dask
    >>> client = Client("tcp://scheduler:8786")                            # doctest: +SKIP
    >>> corpus = read_corpus_dask("/shared/工会总结/")                       # doctest: +SKIP
    >>> corpus.figures.groupby("topic", observed=True)["value"].sum().compute()  # doctest: +SKIP
    >>> corpus.to_parquet("/shared/out/")   # documents/, paragraphs/, figures/, relations/  # doctest: +SKIP
"""

from __future__ import annotations

import operator
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

try:
    import dask
    import dask.dataframe as dd
    from dask.delayed import Delayed, delayed
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("summarylens.daskio needs Dask: pip install 'summarylens[dask]'") from exc

from .corpus import BATCH_FILES, file_batches, renamed_classifier
from .filerows import assemble, marker, rows_batch
from .io import scan_corpus
from .pipeline import file_signatures
from .sections import LayeredLabeller
from .tables import TABLE_NAMES, Rows, frame, frame_from_tuples
from .tagging import check_subject_tagger, using_subject_tagger

__all__ = ["DaskCorpus", "read_corpus_dask"]

#: the columns of the table of unreadable files
ERROR_COLUMNS = {"source": "string", "reason": "string"}


#: ``doc_id → (duplicate_of, similarity)`` of the documents of a partition
Marks = dict[str, tuple[str | None, float | None]]


@dataclass(frozen=True)
class _Partition:
    """What one batch of files gives: its five tables and its unreadable files."""

    tables: dict[str, pd.DataFrame]
    errors: pd.DataFrame


def _mark_in_order(parts: list[list[tuple[str, np.ndarray | None]]]) -> list[Marks]:
    """The ordered near-duplicate pass over every partition's ``(doc_id, signature)`` list."""
    mark = marker()
    return [{doc_id: mark(doc_id, sig) for doc_id, sig in part} for part in parts]


def _process_partition(paths: list[Path], root: Path, classifier: LayeredLabeller | None,
                       mine: Marks, subject_tagger: str = "lexicon") -> _Partition:
    """Run one batch of files through the pipeline and assemble its tables (a Dask task).

    The rows are made by :func:`summarylens.filerows.assemble`, as for ``read_corpus``,
    with the marks of the first pass. A document the first pass did not see (its file
    failed there but not here) is left unmarked.
    """
    rows: dict[str, Rows] = {name: [] for name in TABLE_NAMES}
    errors = []
    with using_subject_tagger(subject_tagger):
        for file_rows in rows_batch(paths, root, classifier):
            for name, table_rows in assemble(file_rows, lambda doc_id, _sig: mine.get(doc_id, (None, None))).items():
                rows[name].extend(table_rows)
            if file_rows.error is not None:
                errors.append((file_rows.error.source, file_rows.error.reason))
    return _Partition({name: frame_from_tuples(name, rows[name]) for name in TABLE_NAMES},
                      pd.DataFrame(errors, columns=list(ERROR_COLUMNS)).astype(ERROR_COLUMNS))


@dataclass
class DaskCorpus:
    """The five tables (and the unreadable files) of a corpus as Dask DataFrames.

    Compute several at once (``dask.compute(corpus.paragraphs, corpus.figures)``) or write
    them with :meth:`to_parquet`, so that every file is processed only once.
    """

    documents: dd.DataFrame
    paragraphs: dd.DataFrame
    figures: dd.DataFrame
    relations: dd.DataFrame
    files: dd.DataFrame
    errors: dd.DataFrame

    @property
    def tables(self) -> dict[str, dd.DataFrame]:
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def compute(self, **kwargs: object) -> dict[str, pd.DataFrame]:
        """The five tables as pandas DataFrames (one pass over the files), indexed 0…n-1."""
        computed = dask.compute(*self.tables.values(), **kwargs)
        return {name: table.reset_index(drop=True)
                for name, table in zip(TABLE_NAMES, computed, strict=True)}

    def to_parquet(self, folder: str | Path, **kwargs: object) -> Path:
        """Write ``documents/``, ``paragraphs/``, ``figures/``, ``relations/``, ``files/`` as partitioned Parquet.

        All four are written in one computation; read one back with
        ``pd.read_parquet(folder / "figures")`` or ``dd.read_parquet(...)``.
        """
        folder = Path(folder)
        writes = [table.to_parquet(folder / name, write_index=False, compute=False, **kwargs)
                  for name, table in self.tables.items()]
        dask.compute(*writes)
        return folder


def _resolve(corpus: str | Path | Sequence[str | Path],
             root: str | Path | None) -> tuple[list[Path], Path]:
    """The files to read and the root their ``source`` is relative to."""
    if isinstance(corpus, (str, Path)):
        folder = Path(corpus)
        return list(scan_corpus(folder).files), Path(root) if root is not None else folder
    paths = [Path(p) for p in corpus]
    if root is None:
        root = Path(os.path.commonpath([p.parent for p in paths])) if paths else Path(".")
    return paths, Path(root)


def read_corpus_dask(corpus: str | Path | Sequence[str | Path], root: str | Path | None = None, *,
                     files_per_partition: int = BATCH_FILES,
                     classifier: LayeredLabeller | None = None,
                     model: LayeredLabeller | None = None,
                     subject_tagger: str = "lexicon") -> DaskCorpus:
    """Build the five tables of a corpus folder, or of a list of files, as Dask DataFrames.

    ``root`` (default: the folder, or the files' common folder) is what ``source`` and
    ``doc_id`` are relative to, as in :func:`summarylens.read_corpus`. Partitions hold
    consecutive files (at most ``files_per_partition``); ``classifier`` is a classifier from
    :func:`summarylens.sections.load_model` (default: the shipped one, loaded once per
    worker; ``model`` is its old name, deprecated); ``subject_tagger`` (``"lexicon"`` or
    ``"jieba"``) chooses the figures' subjects, as in :func:`summarylens.read_corpus`.
    Nothing runs until the tables are computed or written.

    >>> corpus = read_corpus_dask(["工会/a.txt", "工会/b.txt"])   # doctest: +SKIP
    >>> corpus.documents.npartitions                             # doctest: +SKIP
    1
    """
    classifier = renamed_classifier(classifier, model, "read_corpus_dask")
    check_subject_tagger(subject_tagger)
    paths, root = _resolve(corpus, root)
    batches = [batch[i:i + files_per_partition] for batch in file_batches(paths)
               for i in range(0, len(batch), files_per_partition)] or [[]]
    shared_classifier = delayed(classifier, pure=True) if classifier is not None else None
    signatures = [delayed(file_signatures, pure=True)(batch, root) for batch in batches]
    marks = delayed(_mark_in_order, pure=True)(signatures)
    parts = [delayed(_process_partition, pure=True)(batch, root, shared_classifier,
                                                    delayed(operator.getitem)(marks, n), subject_tagger)
             for n, batch in enumerate(batches)]
    tables = {name: _frame_of(name, [_get(p, name) for p in parts]) for name in TABLE_NAMES}
    errors = [delayed(operator.attrgetter("errors"))(p) for p in parts]
    error_meta = pd.DataFrame(columns=list(ERROR_COLUMNS)).astype(ERROR_COLUMNS)
    return DaskCorpus(**tables, errors=dd.from_delayed(errors, meta=error_meta))


def _get(part: Delayed, name: str) -> Delayed:
    return delayed(_table)(part, name)


def _table(part: _Partition, name: str) -> pd.DataFrame:
    return part.tables[name]


def _frame_of(name: str, pieces: list[Delayed]) -> dd.DataFrame:
    return dd.from_delayed(pieces, meta=frame(name, []))
