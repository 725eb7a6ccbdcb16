"""Paragraph labels in a plain, diff-friendly file format: one TSV per source file.

Columns: ``doc_id  para_id  kind  topic  role  text``. ``topic`` is one of
:data:`~summarylens.records.TOPICS` for headings and body rows; ``role`` one of
:data:`~summarylens.records.ROLES` for body rows (empty for headings). Labels are joined
to paragraphs on ``(doc_id, text)``, so they survive small changes of segmentation;
``para_id`` is there for reading order only.

A researcher labels their own corpus by writing a template, filling the two columns in
a spreadsheet or text editor, and training on it::

    summarylens labels-template corpus/ --out my_labels/
    summarylens train my_labels/ --out my_model.joblib

Example::

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["a.txt#1"], "para_id": [0], "kind": ["body"],
    ...                      "topic": ["welfare"], "role": ["work"], "text": ["慰问困难职工12户。"]})
    >>> validate_labels(rows).empty
    True
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .records import CONTENT_KINDS, ROLES, TOPICS

LABEL_COLUMNS: tuple[str, ...] = ("doc_id", "para_id", "kind", "topic", "role", "text")
#: paragraph kinds that carry labels
LABELLED_KINDS = tuple(sorted(CONTENT_KINDS))


def label_file_name(source: str) -> str:
    """File name of a source's labels: "more/301_x.txt" → "more__301_x.tsv"."""
    stem = source[:-4] if source.lower().endswith(".txt") else source
    return stem.replace("/", "__") + ".tsv"


def write_template(paragraphs: pd.DataFrame, folder: str | Path) -> list[Path]:
    """Write one label TSV per source for the heading/body rows of a paragraphs table.

    Existing ``topic``/``role`` values of the table are kept (so a model's guesses can be
    corrected rather than typed from scratch).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = paragraphs[paragraphs["kind"].isin(LABELLED_KINDS)].copy()
    rows["source"] = rows["doc_id"].str.rsplit("#", n=1).str[0]
    written = []
    for source, group in rows.groupby("source", sort=False):
        path = folder / label_file_name(str(source))
        group[list(LABEL_COLUMNS)].to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL)
        written.append(path)
    return written


def read_labels(path: str | Path) -> pd.DataFrame:
    """Read one label TSV, or every ``*.tsv`` below a folder, into one table."""
    path = Path(path)
    files = sorted(path.rglob("*.tsv")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no label files (*.tsv) in {path}")
    frames = [pd.read_csv(f, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
              for f in files]
    labels = pd.concat(frames, ignore_index=True)
    missing = set(LABEL_COLUMNS) - set(labels.columns)
    if missing:
        raise ValueError(f"label files need the columns {LABEL_COLUMNS}; missing {sorted(missing)}")
    labels["para_id"] = pd.to_numeric(labels["para_id"]).astype("Int64")
    for column in ("topic", "role"):
        stripped = labels[column].str.strip()
        labels[column] = stripped.where(stripped != "", pd.NA)
    return labels[list(LABEL_COLUMNS)].astype({c: "string" for c in LABEL_COLUMNS if c != "para_id"})


def validate_labels(labels: pd.DataFrame) -> pd.DataFrame:
    """The rows whose topic or role is not a known label (empty when all are valid)."""
    bad_topic = labels["topic"].notna() & ~labels["topic"].isin(list(TOPICS))
    bad_role = labels["role"].notna() & ~labels["role"].isin(list(ROLES))
    return labels[bad_topic | bad_role]


__all__ = [
    "LABELLED_KINDS",
    "LABEL_COLUMNS",
    "label_file_name",
    "read_labels",
    "validate_labels",
    "write_template",
]
