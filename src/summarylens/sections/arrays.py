"""Labelling without scikit-learn: a fitted classifier's models as arrays.

:class:`SectionModel` is the prediction side of a fitted
:class:`~summarylens.sections.SectionClassifier`, from the arrays of
:mod:`summarylens.sections.linear` only; :func:`default_predictor` gives the shipped one,
loaded from an ``.npz`` cache beside the fitted model's (see
:mod:`summarylens.sections.persistence`). :func:`label_paragraphs` is what the pipeline
calls for one document.

    >>> from summarylens.segmentation import segment_text
    >>> rows = label_paragraphs(segment_text("三、关心职工生活\\n春节前走访慰问困难职工73人。"))
    >>> [(p.kind, p.topic, p.role) for p in rows]
    [('heading', 'welfare', None), ('body', 'welfare', 'work')]
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from . import linear
from .cues import RoleCues, TopicCues, default_topic_cues
from .layers import TOPIC_KINDS, LayeredLabeller
from .persistence import cache_path, default_model, once_per_process, write_atomically
from .text import normalize_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..records import Paragraph

__all__ = ["SectionModel", "default_predictor", "label_paragraphs"]


class SectionModel(LayeredLabeller):
    """The prediction side of a fitted :class:`~summarylens.sections.SectionClassifier`, from arrays only.

    Labels paragraphs as the classifier it was made from does (``label``, ``predict``,
    ``predict_frame``), without importing scikit-learn; it cannot be fitted.
    :func:`default_predictor` returns one, loaded from an ``.npz`` cache in milliseconds.
    ``params`` are the classifier's parameters (``get_params()``).

    >>> from summarylens.segmentation import segment_text
    >>> [p.topic for p in default_predictor().label(segment_text("三、送温暖\\n慰问困难职工73户。"))]
    ['welfare', 'welfare']
    """

    def __init__(self, compiled: linear.Compiled, classes: Sequence[str], role_classes: Sequence[str],
                 **params: Any) -> None:
        self.params = params
        for name, value in params.items():
            setattr(self, name, value)
        self.role_cues_ = RoleCues.of(params.get("role_cues"))
        self.compiled_ = compiled
        self.classes_ = np.asarray(classes)
        self.role_classes_ = np.asarray(role_classes)
        self.topic_model_ = self.role_model_ = None

    @classmethod
    def from_classifier(cls, model: Any) -> SectionModel:
        """The arrays of a fitted classifier (ValueError if its models cannot be expressed so)."""
        if getattr(model, "compiled_", None) is None:
            raise ValueError("this classifier's models cannot be expressed as arrays")
        return cls(model.compiled_, model.classes_, model.role_classes_, **model.get_params())

    def fit(self, X: pd.DataFrame, y: Any = None) -> SectionModel:
        raise TypeError("a SectionModel only predicts; fit a SectionClassifier instead")

    def save(self, path: str | Path | BinaryIO) -> None:
        """Write the arrays, classes and parameters to one ``.npz`` file."""
        params = dict(self.params)
        cues = self.compiled_.topics.cues
        if params.get("topic_cues") is not None and isinstance(cues, TopicCues):  # a user's list, as plain data
            params["topic_cues"] = cues.as_dict()
        if params.get("role_cues") is not None:
            params["role_cues"] = self.role_cues_.words
        groups = {"topics": self.compiled_.topics.arrays(),
                  "meta": {"classes": self.classes_.astype(str), "role_classes": self.role_classes_.astype(str),
                           "params": np.array(json.dumps(params, default=str))}}
        if self.compiled_.roles is not None:
            groups["roles"] = self.compiled_.roles.arrays()
        linear.save_arrays(path, groups)

    @classmethod
    def load(cls, path: str | Path) -> SectionModel:
        """A model written by :meth:`save` (no pickles are read)."""
        groups = linear.load_arrays(path)
        meta = groups["meta"]
        params = json.loads(str(meta["params"]))
        params["ngram_range"] = tuple(params["ngram_range"])
        cues = TopicCues(params["topic_cues"]) if params.get("topic_cues") else default_topic_cues()
        topics = linear.LinearTopics.from_arrays(groups["topics"], preprocess=normalize_text, cues=cues)
        roles = linear.LinearRoles.from_arrays(groups["roles"]) if "roles" in groups else None
        return cls(linear.Compiled(topics, roles), meta["classes"].tolist(), meta["role_classes"].tolist(), **params)


def default_predictor() -> LayeredLabeller:
    """The shipped model for labelling: a :class:`SectionModel`, no scikit-learn import.

    Labels exactly as :func:`~summarylens.sections.default_model` does. Its arrays are
    cached beside the fitted model (``sections-….npz``, same key); the first run in a new
    version fits and compiles the model once.
    """
    return once_per_process("predictor", _load_or_compile_default)


def _load_or_compile_default() -> LayeredLabeller:
    from .training import shipped_labels_dir

    cache = cache_path(shipped_labels_dir(), ".npz")
    if cache is not None and cache.exists():
        with contextlib.suppress(Exception):  # a damaged or foreign file: compile again
            return SectionModel.load(cache)
    model = default_model()
    if getattr(model, "compiled_", None) is None:
        return model
    predictor = SectionModel.from_classifier(model)
    if cache is not None:
        write_atomically(cache, predictor.save)
    return predictor


def label_paragraphs(paragraphs: Sequence[Paragraph], classifier: LayeredLabeller | None = None) -> list[Paragraph]:
    """One document's paragraphs (in order) with topic and topic_score (headings, body), role (body).

    ``classifier=None`` uses :func:`default_predictor`. Title and noise rows come back unchanged.

    >>> from summarylens.segmentation import segment_text
    >>> [p.role for p in label_paragraphs(segment_text("下半年，我们将继续做好困难职工帮扶工作。"))]
    ['plan']
    """
    if not any(p.kind in TOPIC_KINDS for p in paragraphs):
        return list(paragraphs)
    return (classifier or default_predictor()).label(paragraphs)
