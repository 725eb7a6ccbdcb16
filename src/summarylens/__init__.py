"""summarylens — Chinese work summaries (工作总结) as tables a researcher can count.

    >>> import summarylens as sl
    >>> corpus = sl.read_corpus("corpus/")                    # doctest: +SKIP
    >>> sl.extract_figures("春节期间慰问困难职工24户，发放慰问金2.6万元。")[["raw", "value", "unit"]]  # doctest: +SKIP
        raw    value unit
    0   24户     24.0    户
    1  2.6万元  26000.0    元

The four tables (documents, paragraphs, figures, relations) and their columns are
described in the README and in ``summarylens.tables.SCHEMAS``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .corpus import Corpus, read_corpus
from .model import ROLES, TOPICS
from .tables import read_tables

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def extract_figures(text: str) -> pd.DataFrame:
    """Figures of one text: ``sl.extract_figures("捐款近400万元")`` → one row, value 4000000, under."""
    from .figures import find_figures
    from .tables import figures_frame

    figures, _relations = find_figures(text)
    return figures_frame(figures)


def segment(text: str) -> pd.DataFrame:
    """Paragraphs of one document's text, with topic and role: ``sl.segment("一、……。……")``."""
    from .classify import label_paragraphs
    from .segment import segment_text
    from .tables import paragraphs_frame

    return paragraphs_frame(label_paragraphs(segment_text(text)))


def __getattr__(name: str) -> object:
    if name == "SectionClassifier":  # imported lazily: scikit-learn is slow to import
        from .classify import SectionClassifier

        return SectionClassifier
    raise AttributeError(f"module 'summarylens' has no attribute {name!r}")


__all__ = [
    "ROLES",
    "TOPICS",
    "Corpus",
    "SectionClassifier",
    "extract_figures",
    "read_corpus",
    "read_tables",
    "segment",
]
