"""Label files → the training frame a classifier fits on, and ``summarylens train``.

Label files (TSV: ``doc_id``, ``para_id``, ``kind``, ``topic``, ``role``, ``text``; see
:mod:`summarylens.labels`) hold the headings and body paragraphs of documents with their
topics and roles. :func:`training_frame` checks them and rebuilds each row's
``heading_path`` as the segmenter builds it, so the model sees the same paths in
training as in use; :func:`train_from_labels` fits and saves a model.

    >>> frame = training_frame(shipped_labels_dir())
    >>> {"text", "kind", "heading_path", "topic", "role"} <= set(frame.columns)
    True
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["shipped_labels_dir", "train_from_labels", "training_frame", "with_heading_paths"]


def with_heading_paths(labels: pd.DataFrame) -> pd.DataFrame:
    """Add ``heading_path`` to label rows, rebuilt from the headings of each document.

    The chain is built as the segmenter builds it (:func:`summarylens.segmentation.heading_paths`),
    so the model sees the same paths in training as in use.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["a#1"] * 3, "para_id": [0, 1, 2],
    ...                      "kind": ["heading", "heading", "body"],
    ...                      "text": ["一、送温暖", "1、走访慰问。", "慰问73人。"]})
    >>> with_heading_paths(rows)["heading_path"].tolist()
    ['', '一、送温暖', '一、送温暖 > 1、走访慰问']
    """
    import pandas as pd

    frame = labels.copy()
    frame["_order"] = pd.to_numeric(frame["para_id"], errors="coerce").fillna(-1)
    frame = frame.sort_values(["doc_id", "_order"], kind="stable")
    paths: dict[Any, str] = {}
    for _doc, group in frame.groupby("doc_id", sort=False):
        paths.update(_document_paths(group))
    frame["heading_path"] = pd.Series(paths, dtype="string")
    return frame.drop(columns="_order").loc[labels.index]


def _document_paths(group: pd.DataFrame) -> dict[Any, str]:
    from ..segmentation import heading_paths

    rows = list(zip(group["kind"], group["text"], strict=True))
    return dict(zip(group.index, heading_paths(rows), strict=True))


def training_frame(labels_path: str | Path) -> pd.DataFrame:
    """Label files (a TSV or a folder of them) as a frame ``fit`` reads, with heading paths."""
    from ..labels import LABELLED_KINDS, read_labels, validate_labels

    labels = read_labels(labels_path)
    bad = validate_labels(labels)
    if not bad.empty:
        first = bad.iloc[0]
        raise ValueError(f"{len(bad)} label rows have an unknown topic or role, e.g. "
                         f"{first['doc_id']} para {first['para_id']}: "
                         f"topic={first['topic']!r} role={first['role']!r}")
    labels = labels[labels["kind"].isin(LABELLED_KINDS)].reset_index(drop=True)
    return with_heading_paths(labels)


def shipped_labels_dir() -> Path:
    """The folder of label files shipped in the package (``summarylens/data/labels``)."""
    from importlib.resources import files

    return Path(str(files("summarylens") / "data" / "labels"))


def train_from_labels(labels_path: Path, out: Path) -> str:
    """Fit a classifier on label files and save it; return a short report to print.

    ``summarylens train my_labels/ --out my_model.joblib`` calls this.
    """
    from .estimator import SectionClassifier
    from .persistence import save_model

    started = time.perf_counter()
    frame = training_frame(labels_path)
    model = SectionClassifier().fit(frame)
    save_model(model, out, training=frame)
    topics = frame["topic"].value_counts()
    roles = frame.loc[frame["kind"] == "body", "role"].value_counts()
    lines = [
        f"trained on {int(frame['topic'].notna().sum())} labelled rows "
        f"({frame['doc_id'].nunique()} documents) in {time.perf_counter() - started:.1f} s",
        "  topics: " + ", ".join(f"{k} {v}" for k, v in topics.items()),
        "  roles:  " + ", ".join(f"{k} {v}" for k, v in roles.items()),
        f"saved to {out}; use it with 'summarylens extract CORPUS --model {out}'",
    ]
    return "\n".join(lines)
