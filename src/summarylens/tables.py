"""The four tables of SPEC section 2 as pandas DataFrames, and their CSV/Parquet files.

Documents are turned into rows here and nowhere else. Columns and dtypes are fixed by
:data:`SCHEMAS` (pandas nullable dtypes; topics, roles, kinds and qualifiers are
categoricals with every label as a category, so that tables of different corpora line up).
CSV files are UTF-8 with a BOM, so that Excel shows the Chinese text;
:func:`read_tables` reads them back with the same dtypes.

Example::

    >>> from summarylens.pipeline import process_text
    >>> tables = build_tables(process_text("一、送温暖。慰问困难职工12户。", "a.txt"))
    >>> tables["figures"].loc[0, ["raw", "value", "kind"]].tolist()
    ['12户', 12.0, 'households']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from .model import FIGURE_KINDS, KINDS, PERIODS, QUALIFIERS, ROLES, TOPICS, Document

TABLE_NAMES: tuple[str, ...] = ("documents", "paragraphs", "figures", "relations")


def _category(values: Iterable[str]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(categories=list(values), ordered=False)


#: column → dtype of each table, in column order (SPEC section 2)
SCHEMAS: dict[str, dict[str, object]] = {
    "documents": {
        "doc_id": "string", "source": "string", "title": "string", "org": "string",
        "period": _category(PERIODS), "year": "Int64", "fragment": "boolean",
        "n_chars": "Int64", "n_paragraphs": "Int64", "n_figures": "Int64",
        "duplicate_of": "string", "similarity": "Float64", "text": "string",
    },
    "paragraphs": {
        "doc_id": "string", "para_id": "Int64", "kind": _category(KINDS), "level": "Int64",
        "heading_path": "string", "role": _category(ROLES), "topic": _category(TOPICS),
        "topic_score": "Float64", "start": "Int64", "end": "Int64", "text": "string",
    },
    "figures": {
        "doc_id": "string", "para_id": "Int64", "fig_id": "Int64", "raw": "string",
        "start": "Int64", "end": "Int64", "value": "Float64", "unit": "string",
        "kind": _category(FIGURE_KINDS), "qualifier": _category(QUALIFIERS),
        "masked": "boolean", "subject": "string", "topic": _category(TOPICS),
        "sentence": "string",
    },
    "relations": {
        "doc_id": "string", "total_fig_id": "Int64", "part_fig_ids": "string",
        "parts_sum": "Float64", "consistent": "boolean",
    },
}


def frame(name: str, rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """A table with the schema of ``name`` from row dicts (empty tables keep their columns)."""
    schema = SCHEMAS[name]
    data = pd.DataFrame.from_records(list(rows), columns=list(schema))
    return data.astype(schema)


def document_rows(doc: Document) -> dict[str, list[dict[str, object]]]:
    """The rows one document contributes to each table."""
    return {
        "documents": [{
            "doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "org": doc.org,
            "period": doc.period, "year": doc.year, "fragment": doc.fragment,
            "n_chars": len(doc.text),
            "n_paragraphs": sum(p.kind in ("heading", "body") for p in doc.paragraphs),
            "n_figures": len(doc.figures), "duplicate_of": doc.duplicate_of,
            "similarity": doc.similarity, "text": doc.text,
        }],
        "paragraphs": [{
            "doc_id": doc.doc_id, "para_id": p.para_id, "kind": p.kind, "level": p.level,
            "heading_path": p.heading_path or None, "role": p.role, "topic": p.topic,
            "topic_score": p.topic_score, "start": p.start, "end": p.end, "text": p.text,
        } for p in doc.paragraphs],
        "figures": [{
            "doc_id": doc.doc_id, "para_id": f.para_id, "fig_id": f.fig_id, "raw": f.raw,
            "start": f.start, "end": f.end, "value": f.value, "unit": f.unit, "kind": f.kind,
            "qualifier": f.qualifier, "masked": f.masked, "subject": f.subject or None,
            "topic": f.topic, "sentence": f.sentence,
        } for f in doc.figures],
        "relations": [{
            "doc_id": doc.doc_id, "total_fig_id": r.total_fig_id,
            "part_fig_ids": " ".join(str(i) for i in r.part_fig_ids),
            "parts_sum": r.parts_sum, "consistent": r.consistent,
        } for r in doc.relations],
    }


def build_tables(documents: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The four tables for a sequence of documents."""
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLE_NAMES}
    for doc in documents:
        for name, doc_rows in document_rows(doc).items():
            rows[name].extend(doc_rows)
    return {name: frame(name, rows[name]) for name in TABLE_NAMES}


def figures_frame(figures: Sequence[object]) -> pd.DataFrame:
    """Figures of one text as a table (SPEC section 2 columns less the ids)."""
    columns = [c for c in SCHEMAS["figures"] if c not in ("doc_id", "para_id", "fig_id")]
    rows = [{c: getattr(f, c) for c in columns} for f in figures]
    return frame("figures", rows).drop(columns=["doc_id", "para_id", "fig_id"])


def paragraphs_frame(paragraphs: Sequence[object]) -> pd.DataFrame:
    """Paragraphs of one text as a table (SPEC section 2 columns less ``doc_id``)."""
    rows = [{c: getattr(p, c, None) for c in SCHEMAS["paragraphs"]} for p in paragraphs]
    for row in rows:
        row["heading_path"] = row["heading_path"] or None
    return frame("paragraphs", rows).drop(columns=["doc_id"])


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------

CSV_ENCODING = "utf-8-sig"  # a BOM, so that Excel reads UTF-8


def write_csv(table: pd.DataFrame, path: str | Path) -> None:
    """Write one table as Excel-safe CSV (UTF-8 with BOM, every text field quoted as needed)."""
    table.to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\r\n")


def read_table_csv(name: str, path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_csv` back with its schema's dtypes."""
    schema = SCHEMAS[name]
    raw = pd.read_csv(path, encoding=CSV_ENCODING, dtype=str, keep_default_na=False,
                      na_values=[""])
    for column, dtype in schema.items():
        if dtype == "boolean":
            raw[column] = raw[column].map({"True": True, "False": False}, na_action="ignore")
        elif dtype in ("Int64", "Float64"):
            raw[column] = pd.to_numeric(raw[column])
    return raw.astype(schema)[list(schema)]


def read_tables(folder: str | Path, fmt: str | None = None) -> dict[str, pd.DataFrame]:
    """Read the four tables from a folder written by ``summarylens extract`` or ``Corpus.to_csv``."""
    folder = Path(folder)
    fmt = fmt or ("parquet" if (folder / "documents.parquet").exists() else "csv")
    if fmt == "parquet":
        return {n: pd.read_parquet(folder / f"{n}.parquet").astype(SCHEMAS[n]) for n in TABLE_NAMES}
    return {n: read_table_csv(n, folder / f"{n}.csv") for n in TABLE_NAMES}


class TableWriter:
    """Append tables file by file to CSV or Parquet, keeping memory flat.

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
        self._pending_docs = 0
        self._handles: dict[str, object] = {}
        self._open()

    def _open(self) -> None:
        for name in TABLE_NAMES:
            path = self.folder / f"{name}.{self.fmt}"
            if self.fmt == "csv":
                handle = open(path, "w", encoding=CSV_ENCODING, newline="")  # noqa: SIM115
                frame(name, []).to_csv(handle, index=False, lineterminator="\r\n")
                self._handles[name] = handle
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                schema = pa.Schema.from_pandas(frame(name, []), preserve_index=False)
                self._handles[name] = pq.ParquetWriter(path, schema)

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """Queue one batch of tables (e.g. one file's); flushed every ``batch_documents``."""
        for name in TABLE_NAMES:
            if len(tables[name]):
                self._pending[name].append(tables[name])
        self._pending_docs += len(tables["documents"])
        if self._pending_docs >= self.batch_documents:
            self.flush()

    def flush(self) -> None:
        """Write what is queued."""
        for name in TABLE_NAMES:
            if not self._pending[name]:
                continue
            batch = pd.concat(self._pending[name], ignore_index=True)
            self._pending[name] = []
            handle = self._handles[name]
            if self.fmt == "csv":
                batch.to_csv(handle, index=False, header=False, lineterminator="\r\n")
            else:
                import pyarrow as pa

                handle.write_table(pa.Table.from_pandas(batch, schema=handle.schema,
                                                        preserve_index=False))
        self._pending_docs = 0

    def close(self) -> None:
        """Flush and close every file."""
        self.flush()
        for handle in self._handles.values():
            handle.close()
        self._handles = {}

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
