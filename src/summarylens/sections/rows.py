"""Paragraph rows as the classifier reads them: from a DataFrame, grouped by document.

``fit`` and ``predict`` take a paragraphs DataFrame (``text``, ``kind``,
``heading_path``, ``doc_id``, ``para_id``); labelling from the pipeline takes
:class:`~summarylens.records.Paragraph` records. Both become :class:`Rows`: plain lists
and, per document, its row indices in reading order.

    >>> import pandas as pd
    >>> rows = rows_from_frame(pd.DataFrame({"text": ["一、送温暖", "慰问73户"], "kind": ["heading", "body"],
    ...                                      "heading_path": ["", "一、送温暖"]}))
    >>> rows.kinds, covered_rows(rows, rows.groups[0], 0)
    (['heading', 'body'], [1])
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .text import PATH_SEP, text_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Rows", "check_labels", "covered_rows", "resolve_targets", "rows_from_frame"]


@dataclass(frozen=True, slots=True)
class Rows:
    """Paragraph rows as plain lists; ``groups`` are row indices per document, in order."""

    texts: list[str]
    kinds: list[str]
    paths: list[str]
    groups: list[np.ndarray]

    def __len__(self) -> int:
        return len(self.texts)


def _column(frame: pd.DataFrame, name: str, default: str) -> list[str]:
    import pandas as pd

    if name not in frame.columns:
        return [default] * len(frame)
    return ["" if v is None or v is pd.NA or v != v else str(v) for v in frame[name].tolist()]


def rows_from_frame(X: pd.DataFrame) -> Rows:
    """Read ``text``, ``kind``, ``heading_path`` (and ``doc_id``, ``para_id``) from ``X``."""
    import pandas as pd

    if not isinstance(X, pd.DataFrame):
        raise TypeError("SectionClassifier expects a paragraphs DataFrame with a 'text' column")
    if "text" not in X.columns:
        raise ValueError("the paragraphs DataFrame needs a 'text' column")
    texts = _column(X, "text", "")
    kinds = [k or "body" for k in _column(X, "kind", "body")]
    paths = _column(X, "heading_path", "")
    docs: Sequence[Hashable] = _column(X, "doc_id", "") if "doc_id" in X.columns else [""] * len(X)
    order = (pd.to_numeric(X["para_id"], errors="coerce").fillna(-1).to_numpy()
             if "para_id" in X.columns else np.arange(len(X)))
    return Rows(texts, kinds, paths, _groups(docs, order))


def _groups(docs: Sequence[Hashable], order: np.ndarray) -> list[np.ndarray]:
    """Row indices of each document (first-appearance order), sorted by ``order``."""
    by_doc: dict[Hashable, list[int]] = {}
    for i, doc in enumerate(docs):
        by_doc.setdefault(doc, []).append(i)
    groups = []
    for indices in by_doc.values():
        idx = np.asarray(indices, dtype=int)
        groups.append(idx[np.argsort(order[idx], kind="stable")])
    return groups


def covered_rows(rows: Rows, group: Sequence[int] | np.ndarray, position: int) -> list[int]:
    """The rows under the heading at ``group[position]`` (they follow it, inside its path)."""
    i = group[position]
    own_path = PATH_SEP.join(p for p in (rows.paths[i], text_key(rows.texts[i])) if p)
    covered = []
    for j in group[position + 1:]:
        path = rows.paths[j]
        if path != own_path and not path.startswith(own_path + PATH_SEP):
            break
        covered.append(int(j))
    return covered


def resolve_targets(X: pd.DataFrame, y: Any) -> tuple[list[str | None], list[str | None]]:
    """Topic and role labels from ``y`` (Series/array of topics, or a frame) or from ``X``."""
    import pandas as pd

    if y is None:
        topics, roles = X.get("topic"), X.get("role")
        if topics is None:
            raise ValueError("fit needs y, or 'topic' (and 'role') columns in X")
    elif isinstance(y, pd.DataFrame):
        topics, roles = y["topic"], y.get("role")
    else:
        topics, roles = y, X.get("role")
    return _labels(topics, len(X)), _labels(roles, len(X))


def _labels(values: Any, n: int) -> list[str | None]:
    import pandas as pd

    if values is None:
        return [None] * n
    out = [None if v is None or v is pd.NA or v != v or str(v).strip() == "" else str(v).strip()
           for v in list(values)]
    if len(out) != n:
        raise ValueError(f"got {len(out)} labels for {n} rows")
    return out


def check_labels(values: list[str | None], known: dict[str, str], what: str) -> None:
    """Raise ValueError naming the labels of ``values`` that are not in ``known``."""
    unknown = sorted({v for v in values if v is not None and v not in known})
    if unknown:
        raise ValueError(f"unknown {what} labels {unknown}; expected one of {list(known)}")

