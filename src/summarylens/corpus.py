"""A whole corpus: every file through the pipeline, in order, on one or many cores.

Files go to the workers in batches (:mod:`summarylens.parallel`); results come back in
corpus order. Each file gives a :class:`FileRows` (its table rows, MinHash signatures
and its row of the ``files`` table), even when it could not be read (``skipped``) or an
error struck while processing it (``failed``: the run goes on). :func:`assemble` is the
one place where a file's rows get their near-duplicate marks and become rows of the
five tables, for :func:`read_corpus`, for :func:`extract_corpus` (``summarylens
extract``, which streams them into CSV or Parquet files) and for
:mod:`summarylens.daskio`; the output does not depend on ``jobs``.

Example::

    >>> corpus = read_corpus("工会总结/", jobs=2)               # doctest: +SKIP
    >>> corpus.documents.loc[0, ["doc_id", "org", "year"]].tolist()   # doctest: +SKIP
    ['机械厂.txt#1', '机械厂工会', 2023]
    >>> corpus.files.loc[0, ["source", "status", "encoding"]].tolist()  # doctest: +SKIP
    ['机械厂.txt', 'read', 'gb18030']
"""

from __future__ import annotations

import functools
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from . import __version__
from .dedup import DuplicateIndex
from .io import display_path, scan_corpus
from .output import atomic_output, write_record
from .parallel import BATCH_FILES, WINDOW_PER_JOB, default_jobs, file_batches, file_size, map_batches
from .pipeline import FileResult, collector_paused, process_file_in_pieces, process_files, source_name, warm_up
from .records import ReadError
from .sections import LayeredLabeller
from .tables import (
    COLUMNS,
    CSV_BODY_ENCODING,
    DOCUMENT_TABLES,
    TABLE_NAMES,
    Rows,
    TableWriter,
    csv_text,
    frame_from_tuples,
    table_tuples,
)
from .tagging import check_subject_tagger, using_subject_tagger

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .words import Tokens, WordTokenizer

__all__ = [
    "BATCH_FILES",
    "WINDOW_PER_JOB",
    "Corpus",
    "ExtractReport",
    "FileRows",
    "FileStatus",
    "assemble",
    "default_jobs",
    "extract_corpus",
    "file_batches",
    "iter_file_rows",
    "map_batches",
    "marker",
    "read_corpus",
    "rows_batch",
]


def renamed_classifier(classifier: LayeredLabeller | None, model: LayeredLabeller | None,
                       where: str) -> LayeredLabeller | None:
    """``classifier``, or the deprecated ``model=`` argument of ``where`` (with a warning)."""
    if model is None:
        return classifier
    if classifier is not None:
        raise TypeError(f"{where}() got both classifier= and its old name model=")
    warnings.warn(f"{where}(model=...) is deprecated; pass classifier=...", DeprecationWarning, stacklevel=3)
    return model


class FileStatus(NamedTuple):
    """A row of the ``files`` table: ``FileStatus('甲.txt', 'read', None, 'gb18030', 5120, 1)``."""

    source: str
    status: str
    reason: str | None
    encoding: str | None
    bytes: int
    n_documents: int


#: a document's near-duplicate mark: ``(duplicate_of, similarity)``
Mark = tuple[str | None, float | None]


@dataclass(frozen=True, slots=True)
class FileRows:
    """One file's table rows (:func:`~summarylens.tables.table_tuples`), and what happened to it.

    Documents rows leave ``duplicate_of``/``similarity`` empty; :func:`assemble` fills them
    in corpus order from ``signatures``. For CSV output the worker renders the other three
    tables itself (``csv_bytes``: table → CSV rows encoded as UTF-8, see
    :func:`~summarylens.tables.csv_text`; bytes pickle as a copy, text would be encoded and
    decoded on the way) and leaves them out of ``rows``; ``n_rows`` and ``counts`` say how
    many rows they hold and what :func:`count_rows` counts in them. ``error`` is set for a
    file ``skipped`` or ``failed`` (``entry.status``). A large file comes in several
    pieces (:data:`BIG_FILE`): every piece but the last has no ``entry``.
    """

    entry: FileStatus | None
    rows: dict[str, Rows] = field(default_factory=dict)
    signatures: tuple[np.ndarray | None, ...] = ()
    error: ReadError | None = None
    csv_bytes: dict[str, bytes] = field(default_factory=dict)
    n_rows: dict[str, int] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)


#: the tables a worker can write out itself: nothing in them waits for the duplicate index
_RENDERED = tuple(name for name in DOCUMENT_TABLES if name != "documents")
#: files larger than this (bytes) are processed in pieces of about :data:`PIECE_CHARS`
#: characters of documents, each written before the next is made, so that memory holds
#: the file's text and one piece instead of every row of it
BIG_FILE = 4_000_000
PIECE_CHARS = 500_000


def rows_batch(paths: list[Path], root: Path, classifier: LayeredLabeller | None,
               render: bool = False) -> Iterator[FileRows]:
    """Process a batch of files into table rows, rendered as CSV when ``render``.

    Small files are processed together (one classifier call); a file larger than
    :data:`BIG_FILE` in pieces, yielded as they are made. An exception from one file does
    not lose the batch: the files are processed again one by one, and the one that
    raises is marked ``failed`` with the exception as its reason. The collector stays
    paused until the rows are rendered (:func:`collector_paused`): for CSV, what is left
    alive then (a few hundred objects) is all it walks.
    """
    small: list[Path] = []
    for path in paths:
        if file_size(path) <= BIG_FILE:
            small.append(path)
            continue
        yield from _small_files(small, root, classifier, render)
        small = []
        yield from _big_file(path, root, classifier, render)
    yield from _small_files(small, root, classifier, render)


def rows_list(paths: list[Path], root: Path, classifier: LayeredLabeller | None,
              render: bool = False) -> list[FileRows]:
    """:func:`rows_batch` as a list (what a worker process sends back)."""
    return list(rows_batch(paths, root, classifier, render))


def _small_files(paths: list[Path], root: Path, classifier: LayeredLabeller | None,
                 render: bool) -> list[FileRows]:
    if not paths:
        return []
    with collector_paused():
        return [_file_rows(path, root, result, failure, render)
                for path, (result, failure) in zip(paths, _guarded(paths, root, classifier), strict=True)]


def _big_file(path: Path, root: Path, classifier: LayeredLabeller | None, render: bool) -> Iterator[FileRows]:
    """The pieces of a large file, then its ``files`` row (see :data:`BIG_FILE`)."""
    source, encoding, n_documents, size = _safe_source(path, root), None, 0, file_size(path)
    try:
        for result in process_file_in_pieces(path, root, classifier, PIECE_CHARS):
            if result.error is not None:
                yield _file_rows(path, root, result, None, render)
                return
            encoding = result.encoding
            piece = _rows_of(result, render)
            n_documents += len(result.documents)
            yield piece
    except Exception as exc:
        reason = _failure_reason(exc) + (f" (after {n_documents} documents, which were kept)"
                                         if n_documents else "")
        yield FileRows(FileStatus(source, "failed", reason, encoding, size, n_documents),
                       error=ReadError(source, reason))
        return
    yield FileRows(_read_entry(source, encoding, size, n_documents))


def _guarded(paths: list[Path], root: Path,
             classifier: LayeredLabeller | None) -> list[tuple[FileResult | None, str | None]]:
    """``(result, None)`` per file, or ``(None, reason)`` for a file whose processing raised."""
    try:
        return [(result, None) for result in process_files(paths, root, classifier)]
    except Exception as exc:
        if len(paths) == 1:
            return [(None, _failure_reason(exc))]
        return [outcome for path in paths for outcome in _guarded([path], root, classifier)]


def _failure_reason(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    return f"error while processing: {type(exc).__name__}" + (f": {message}" if message else "")


def _file_rows(path: Path, root: Path, result: FileResult | None, failure: str | None,
               render: bool) -> FileRows:
    """One file's :class:`FileRows`; an exception while building its rows marks it ``failed``."""
    source = result.source if result is not None else _safe_source(path, root)
    size = file_size(path)
    if result is None or result.error is not None:
        what = "failed" if result is None else "skipped"
        reason = failure if result is None else result.error.reason  # type: ignore[union-attr]
        return FileRows(FileStatus(source, what, reason, None, size, 0),
                        error=ReadError(source, reason or what))
    try:
        piece = _rows_of(result, render)
    except Exception as exc:
        reason = _failure_reason(exc)
        return FileRows(FileStatus(source, "failed", reason, result.encoding, size, 0),
                        error=ReadError(source, reason))
    return replace(piece, entry=_read_entry(source, result.encoding, size, len(result.documents)))


def _rows_of(result: FileResult, render: bool) -> FileRows:
    """The rows of a file's documents (or of a piece of them), without ``entry``."""
    rows = table_tuples(result.documents)
    n_rows = {name: len(rows[name]) for name in _RENDERED}
    counts: Counter[str] = Counter()
    count_rows(counts, {name: rows[name] for name in _RENDERED})
    csv_bytes = {}
    if render:
        csv_bytes = {name: csv_text(rows[name]).encode(CSV_BODY_ENCODING) for name in _RENDERED}
        rows = {"documents": rows["documents"]}
    return FileRows(None, rows, result.signatures, csv_bytes=csv_bytes, n_rows=n_rows, counts=counts)


def _read_entry(source: str, encoding: str | None, size: int, n_documents: int) -> FileStatus:
    return FileStatus(source, "read" if n_documents else "empty",
                      None if n_documents else "no text (empty, or only white space)",
                      encoding, size, n_documents)


def _safe_source(path: Path, root: Path) -> str:
    try:
        return source_name(path, root)
    except Exception:
        return display_path(str(path))


_DUPLICATE_OF = COLUMNS["documents"].index("duplicate_of")
_SIMILARITY = COLUMNS["documents"].index("similarity")


def marker(index: DuplicateIndex | None = None) -> Callable[[str, np.ndarray | None], Mark]:
    """Near-duplicate marks against the documents seen before, in the order asked for."""
    index = index if index is not None else DuplicateIndex()

    def mark(doc_id: str, sig: np.ndarray | None) -> Mark:
        return (None, None) if sig is None else index.add_signature(doc_id, sig)

    return mark


def assemble(file_rows: FileRows, mark: Callable[[str, np.ndarray | None], Mark]) -> dict[str, Rows]:
    """One file's rows for each table: documents with their near-duplicate marks, and ``files``.

    ``mark(doc_id, signature)`` gives ``(duplicate_of, similarity)`` of each document in
    corpus order (:func:`marker`; Dask passes marks computed in a first pass). The one way
    from a file's results to table rows, for :func:`read_corpus`, :func:`extract_corpus`
    and :func:`summarylens.daskio.read_corpus_dask`.
    """
    documents = []
    for row, sig in zip(file_rows.rows.get("documents", ()), file_rows.signatures, strict=True):
        duplicate_of, similarity = mark(row[0], sig)  # type: ignore[arg-type]
        if duplicate_of is not None:
            row = (*row[:_DUPLICATE_OF], duplicate_of, similarity, *row[_SIMILARITY + 1:])
        documents.append(row)
    files: Rows = [tuple(file_rows.entry)] if file_rows.entry is not None else []
    return {**file_rows.rows, "documents": documents, "files": files}


def iter_file_rows(root: str | Path, *, jobs: int = 1, classifier: LayeredLabeller | None = None,
                   files: Sequence[Path] | None = None, render: bool = False) -> Iterator[FileRows]:
    """A :class:`FileRows` per file below ``root`` (or per file of ``files``), in corpus order."""
    root = Path(root)
    paths = list(files) if files is not None else list(scan_corpus(root).files)
    # pieces of a large file are written as they come, in this process; workers send lists
    stream = functools.partial(rows_batch, render=render)
    work = functools.partial(rows_list, render=render) if jobs > 1 else stream
    for batch in map_batches(work, file_batches(paths), root, jobs, classifier,
                             here=_has_big_file, here_function=stream, warm_up=warm_up):
        yield from batch


def _has_big_file(paths: list[Path]) -> bool:
    return any(file_size(path) > BIG_FILE for path in paths)


@dataclass
class Corpus:
    """The five tables of a corpus, and the files that could not be read.

    ``corpus.documents``, ``.paragraphs``, ``.figures``, ``.relations`` are DataFrames
    (SPEC section 2); ``corpus.files`` has one row per input file and what happened to it
    (``read``, ``empty``, ``skipped``, ``failed``); ``corpus.errors`` lists the skipped
    and failed ones as :class:`~summarylens.records.ReadError`.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    figures: pd.DataFrame
    relations: pd.DataFrame
    files: pd.DataFrame
    errors: list[ReadError] = field(default_factory=list)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def to_csv(self, folder: str | Path) -> Path:
        """Write the five tables as CSV files, and the completion record, into ``folder``."""
        return self._write(folder, "csv")

    def to_parquet(self, folder: str | Path) -> Path:
        """Write the five tables as Parquet files (needs pyarrow), and the completion record."""
        return self._write(folder, "parquet")

    def _write(self, folder: str | Path, fmt: str) -> Path:
        started = _now()
        with atomic_output(folder) as temp:
            with TableWriter(temp, fmt) as writer:
                writer.write(self.tables)
            write_record(temp, _record(fmt, None, started, writer.row_counts, self.files["status"].tolist()))
        return Path(folder)

    def tokens(self, *, tokenizer: WordTokenizer | None = None) -> Tokens:
        """The words of the heading and body rows, with offsets (:func:`summarylens.words.tokens`)."""
        from .words import tokens

        return tokens(self, tokenizer=tokenizer)

    def terms(self, by: str = "document", *, tokenizer: WordTokenizer | None = None,
              **drop: Any) -> pd.DataFrame:
        """Tidy term counts: doc_id, (para_id), term, count — ``by="document"`` or ``"paragraph"``.

        Words by jieba with the union dictionary; ``stopwords=True`` drops stop words,
        ``stock_phrases=False`` the genre's stock phrases, ``numbers=False`` bare numbers.

        >>> corpus.terms(by="paragraph").head(1)   # doctest: +SKIP
                 doc_id  para_id term  count
        0  机械厂.txt#1        1   上半年      1
        """
        return self.tokens(tokenizer=tokenizer).terms(by=by, **drop)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{len(t)} {name}" for name, t in self.tables.items())
        return f"<Corpus: {sizes}, {len(self.errors)} unreadable files>"


def read_corpus(path: str | Path, *, jobs: int = 1,
                classifier: LayeredLabeller | None = None, model: LayeredLabeller | None = None,
                subject_tagger: str = "lexicon") -> Corpus:
    """Read a folder (recursively) or one file into a :class:`Corpus`.

    ``classifier`` labels topics and roles (default: the shipped model); ``model`` is its
    old name, deprecated. ``subject_tagger`` names the tagger that chooses the figures'
    subjects: ``"lexicon"`` (default) or ``"jieba"`` (jieba's part-of-speech tagger;
    :mod:`summarylens.tagging`).

    >>> corpus = read_corpus("corpus/")   # doctest: +SKIP
    >>> corpus.errors                     # doctest: +SKIP
    []
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"read_corpus needs a folder or file path (str or Path), not {type(path).__name__}")
    if str(path) == "":
        raise ValueError("read_corpus(''): the path is empty; give a folder or a file")
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    classifier = renamed_classifier(classifier, model, "read_corpus")
    check_subject_tagger(subject_tagger)
    root = Path(path)
    scan = scan_corpus(root)
    rows: dict[str, Rows] = {name: [] for name in TABLE_NAMES}
    errors: list[ReadError] = []
    mark = marker()
    with using_subject_tagger(subject_tagger):
        for file_rows in iter_file_rows(root, jobs=_jobs(jobs, len(scan.files)), classifier=classifier,
                                        files=scan.files):
            for name, table_rows in assemble(file_rows, mark).items():
                rows[name].extend(table_rows)
            if file_rows.error is not None:
                errors.append(file_rows.error)
    return Corpus(**{name: frame_from_tuples(name, rows[name]) for name in TABLE_NAMES}, errors=errors)


def _jobs(jobs: int, n_files: int) -> int:
    from .parallel import resolve_jobs

    return resolve_jobs(jobs, n_files)


@dataclass
class ExtractReport:
    """What :func:`extract_corpus` did: files seen, what happened to each, and row counts.

    ``counts`` has ``documents``, ``fragments``, ``duplicates``, ``characters``,
    ``headings``, ``body``, ``figures``, ``money``, ``relations`` and ``inconsistent``
    (relations whose parts do not add up), e.g. ``report.counts["figures"] == 2072``;
    ``statuses`` counts files by status (``read``, ``empty``, ``skipped``, ``failed``);
    ``others`` counts files of other types that were not read, by suffix.
    """

    files: int = 0
    errors: list[ReadError] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    others: Counter[str] = field(default_factory=Counter)


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
    counts["characters"] += sum(r[_N_CHARS] for r in documents)  # type: ignore[misc]
    counts["headings"] += sum(r[_KIND] == "heading" for r in paragraphs)
    counts["body"] += sum(r[_KIND] == "body" for r in paragraphs)
    counts["figures"] += len(figures)
    counts["money"] += sum(r[_FIGURE_KIND] == "money" for r in figures)
    counts["relations"] += len(relations)
    counts["inconsistent"] += sum(r[_CONSISTENT] is False for r in relations)


def extract_corpus(root: str | Path, out: str | Path, fmt: str = "csv", *, jobs: int = 1,
                   classifier: LayeredLabeller | None = None,
                   files: list[Path] | None = None,
                   on_file: Callable[[FileStatus], None] | None = None,
                   model: LayeredLabeller | None = None,
                   subject_tagger: str = "lexicon") -> ExtractReport:
    """Process a corpus straight into the five table files, streaming, in corpus order.

    What ``summarylens extract`` does: workers return row tuples per batch of files, this
    process marks near-duplicates in order and appends the rows to CSV (or Parquet) in a
    temporary folder beside ``out``, moved into place with a completion record only when
    complete (:func:`summarylens.output.atomic_output`: a run that fails or is stopped
    leaves ``out`` as it was; a second run into the same ``out`` raises
    :class:`~summarylens.output.OutputBusy`). No DataFrame is built per file, and memory
    stays flat however many files there are. The files are byte-identical for any
    ``jobs``. ``on_file(status)`` is called after each file with its ``files`` row.
    ``subject_tagger`` (``"lexicon"`` or ``"jieba"``) as in :func:`read_corpus`.

    >>> report = extract_corpus("corpus/", "out/", jobs=2)   # doctest: +SKIP
    >>> report.counts["documents"], report.errors            # doctest: +SKIP
    (55, [])
    """
    classifier = renamed_classifier(classifier, model, "extract_corpus")
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: use 'csv' or 'parquet'")
    check_subject_tagger(subject_tagger)
    started = _now()
    root = Path(root)
    scan = scan_corpus(root) if files is None else None
    paths = files if files is not None else list(scan.files)  # type: ignore[union-attr]
    report = ExtractReport(files=len(paths), others=scan.others if scan else Counter())
    mark = marker()
    with atomic_output(out) as temp, using_subject_tagger(subject_tagger):
        with TableWriter(temp, fmt) as writer:
            for file_rows in iter_file_rows(root, jobs=jobs, classifier=classifier, files=paths,
                                            render=fmt == "csv"):
                rows = assemble(file_rows, mark)
                writer.write_rows(rows)
                if file_rows.csv_bytes:
                    writer.write_bytes(file_rows.csv_bytes, file_rows.n_rows)
                count_rows(report.counts, {"documents": rows["documents"]})
                report.counts.update(file_rows.counts)
                if file_rows.error is not None:
                    report.errors.append(file_rows.error)
                if file_rows.entry is not None:
                    report.statuses[file_rows.entry.status] += 1
                    if on_file is not None:
                        on_file(file_rows.entry)
        record = _record(fmt, root, started, writer.row_counts, [])
        record["files"] = dict(report.statuses)
        record["other_files"] = dict(report.others)
        record["subject_tagger"] = subject_tagger
        write_record(temp, record)
    return report


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _record(fmt: str, root: Path | None, started: str, row_counts: dict[str, int],
            statuses: list[str]) -> dict[str, object]:
    """The completion record of an output folder (see :mod:`summarylens.output`)."""
    return {
        "summarylens": __version__, "format": fmt, "complete": True,
        "corpus": display_path(str(root.absolute())) if root is not None else None,
        "started": started, "finished": _now(), "rows": dict(row_counts),
        "files": dict(Counter(statuses)),
    }
