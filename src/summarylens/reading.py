"""Reading tables back: from our own files, or from files a spreadsheet re-saved.

A folder is read only if it holds a completion record (see :mod:`summarylens.output`),
in the format that record names; spreadsheets' ways of saving (TRUE/FALSE, GBK, an
index column) are undone, and anything that cannot be undone is an error that names the
file and the column.

Example::

    >>> tables = read_tables("结果/")                      # doctest: +SKIP
    >>> tables["figures"].groupby("kind", observed=True)["value"].sum()   # doctest: +SKIP
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from .output import RECORD, read_record
from .tables import TABLE_NAMES, schemas

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_table_csv", "read_tables"]


def read_tables(folder: str | Path, fmt: str | None = None, *,
                partial: bool = False) -> dict[str, pd.DataFrame]:
    """Read the five tables of a folder written by ``summarylens extract`` or ``Corpus.to_csv``.

    The folder must hold a completion record (``_summarylens.json``): without it, the
    tables may be those of an interrupted run, and a ``ValueError`` says so;
    ``partial=True`` reads what is there on purpose (tables that are missing are left
    out). The format is ``fmt`` if given, else the one the record names, never a stale
    file of the other format. CSV files may have been re-saved by a spreadsheet:
    booleans as TRUE/FALSE, true/false or 1/0, with or without a BOM, CRLF line ends,
    GBK/GB18030 instead of UTF-8, an extra index column.

    >>> tables = read_tables("结果/")                       # doctest: +SKIP
    >>> tables["files"].query("status != 'read'")           # doctest: +SKIP
    """
    import pandas as pd

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no such folder of tables: {folder}")
    record = read_record(folder)
    if record is None and not partial:
        raise ValueError(f"{folder} has no completion record ({RECORD}): it is not a finished "
                         "summarylens output (an interrupted or failed run?); "
                         "read_tables(folder, partial=True) reads what is there anyway")
    if fmt is None:
        fmt = str(record.get("format", "")) if record else ""
        if not fmt:
            present = {f for f in ("csv", "parquet") if (folder / f"documents.{f}").exists()}
            if len(present) > 1:
                raise ValueError(f"{folder} holds both CSV and Parquet tables and no completion "
                                 "record to say which is current: pass fmt='csv' or fmt='parquet'")
            fmt = present.pop() if present else "csv"
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: use 'csv' or 'parquet'")
    tables = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.{fmt}"
        if partial and not path.exists():
            continue
        if fmt == "parquet":
            try:
                raw = pd.read_parquet(path)
            except Exception as exc:
                raise ValueError(f"{path}: not a readable Parquet table ({exc})") from exc
            tables[name] = _with_schema(name, path, raw)
        else:
            tables[name] = read_table_csv(name, path)
    return tables


def read_table_csv(name: str, path: str | Path) -> pd.DataFrame:
    """Read one CSV table back with its schema's dtypes, as saved by us or by a spreadsheet."""
    import pandas as pd

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileNotFoundError(f"cannot read table {path}: {exc.strerror or exc}") from exc
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on a Chinese Windows saves "ANSI": GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{path}: not UTF-8 or GB18030 text, cannot read the table")
    del data
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    return _with_schema(name, path, raw)


_BOOLEANS = {"true": True, "false": False, "1": True, "0": False, "1.0": True, "0.0": False}


def _with_schema(name: str, path: Path, raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` with the columns of table ``name``, in order and typed; extra columns dropped."""
    import pandas as pd

    schema = schemas()[name]
    missing = [column for column in schema if column not in raw.columns]
    if missing:
        raise ValueError(f"{path}: column {missing[0]!r} is missing (a {name} table has "
                         f"{', '.join(schema)})")
    raw = raw[list(schema)].copy()
    for column, dtype in schema.items():
        if raw[column].dtype != object and not pd.api.types.is_string_dtype(raw[column]):
            continue  # Parquet: typed already
        if dtype == "boolean":
            keys = raw[column].str.strip().str.lower()
            values = keys.map(_BOOLEANS, na_action="ignore")
            bad = keys[keys.notna() & values.isna()]
            if len(bad):
                raise ValueError(f"{path}: column {column!r} holds {bad.iloc[0]!r}, not TRUE/FALSE")
            raw[column] = values
        elif dtype in ("Int64", "Float64"):
            try:
                raw[column] = pd.to_numeric(raw[column])
            except ValueError as exc:
                raise ValueError(f"{path}: column {column!r}: {exc}") from None
    try:
        return raw.astype(schema)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: {exc}") from None
