"""Topic and role of every heading and body paragraph (being built: see issue 4)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Paragraph


class SectionClassifier:  # placeholder until the sections issue lands
    """Placeholder estimator; the sections issue replaces this module."""


def label_paragraphs(paragraphs: Sequence[Paragraph], model: SectionClassifier | None = None) -> list[Paragraph]:
    """Return the paragraphs with topic, topic_score and role (unchanged for now)."""
    return list(paragraphs)
