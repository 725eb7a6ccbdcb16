"""The four tables of SPEC section 2 as pandas DataFrames, and their CSV/Parquet files.

Documents are turned into rows here and nowhere else. Columns and dtypes are fixed by
:data:`SCHEMAS` (pandas nullable dtypes; topics, roles, kinds and qualifiers are
categoricals with every label as a category, so that tables of different corpora line up).
CSV files are UTF-8 with a BOM, so that Excel shows the Chinese text;
:func:`read_tables` reads them back with the same dtypes.

Example::

    >>> from summarylens.pipeline import process_text
    >>> tables = build_tables(process_text("一、送温暖。慰问困难职工12户。", "a.txt"))
    >>> tables["figures"][["raw", "value", "kind"]].to_dict("records")
    [{'raw': '12户', 'value': 12.0, 'kind': 'households'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import CONTENT_KINDS, FIGURE_KINDS, KINDS, MONEY_TYPES, PERIODS, QUALIFIERS, ROLES, TOPICS, Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: the tables built from documents (SPEC section 2)
DOCUMENT_TABLES: tuple[str, ...] = ("documents", "paragraphs", "figures", "relations")
#: every table of an output folder: those, and ``files`` (one row per input file, SPEC section 6)
TABLE_NAMES: tuple[str, ...] = (*DOCUMENT_TABLES, "files")
#: what happened to an input file (the ``status`` of the ``files`` table)
FILE_STATUSES: tuple[str, ...] = ("read", "empty", "skipped", "failed")


#: column → dtype of each table, in column order (SPEC section 2); a tuple of labels is a
#: categorical dtype with those categories. :data:`SCHEMAS` holds the pandas dtypes.
_DTYPES: dict[str, dict[str, str | tuple[str, ...]]] = {
    "documents": {
        "doc_id": "string", "source": "string", "title": "string", "org": "string",
        "period": tuple(PERIODS), "year": "Int64", "fragment": "boolean",
        "n_chars": "Int64", "n_paragraphs": "Int64", "n_figures": "Int64",
        "duplicate_of": "string", "similarity": "Float64", "text": "string",
    },
    "paragraphs": {
        "doc_id": "string", "para_id": "Int64", "kind": tuple(KINDS), "level": "Int64",
        "heading_path": "string", "role": tuple(ROLES), "topic": tuple(TOPICS),
        "topic_score": "Float64", "start": "Int64", "end": "Int64", "text": "string",
        "repeated": "boolean",
    },
    "figures": {
        "doc_id": "string", "para_id": "Int64", "fig_id": "Int64", "raw": "string",
        "start": "Int64", "end": "Int64", "value": "Float64", "unit": "string",
        "kind": tuple(FIGURE_KINDS), "qualifier": tuple(QUALIFIERS),
        "masked": "boolean", "subject": "string", "per": "string",
        "money_type": tuple(MONEY_TYPES), "topic": tuple(TOPICS),
        "sentence": "string",
    },
    "relations": {
        "doc_id": "string", "total_fig_id": "Int64", "part_fig_ids": "string",
        "parts_sum": "Float64", "consistent": "boolean",
    },
    "files": {
        "source": "string", "status": FILE_STATUSES, "reason": "string", "encoding": "string",
        "bytes": "Int64", "n_documents": "Int64",
    },
}

#: the columns of each table, in order (no pandas needed: the CSV writer uses these)
COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(dtypes) for name, dtypes in _DTYPES.items()}


@cache
def schemas() -> dict[str, dict[str, object]]:
    """Column → pandas dtype of each table (categoricals list every label as a category)."""
    import pandas as pd

    def dtype(spec: str | tuple[str, ...]) -> object:
        return spec if isinstance(spec, str) else pd.CategoricalDtype(categories=list(spec), ordered=False)

    return {name: {column: dtype(spec) for column, spec in dtypes.items()} for name, dtypes in _DTYPES.items()}


def __getattr__(name: str) -> Any:
    if name == "SCHEMAS":  # built on first use: importing pandas is not needed to write CSV
        return schemas()
    if name in ("read_tables", "read_table_csv"):  # they live in summarylens.reading
        from . import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def frame(name: str, rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """A table with the schema of ``name`` from row dicts (empty tables keep their columns)."""
    import pandas as pd

    schema = schemas()[name]
    data = pd.DataFrame.from_records(list(rows), columns=list(schema))
    return data.astype(schema)


#: a table's rows as tuples in column order, holding only None, bool, int, float and str
Rows = list[tuple[object, ...]]


def frame_from_tuples(name: str, rows: Sequence[tuple[object, ...]]) -> pd.DataFrame:
    """A table with the schema of ``name`` from row tuples in column order, built column-wise.

    The fast path of :func:`build_tables` (no object DataFrame, no ``astype``):

    >>> frame_from_tuples("relations", [("甲.txt#1", 0, "1 2", 216.0, True)]).dtypes["parts_sum"]
    Float64Dtype()
    """
    import pandas as pd

    schema = schemas()[name]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    data = {column: pd.array(list(values), dtype=dtype)  # type: ignore[call-overload]
            for (column, dtype), values in zip(schema.items(), columns, strict=True)}
    return pd.DataFrame(data, copy=False)


def _number(value: float | None) -> float | None:
    """A plain float, None for a missing value (NaN included)."""
    return None if value is None or value != value else float(value)


def document_tuples(doc: Document) -> dict[str, Rows]:
    """The rows one document contributes to each table, as tuples in :data:`SCHEMAS` order.

    >>> from summarylens.pipeline import process_text
    >>> document_tuples(process_text("一、送温暖。慰问困难职工12户。", "甲.txt")[0])["figures"][0][:4]
    ('甲.txt#1', 1, 0, '12户')
    """
    doc_id = doc.doc_id
    n_paragraphs = sum(p.kind in CONTENT_KINDS for p in doc.paragraphs)
    return {
        "documents": [(
            doc_id, doc.source, doc.title, doc.org, doc.period, doc.year, doc.fragment,
            len(doc.text), n_paragraphs, len(doc.figures), doc.duplicate_of,
            _number(doc.similarity), doc.text,
        )],
        "paragraphs": [(
            doc_id, p.para_id, p.kind, p.level, p.heading_path or None, p.role, p.topic,
            _number(p.topic_score), p.start, p.end, p.text, p.repeated,
        ) for p in doc.paragraphs],
        "figures": [(
            doc_id, f.para_id, f.fig_id, f.raw, f.start, f.end, _number(f.value), f.unit, f.kind,
            f.qualifier, f.masked, f.subject or None, f.per, f.money_type, f.topic, f.sentence,
        ) for f in doc.figures],
        "relations": [(
            doc_id, r.total_fig_id, " ".join(str(i) for i in r.part_fig_ids),
            _number(r.parts_sum), r.consistent,
        ) for r in doc.relations],
    }


def table_tuples(documents: Iterable[Document]) -> dict[str, Rows]:
    """The rows of every document table for a sequence of documents, as tuples."""
    rows: dict[str, Rows] = {name: [] for name in DOCUMENT_TABLES}
    for doc in documents:
        for name, doc_rows in document_tuples(doc).items():
            rows[name].extend(doc_rows)
    return rows


def build_tables(documents: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The four document tables for a sequence of documents."""
    rows = table_tuples(documents)
    return {name: frame_from_tuples(name, rows[name]) for name in DOCUMENT_TABLES}


def figures_frame(figures: Sequence[object]) -> pd.DataFrame:
    """Figures of one text as a table (SPEC section 2 columns less the ids)."""
    columns = [c for c in COLUMNS["figures"] if c not in ("doc_id", "para_id", "fig_id")]
    rows = [{c: getattr(f, c) for c in columns} for f in figures]
    return frame("figures", rows).drop(columns=["doc_id", "para_id", "fig_id"])


def paragraphs_frame(paragraphs: Sequence[object]) -> pd.DataFrame:
    """Paragraphs of one text as a table (SPEC section 2 columns less ``doc_id``)."""
    rows = [{c: getattr(p, c, None) for c in COLUMNS["paragraphs"]} for p in paragraphs]
    for row in rows:
        row["heading_path"] = row["heading_path"] or None
    return frame("paragraphs", rows).drop(columns=["doc_id"])


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------

CSV_ENCODING = "utf-8-sig"  # a BOM, so that Excel reads UTF-8
CSV_BODY_ENCODING = "utf-8"  # the rows after the header (the BOM opens the file once)


def csv_text(rows: Rows) -> str:
    r"""Rows as CSV text: the dialect of every table file, byte for byte what Python's
    ``csv.writer(handle, lineterminator="\r\n")`` writes (CRLF line ends, as Excel writes).

    A text is quoted when it holds a comma, a double quote (doubled) or a line break;
    ``None`` is an empty cell, anything else is written as ``str()`` gives it. Built a
    column at a time with string methods, which take a quarter (figures) to a third
    (paragraphs) less time than the ``csv`` module, and a fifth of its time for documents,
    whose long texts the module copies character by character; ``tests/test_tables_cli.py``
    holds the two equal on arbitrary rows. Workers render their rows with it and send
    them encoded, so that the one process writing the files only appends bytes
    (:meth:`TableWriter.write_bytes`).

    >>> csv_text([("甲.txt#1", 0, "1 2", 216.0, True), ("乙", None, 'a "b", c', None, False)])
    '甲.txt#1,0,1 2,216.0,True\r\n乙,,"a ""b"", c",,False\r\n'
    """
    if not rows:
        return ""
    lines: Iterable[str] = map(",".join, zip(*map(_cells, zip(*rows, strict=True)), strict=True))
    if len(rows[0]) == 1:  # a lone empty cell is quoted, or the row would read as no row
        lines = (line or '""' for line in lines)
    return "\r\n".join(lines) + "\r\n"


def _cells(column: tuple[object, ...]) -> list[str]:
    """One column's values as CSV cells (see :func:`csv_text`)."""
    return [(value if not ('"' in value or "," in value or "\n" in value or "\r" in value)
             else _quoted(value)) if value.__class__ is str
            else ("" if value is None else str(value)) for value in column]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def frame_rows(table: pd.DataFrame) -> Rows:
    """A table's rows as tuples of plain values (None where missing), for the CSV writer."""
    import pandas as pd

    columns = []
    for column in table.columns:
        values = table[column].astype(object).tolist()
        columns.append([None if v is pd.NA or (isinstance(v, float) and v != v) else v
                        for v in values])
    return list(zip(*columns, strict=True))


class TableWriter:
    """Append tables file by file to CSV or Parquet, keeping memory flat.

    :meth:`write_rows` takes row tuples (:func:`table_tuples`) and skips building a
    DataFrame per file: CSV rows go straight to the files. :meth:`write` takes DataFrames
    and queues them. Queued tables are written every ``batch_documents`` documents (one
    Parquet row group per table). CSV rows are rendered by :func:`csv_text`, byte for
    byte as ``DataFrame.to_csv`` would write them.

    >>> import tempfile
    >>> with TableWriter(tempfile.mkdtemp(), "csv") as writer:
    ...     writer.write(build_tables([]))
    """

    def __init__(self, folder: str | Path, fmt: str = "csv", batch_documents: int = 256) -> None:
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown format {fmt!r}: use 'csv' or 'parquet'")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.batch_documents = batch_documents
        self._pending: dict[str, list[pd.DataFrame]] = {n: [] for n in TABLE_NAMES}
        self._pending_rows: dict[str, Rows] = {n: [] for n in TABLE_NAMES}
        self._pending_docs = 0
        self._handles: dict[str, Any] = {}
        #: rows written so far per table (for the completion record)
        self.row_counts: dict[str, int] = dict.fromkeys(TABLE_NAMES, 0)
        self._open()

    def _open(self) -> None:
        for name in TABLE_NAMES:
            path = self.folder / f"{name}.{self.fmt}"
            if self.fmt == "csv":
                handle = open(path, "w", encoding=CSV_ENCODING, newline="")  # noqa: SIM115
                self._handles[name] = handle
                handle.write(csv_text([COLUMNS[name]]))
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                schema = pa.Schema.from_pandas(frame(name, []), preserve_index=False)
                self._handles[name] = pq.ParquetWriter(path, schema)

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """Queue one batch of tables (e.g. one file's); written every ``batch_documents`` documents."""
        self._rows_to_frames()
        for name, table in tables.items():
            self.row_counts[name] += len(table)
            if len(table):
                self._pending[name].append(table)
        self._count(len(tables.get("documents", ())))

    def write_rows(self, rows: dict[str, Rows]) -> None:
        """Write row tuples (as :func:`table_tuples` gives them) of the tables in ``rows``."""
        for name, table_rows in rows.items():
            self.row_counts[name] += len(table_rows)
        if self.fmt == "csv":
            if any(self._pending.values()):  # DataFrames queued by write() go first
                self._flush_csv()
            for name, table_rows in rows.items():
                self._handles[name].write(csv_text(table_rows))
            return
        for name, table_rows in rows.items():
            self._pending_rows[name].extend(table_rows)
        self._count(len(rows.get("documents", ())))

    def write_bytes(self, texts: dict[str, bytes], n_rows: dict[str, int]) -> None:
        """Append CSV rows already encoded (``csv_text(rows).encode(CSV_BODY_ENCODING)``), CSV only.

        ``n_rows`` says how many rows each table's bytes hold (for :attr:`row_counts`).
        """
        if self.fmt != "csv":
            raise ValueError("CSV rows can only be appended to CSV tables")
        for name, count in n_rows.items():
            self.row_counts[name] += count
        if any(self._pending.values()):
            self._flush_csv()
        for name, data in texts.items():
            handle = self._handles[name]
            handle.flush()  # what was written as text goes first
            handle.buffer.write(data)

    def _count(self, n_documents: int) -> None:
        self._pending_docs += n_documents
        if self._pending_docs >= self.batch_documents:
            self.flush()

    def _rows_to_frames(self) -> None:
        for name in TABLE_NAMES:
            if self._pending_rows[name]:
                self._pending[name].append(frame_from_tuples(name, self._pending_rows[name]))
                self._pending_rows[name] = []

    def flush(self) -> None:
        """Write what is queued (Parquet: one row group per table)."""
        if self.fmt == "csv":
            self._flush_csv()
            return
        import pandas as pd
        import pyarrow as pa

        self._rows_to_frames()
        for name in TABLE_NAMES:
            if not self._pending[name]:
                continue
            batch = pd.concat(self._pending[name], ignore_index=True)
            self._pending[name] = []
            handle = self._handles[name]
            handle.write_table(pa.Table.from_pandas(batch, schema=handle.schema, preserve_index=False))
        self._pending_docs = 0

    def _flush_csv(self) -> None:
        for name in TABLE_NAMES:
            if self._pending[name]:
                import pandas as pd

                batch = pd.concat(self._pending[name], ignore_index=True)
                self._pending[name] = []
                self._handles[name].write(csv_text(frame_rows(batch)))
            self._handles[name].flush()
        self._pending_docs = 0

    def close(self) -> None:
        """Flush and close every file."""
        if self._handles:
            self.flush()
        for handle in self._handles.values():
            handle.close()
        self._handles = {}

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = [
    "COLUMNS",
    "CSV_BODY_ENCODING",
    "CSV_ENCODING",
    "DOCUMENT_TABLES",
    "FILE_STATUSES",
    "TABLE_NAMES",
    "Rows",
    "TableWriter",
    "build_tables",
    "csv_text",
    "document_tuples",
    "figures_frame",
    "frame",
    "frame_from_tuples",
    "frame_rows",
    "paragraphs_frame",
    "schemas",
    "table_tuples",
]
