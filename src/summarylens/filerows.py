"""One file's way to table rows: a batch of files through the pipeline (here or in worker
processes), each file's rows with its ``files`` row, and the near-duplicate marks added in
corpus order.

:func:`iter_file_rows` gives a :class:`FileRows` per file, in corpus order, even for a file
that could not be read (``skipped``) or failed while being processed (``failed``: the
run goes on). :func:`assemble` is the one place where a file's rows get their
near-duplicate marks and become rows of the five tables, for
:func:`summarylens.read_corpus`, :func:`summarylens.corpus.extract_corpus` and
:mod:`summarylens.daskio`.

Example::

    >>> rows = next(iter_file_rows("工会总结/"))                 # doctest: +SKIP
    >>> rows.entry                                                # doctest: +SKIP
    FileStatus(source='机械厂.txt', status='read', reason=None, encoding='gb18030', bytes=5120, n_documents=1)
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .dedup import DuplicateIndex
from .io import display_path, scan_corpus
from .parallel import file_batches, file_size, map_batches
from .pipeline import FileResult, collector_paused, process_file_in_pieces, process_files, source_name, warm_up
from .records import ReadError
from .sections import LayeredLabeller
from .tables import COLUMNS, CSV_BODY_ENCODING, DOCUMENT_TABLES, Rows, csv_text, table_tuples

__all__ = [
    "BIG_FILE",
    "PIECE_CHARS",
    "FileRows",
    "FileStatus",
    "Mark",
    "assemble",
    "count_rows",
    "iter_file_rows",
    "marker",
    "rows_batch",
    "rows_list",
]

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
