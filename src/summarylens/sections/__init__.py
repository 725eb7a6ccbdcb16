"""Topic and role of every heading and body paragraph: a layered, trainable classifier.

The topics and roles are those of SPEC section 3. The package follows the data:

* :mod:`~summarylens.sections.text` — what the classifier reads (markers dropped, numbers
  folded, heading keys);
* :mod:`~summarylens.sections.cues` — cue words (from ``summarylens/lexicons``) and cue
  patterns; :mod:`~summarylens.sections.counting` counts them over many texts at once;
* :mod:`~summarylens.sections.rows` — paragraphs DataFrames as rows grouped by document;
* :mod:`~summarylens.sections.features` — role features; :mod:`~summarylens.sections.roles`
  — role priors and per-document decoding (Viterbi);
* :mod:`~summarylens.sections.layers` — headings, lead-ins and roles layered over
  own-words topics (the prediction shared by both model kinds);
* :mod:`~summarylens.sections.estimator` — :class:`SectionClassifier`, the scikit-learn
  estimator; :mod:`~summarylens.sections.training` — label files → training frame;
* :mod:`~summarylens.sections.linear` and :mod:`~summarylens.sections.arrays` — the
  fitted models as NumPy arrays (:class:`SectionModel`), labelling without scikit-learn;
* :mod:`~summarylens.sections.persistence` — save, load, and the cached default model.

``topic_score`` is the probability of the chosen topic after layering.
``SectionClassifier`` is imported on first use (it imports scikit-learn), so
``import summarylens`` stays cheap.

Example::

    >>> from summarylens.segmentation import segment_text
    >>> rows = label_paragraphs(segment_text("三、关心职工生活\\n春节前走访慰问困难职工73人。"))
    >>> [(p.kind, p.topic, p.role) for p in rows]
    [('heading', 'welfare', None), ('body', 'welfare', 'work')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arrays import SectionModel, default_predictor, label_paragraphs
from .cues import ROLE_CUES, TOPIC_CUES, TopicCues
from .layers import OTHER, TOPIC_KINDS, LayeredLabeller
from .persistence import default_model, load_model, save_model
from .text import PATH_SEP, normalize_text
from .training import shipped_labels_dir, train_from_labels, training_frame

if TYPE_CHECKING:  # pragma: no cover
    from .estimator import SectionClassifier


def __getattr__(name: str) -> object:
    if name == "SectionClassifier":  # imported on first use: scikit-learn is slow to import
        from .estimator import SectionClassifier

        return SectionClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "OTHER",
    "PATH_SEP",
    "ROLE_CUES",
    "TOPIC_CUES",
    "TOPIC_KINDS",
    "LayeredLabeller",
    "SectionClassifier",
    "SectionModel",
    "TopicCues",
    "default_model",
    "default_predictor",
    "label_paragraphs",
    "load_model",
    "normalize_text",
    "save_model",
    "shipped_labels_dir",
    "train_from_labels",
    "training_frame",
]
