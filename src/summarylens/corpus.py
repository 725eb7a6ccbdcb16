"""A whole corpus: every file through the pipeline, in order, on one or many cores.

Files go to the workers in batches of consecutive files (:func:`file_batches`; the
documents of a batch are classified in one call), at most two batches per worker in
flight; results come back in corpus order and near-duplicates are marked in that order,
so the output does not depend on ``jobs``. :func:`iter_documents` yields documents (for
:func:`read_corpus`); :func:`extract_corpus` streams table rows straight into the CSV or
Parquet files (for ``summarylens extract``), building no DataFrame per file.

Example::

    >>> corpus = read_corpus("工会总结/", jobs=2)               # doctest: +SKIP
    >>> corpus.documents.loc[0, ["doc_id", "org", "year"]].tolist()   # doctest: +SKIP
    ['机械厂.txt#1', '机械厂工会', 2023]
"""

from __future__ import annotations

import functools
import os
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from .dedup import DuplicateIndex
from .io import iter_corpus_files
from .pipeline import FileResult, collector_paused, process_files
from .records import Document, ReadError
from .sections import LayeredLabeller, default_predictor
from .tables import COLUMNS, CSV_BODY_ENCODING, TABLE_NAMES, Rows, TableWriter, build_tables, csv_text, table_tuples

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

T = TypeVar("T")
#: work on a batch of files: ``function(paths, root, classifier)``
BatchFunction = Callable[[list[Path], Path, "LayeredLabeller | None"], T]


def renamed_classifier(classifier: LayeredLabeller | None, model: LayeredLabeller | None,
                       where: str) -> LayeredLabeller | None:
    """``classifier``, or the deprecated ``model=`` argument of ``where`` (with a warning)."""
    if model is None:
        return classifier
    if classifier is not None:
        raise TypeError(f"{where}() got both classifier= and its old name model=")
    warnings.warn(f"{where}(model=...) is deprecated; pass classifier=...", DeprecationWarning, stacklevel=3)
    return model


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: a task for one worker: files whose documents are classified together (see
#: :func:`summarylens.pipeline.process_files`); batches depend only on the file list, so
#: the output is the same for any ``jobs``
BATCH_FILES = 32
BATCH_BYTES = 128_000
#: batches in flight per worker: enough to keep the cores busy, few enough for flat memory
WINDOW_PER_JOB = 2


def file_batches(paths: Iterable[Path]) -> Iterator[list[Path]]:
    """Consecutive files in groups of at most :data:`BATCH_FILES` files / :data:`BATCH_BYTES` bytes."""
    batch: list[Path] = []
    size = 0
    for path in paths:
        batch.append(path)
        size += _file_size(path)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_results(root: str | Path, jobs: int = 1,
                 classifier: LayeredLabeller | None = None,
                 files: list[Path] | None = None) -> Iterator[FileResult]:
    """Process every file below ``root``; yield one :class:`FileResult` per file, in order."""
    root = Path(root)
    paths = files if files is not None else iter_corpus_files(root)
    for results in map_batches(_process_batch, file_batches(paths), root, jobs, classifier):
        yield from results


def map_batches(function: BatchFunction[T], batches: Iterable[list[Path]], root: Path,
                jobs: int = 1, classifier: LayeredLabeller | None = None) -> Iterator[T]:
    """``function(batch, root, classifier)`` for every batch, in order; in ``jobs`` processes if > 1.

    At most ``jobs * WINDOW_PER_JOB`` batches are in flight, so results never pile up in
    memory when writing is slower than processing. Each worker loads the classifier once.
    """
    if jobs <= 1:
        for batch in batches:
            yield function(batch, root, classifier)
        return
    if classifier is None:  # load (on a first run: fit) the shipped model once, not in every worker
        classifier = default_predictor()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(classifier,))
    pending: deque[Future[T]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_in_worker, function, batch, root))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER_CLASSIFIER: LayeredLabeller | None = None


def _init_worker(classifier: LayeredLabeller | None) -> None:
    """Keep the classifier for this process's batches (``None``: the default classifier, loaded lazily)."""
    global _WORKER_CLASSIFIER
    _WORKER_CLASSIFIER = classifier


def _in_worker(function: BatchFunction[T], batch: list[Path], root: Path) -> T:
    return function(batch, root, _WORKER_CLASSIFIER)


def _process_batch(paths: list[Path], root: Path,
                   classifier: LayeredLabeller | None) -> list[FileResult]:
    return process_files(paths, root, classifier)


def mark_duplicates(result: FileResult, index: DuplicateIndex) -> list[Document]:
    """The documents of one file with ``duplicate_of``/``similarity`` against earlier ones."""
    marked = []
    for doc, sig in zip(result.documents, result.signatures, strict=True):
        duplicate_of, similarity = (None, None) if sig is None else index.add_signature(doc.doc_id, sig)
        marked.append(replace(doc, duplicate_of=duplicate_of, similarity=similarity))
    return marked


def iter_documents(root: str | Path, jobs: int = 1,
                   classifier: LayeredLabeller | None = None,
                   errors: list[ReadError] | None = None) -> Iterator[tuple[FileResult, list[Document]]]:
    """Yield ``(file result, marked documents)`` per file; unreadable files go to ``errors``."""
    index = DuplicateIndex()
    for result in iter_results(root, jobs=jobs, classifier=classifier):
        if result.error is not None:
            if errors is not None:
                errors.append(result.error)
            yield result, []
            continue
        yield result, mark_duplicates(result, index)


@dataclass
class Corpus:
    """The four tables of a corpus, and the files that could not be read.

    ``corpus.documents``, ``.paragraphs``, ``.figures``, ``.relations`` are DataFrames
    (SPEC section 2); ``corpus.errors`` lists :class:`~summarylens.records.ReadError`.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    figures: pd.DataFrame
    relations: pd.DataFrame
    errors: list[ReadError] = field(default_factory=list)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def to_csv(self, folder: str | Path) -> Path:
        """Write ``documents.csv``, ``paragraphs.csv``, ``figures.csv``, ``relations.csv``."""
        return self._write(folder, "csv")

    def to_parquet(self, folder: str | Path) -> Path:
        """Write the four tables as Parquet files (needs pyarrow)."""
        return self._write(folder, "parquet")

    def _write(self, folder: str | Path, fmt: str) -> Path:
        with TableWriter(folder, fmt) as writer:
            writer.write(self.tables)
        return Path(folder)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{len(t)} {name}" for name, t in self.tables.items())
        return f"<Corpus: {sizes}, {len(self.errors)} unreadable files>"


def read_corpus(path: str | Path, *, jobs: int = 1,
                classifier: LayeredLabeller | None = None, model: LayeredLabeller | None = None) -> Corpus:
    """Read a folder (recursively) or one file into a :class:`Corpus`.

    ``classifier`` labels topics and roles (default: the shipped model); ``model`` is its
    old name, deprecated.

    >>> corpus = read_corpus("corpus/")   # doctest: +SKIP
    >>> corpus.errors                     # doctest: +SKIP
    []
    """
    classifier = renamed_classifier(classifier, model, "read_corpus")
    errors: list[ReadError] = []
    documents = [doc for _, docs in iter_documents(path, jobs=jobs, classifier=classifier, errors=errors)
                 for doc in docs]
    return Corpus(**build_tables(documents), errors=errors)


# ---------------------------------------------------------------------------
# Straight to files: the fast path of ``summarylens extract``
# ---------------------------------------------------------------------------

_DUPLICATE_OF = COLUMNS["documents"].index("duplicate_of")
_SIMILARITY = COLUMNS["documents"].index("similarity")


@dataclass(frozen=True, slots=True)
class FileRows:
    """One file's table rows (:func:`~summarylens.tables.document_tuples`), or why it was skipped.

    Documents rows leave ``duplicate_of``/``similarity`` empty; they are filled in corpus
    order from ``signatures`` by :func:`mark_duplicate_rows`. For CSV output the worker
    renders the other three tables itself (``csv_bytes``: table → CSV rows encoded as UTF-8,
    see :func:`~summarylens.tables.csv_text`; bytes pickle as a copy, text would be encoded
    and decoded on the way) and leaves them out of ``rows``; ``counts`` holds
    what :func:`count_rows` counts in those three.
    """

    source: str
    rows: dict[str, Rows] = field(default_factory=dict)
    signatures: tuple[np.ndarray | None, ...] = ()
    error: ReadError | None = None
    csv_bytes: dict[str, bytes] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)


#: the tables a worker can write out itself: nothing in them waits for the duplicate index
_RENDERED = tuple(name for name in TABLE_NAMES if name != "documents")


def _rows_batch(paths: list[Path], root: Path, classifier: LayeredLabeller | None,
                render: bool = False) -> list[FileRows]:
    """Process a batch of files into table rows (in a worker), rendered as CSV when ``render``.

    The collector stays paused until the rows are rendered (:func:`collector_paused`): for
    CSV, what is left alive then (a few hundred objects) is all it walks.
    """
    with collector_paused():
        out = []
        for result in process_files(paths, root, classifier):
            if result.error is not None:
                out.append(FileRows(result.source, error=result.error))
                continue
            rows = table_tuples(result.documents)
            counts: Counter[str] = Counter()
            count_rows(counts, {name: rows[name] for name in _RENDERED})
            csv_bytes = {}
            if render:
                csv_bytes = {name: csv_text(rows[name]).encode(CSV_BODY_ENCODING) for name in _RENDERED}
                rows = {"documents": rows["documents"]}
            out.append(FileRows(result.source, rows, result.signatures, csv_bytes=csv_bytes, counts=counts))
    return out


def mark_duplicate_rows(file_rows: FileRows, index: DuplicateIndex) -> dict[str, Rows]:
    """A file's rows with ``duplicate_of``/``similarity`` set against earlier documents."""
    documents = []
    for row, sig in zip(file_rows.rows["documents"], file_rows.signatures, strict=True):
        duplicate_of, similarity = (None, None) if sig is None else index.add_signature(row[0], sig)
        if duplicate_of is not None:
            row = (*row[:_DUPLICATE_OF], duplicate_of, similarity, *row[_SIMILARITY + 1:])
        documents.append(row)
    return {**file_rows.rows, "documents": documents}


@dataclass
class ExtractReport:
    """What :func:`extract_corpus` did: files seen, files skipped and why, and row counts.

    ``counts`` has ``documents``, ``fragments``, ``duplicates``, ``characters``,
    ``headings``, ``body``, ``figures``, ``money``, ``relations`` and ``inconsistent``
    (relations whose parts do not add up), e.g. ``report.counts["figures"] == 2072``.
    """

    files: int = 0
    errors: list[ReadError] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def _column(table: str, name: str) -> int:
    return COLUMNS[table].index(name)


_FRAGMENT, _N_CHARS = _column("documents", "fragment"), _column("documents", "n_chars")
_KIND, _FIGURE_KIND = _column("paragraphs", "kind"), _column("figures", "kind")
_CONSISTENT = _column("relations", "consistent")


def count_rows(counts: Counter[str], rows: dict[str, Rows]) -> None:
    """Add the summary counts of ``summarylens extract`` for whichever tables ``rows`` holds."""
    documents = rows.get("documents", [])
    paragraphs, figures, relations = rows.get("paragraphs", []), rows.get("figures", []), rows.get("relations", [])
    counts["documents"] += len(documents)
    counts["fragments"] += sum(bool(r[_FRAGMENT]) for r in documents)
    counts["duplicates"] += sum(r[_DUPLICATE_OF] is not None for r in documents)
    counts["characters"] += sum(r[_N_CHARS] for r in documents)
    counts["headings"] += sum(r[_KIND] == "heading" for r in paragraphs)
    counts["body"] += sum(r[_KIND] == "body" for r in paragraphs)
    counts["figures"] += len(figures)
    counts["money"] += sum(r[_FIGURE_KIND] == "money" for r in figures)
    counts["relations"] += len(relations)
    counts["inconsistent"] += sum(r[_CONSISTENT] is False for r in relations)


def extract_corpus(root: str | Path, out: str | Path, fmt: str = "csv", *, jobs: int = 1,
                   classifier: LayeredLabeller | None = None,
                   files: list[Path] | None = None,
                   on_file: Callable[[str, ReadError | None], None] | None = None,
                   model: LayeredLabeller | None = None) -> ExtractReport:
    """Process a corpus straight into the four table files, streaming, in corpus order.

    What ``summarylens extract`` does: workers return row tuples per batch of files, this
    process marks near-duplicates in order and appends the rows to CSV (or Parquet);
    no DataFrame is built per file, and memory stays flat however many files there are.
    The files are byte-identical for any ``jobs``. ``on_file(source, error)`` is called
    after each file (for a progress bar, or to name a skipped file at once).

    >>> report = extract_corpus("corpus/", "out/", jobs=2)   # doctest: +SKIP
    >>> report.counts["documents"], report.errors            # doctest: +SKIP
    (55, [])
    """
    classifier = renamed_classifier(classifier, model, "extract_corpus")
    root = Path(root)
    paths = files if files is not None else list(iter_corpus_files(root))
    report = ExtractReport(files=len(paths))
    index = DuplicateIndex()
    work = functools.partial(_rows_batch, render=fmt == "csv")
    with TableWriter(out, fmt) as writer:
        for batch in map_batches(work, file_batches(paths), root, jobs, classifier):
            for file_rows in batch:
                if file_rows.error is not None:
                    report.errors.append(file_rows.error)
                else:
                    rows = mark_duplicate_rows(file_rows, index)
                    writer.write_rows(rows)
                    if file_rows.csv_bytes:
                        writer.write_bytes(file_rows.csv_bytes)
                    count_rows(report.counts, {"documents": rows["documents"]})
                    report.counts.update(file_rows.counts)
                if on_file is not None:
                    on_file(file_rows.source, file_rows.error)
    return report
