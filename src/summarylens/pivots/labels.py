"""Where the pivots' tables come from, and the labels they use: short organisation names,
document labels, organisation types (学校, 医院, 企业 …) and Chinese column names.

    >>> short_org("江海化工集团有限公司工会")
    '江海化工集团公司'
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from .. import lexicons
from ..records import ROLES, TOPICS

#: Chinese column names for :func:`figure_totals` tables (see :func:`chinese`)
FIGURE_COLUMNS: dict[str, str] = {
    "money": "金额（元）", "people": "人数", "person_times": "人次", "households": "户数",
    "n_figures": "数字个数", "n_documents": "文档数",
}

#: organisation types, tried in order on org + title: the first that matches wins (the cues
#: are the lexicon org_types: one regular expression per type, in the file's order)
ORG_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile("|".join(cues))) for name, cues in lexicons.load("org_types").groups("type").items()
)
#: the org type of a document whose org and title say nothing
UNKNOWN_ORG_TYPE = "未注明"

#: what is removed from an organisation's name to make a short label
_ORG_SUFFIX = re.compile(r"(?:工会委员会|工会工作委员会|工会|工委)$")
_COMPANY_WORDS = re.compile(r"有限责任公司|股份有限公司|有限公司")



# ---------------------------------------------------------------------------
# Where the tables come from
# ---------------------------------------------------------------------------

def table_of(data: Any, name: str) -> pd.DataFrame:
    """The table ``name`` of a Corpus (``corpus.paragraphs``), or ``data`` if it is a DataFrame.

    >>> table_of(pd.DataFrame({"a": [1]}), "paragraphs").shape
    (1, 1)
    """
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, dict) and name in data:
        return data[name]
    if hasattr(data, name):
        return getattr(data, name)
    raise TypeError(f"expected a Corpus or the {name} table, got {type(data).__name__}")


def optional_table(data: Any, name: str, given: pd.DataFrame | None) -> pd.DataFrame | None:
    """``given`` if passed, else the table ``name`` of a Corpus ``data``, else None."""
    if given is not None:
        return given
    if isinstance(data, dict):
        return data.get(name)
    return getattr(data, name, None) if not isinstance(data, pd.DataFrame) else None


# ---------------------------------------------------------------------------
# Labels: documents, organisations, topics
# ---------------------------------------------------------------------------

def short_org(org: str | None, max_chars: int = 12) -> str | None:
    """A short label for an organisation: "江海化工集团有限公司工会" → "江海化工集团公司".

    >>> short_org("江北机械制造厂工会"), short_org("宁山县总工会")
    ('江北机械制造厂', '宁山县总工会')
    """
    if org is None or pd.isna(org) or not str(org).strip():
        return None
    name = str(org).strip()
    if not name.endswith("总工会"):
        name = _ORG_SUFFIX.sub("", name) or name
    name = _COMPANY_WORDS.sub("公司", name)
    return name if len(name) <= max_chars else name[: max_chars - 1] + "…"


def _source_label(doc_id: str, max_chars: int) -> str:
    source, _, n = str(doc_id).rpartition("#")
    stem = PurePosixPath(source).stem
    stem = stem if len(stem) <= max_chars - 2 else stem[: max_chars - 3] + "…"
    return f"{stem}#{n}"


def doc_labels(documents: pd.DataFrame, max_chars: int = 12) -> pd.Series:
    """A short, unique label per document for plots: the org, else the file and number.

    A title without an organisation ("上半年工会工作总结范文") names no one, so it is not used.

    Returns a Series indexed by ``doc_id``. Two documents of one org get " (2)", " (3)"….

    >>> docs = pd.DataFrame({"doc_id": ["a.txt#1", "b.txt#1"], "org": ["实验小学工会", None],
    ...                      "title": ["实验小学工会2021年上半年工作总结", None]})
    >>> doc_labels(docs).tolist()
    ['实验小学', 'b#1']
    """
    labels = []
    for row in documents.itertuples(index=False):
        label = short_org(getattr(row, "org", None), max_chars) or _source_label(str(row.doc_id), max_chars)
        labels.append(label)
    series = pd.Series(labels, index=pd.Index(documents["doc_id"], name="doc_id"), name="label")
    rank = series.groupby(series).cumcount()
    return series.where(rank == 0, series + " (" + (rank + 1).astype(str) + ")")


def org_type(documents: pd.DataFrame) -> pd.Series:
    """The kind of organisation behind each document (学校, 医院, 企业, 机关, …), by doc_id.

    Read from the org name, then the title; :data:`UNKNOWN_ORG_TYPE` when neither says.

    >>> docs = pd.DataFrame({"doc_id": ["a#1", "b#1", "c#1"], "title": [None, None, None],
    ...                      "org": ["市第一人民医院工会", "建设局工会", None]})
    >>> org_type(docs).tolist()
    ['医院', '机关', '未注明']
    """
    def classify(org: object, title: object) -> str:
        for text in (org, title):
            if not isinstance(text, str):
                continue
            for name, pattern in ORG_TYPES:
                if pattern.search(str(text)):
                    return name
        return UNKNOWN_ORG_TYPE

    titles = documents["title"] if "title" in documents else pd.Series(None, index=documents.index)
    types = [classify(o, t) for o, t in zip(documents["org"], titles, strict=True)]
    order = [name for name, _ in ORG_TYPES] + [UNKNOWN_ORG_TYPE]
    return pd.Series(pd.Categorical(types, categories=order),
                     index=pd.Index(documents["doc_id"], name="doc_id"), name="org_type")


def chinese(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Rename topic/role labels (index, columns, categories) and figure columns to Chinese.

    >>> chinese(pd.DataFrame({"welfare": [0.5], "women": [0.5]})).columns.tolist()
    ['帮扶与送温暖', '女职工工作']
    """
    names = {**TOPICS, **ROLES, **FIGURE_COLUMNS}
    renamed = table.rename(index=lambda x: names.get(x, x) if isinstance(x, str) else x)
    if isinstance(renamed, pd.DataFrame):
        renamed = renamed.rename(columns=lambda x: names.get(x, x) if isinstance(x, str) else x)
        for column in ("topic", "role"):
            if column in renamed and isinstance(renamed[column].dtype, pd.CategoricalDtype):
                renamed[column] = renamed[column].cat.rename_categories(
                    lambda c: names.get(c, c))
    return renamed


__all__ = [
    "FIGURE_COLUMNS",
    "ORG_TYPES",
    "UNKNOWN_ORG_TYPE",
    "chinese",
    "doc_labels",
    "optional_table",
    "org_type",
    "short_org",
    "table_of",
]
