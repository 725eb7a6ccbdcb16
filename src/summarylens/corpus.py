"""A whole corpus: every file through the pipeline, in order, on one or many cores.

Files go to the workers in batches (:mod:`summarylens.parallel`); results come back in
corpus order, one :class:`~summarylens.filerows.FileRows` per file (its table rows,
MinHash signatures and its row of the ``files`` table), even when it could not be read
(``skipped``) or an error struck while processing it (``failed``: the run goes on); see
:mod:`summarylens.filerows`. Here they become the tables: :func:`read_corpus` builds a
:class:`Corpus` of DataFrames, :func:`extract_corpus` (``summarylens extract``) streams
them into CSV or Parquet files. The output does not depend on ``jobs``.

Example::

    >>> corpus = read_corpus("工会总结/", jobs=2)               # doctest: +SKIP
    >>> corpus.documents.loc[0, ["doc_id", "org", "year"]].tolist()   # doctest: +SKIP
    ['机械厂.txt#1', '机械厂工会', 2023]
    >>> corpus.files.loc[0, ["source", "status", "encoding"]].tolist()  # doctest: +SKIP
    ['机械厂.txt', 'read', 'gb18030']
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .filerows import (
    FileRows,
    FileStatus,
    assemble,
    count_rows,
    iter_file_rows,
    marker,
    rows_batch,
)
from .io import display_path, scan_corpus
from .output import atomic_output, write_record
from .parallel import BATCH_FILES, WINDOW_PER_JOB, default_jobs, file_batches, map_batches
from .records import ReadError
from .sections import LayeredLabeller
from .tables import (
    TABLE_NAMES,
    Rows,
    TableWriter,
    frame_from_tuples,
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
