"""A whole corpus: every file through the pipeline, in order, on one or many cores.

:func:`iter_documents` is the streaming core used by :func:`read_corpus`, the command
line and the benchmark: files are processed in parallel when ``jobs > 1`` but come back
in corpus order, and near-duplicates are marked in that order, so the output does not
depend on ``jobs``.

Example::

    >>> corpus = read_corpus("corpus/")                       # doctest: +SKIP
    >>> corpus.documents[["doc_id", "org", "year"]].head()   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from . import classify
from .dedup import DuplicateIndex
from .io import iter_corpus_files
from .model import Document, ReadError
from .pipeline import FileResult, process_file
from .tables import TABLE_NAMES, TableWriter, build_tables


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def iter_results(root: str | Path, jobs: int = 1,
                 model: classify.SectionClassifier | None = None,
                 files: list[Path] | None = None) -> Iterator[FileResult]:
    """Process every file below ``root``; yield one :class:`FileResult` per file, in order."""
    root = Path(root)
    paths = files if files is not None else list(iter_corpus_files(root))
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield process_file(path, root, model)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
        chunksize = max(1, min(32, len(paths) // (jobs * 8)))
        yield from pool.map(_process_in_worker, paths, [root] * len(paths), chunksize=chunksize)


_WORKER_MODEL: classify.SectionClassifier | None = None


def _init_worker(model: classify.SectionClassifier | None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model


def _process_in_worker(path: Path, root: Path) -> FileResult:
    return process_file(path, root, _WORKER_MODEL)


def mark_duplicates(result: FileResult, index: DuplicateIndex) -> list[Document]:
    """The documents of one file with ``duplicate_of``/``similarity`` against earlier ones."""
    marked = []
    for doc, sig in zip(result.documents, result.signatures, strict=True):
        duplicate_of, similarity = (None, None) if sig is None else index.add_signature(doc.doc_id, sig)
        marked.append(replace(doc, duplicate_of=duplicate_of, similarity=similarity))
    return marked


def iter_documents(root: str | Path, jobs: int = 1,
                   model: classify.SectionClassifier | None = None,
                   errors: list[ReadError] | None = None) -> Iterator[tuple[FileResult, list[Document]]]:
    """Yield ``(file result, marked documents)`` per file; unreadable files go to ``errors``."""
    index = DuplicateIndex()
    for result in iter_results(root, jobs=jobs, model=model):
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
    (SPEC section 2); ``corpus.errors`` lists :class:`~summarylens.model.ReadError`.
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
                model: classify.SectionClassifier | None = None) -> Corpus:
    """Read a folder (recursively) or one file into a :class:`Corpus`.

    >>> corpus = read_corpus("corpus/")   # doctest: +SKIP
    >>> corpus.errors                     # doctest: +SKIP
    []
    """
    errors: list[ReadError] = []
    documents = [doc for _, docs in iter_documents(path, jobs=jobs, model=model, errors=errors)
                 for doc in docs]
    return Corpus(**build_tables(documents), errors=errors)
