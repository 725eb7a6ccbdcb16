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
from .reading import read_tables
from .records import ROLES, TOPICS
from .sections import load_model, training_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .sections.estimator import SectionClassifier
    from .words import add_words, count_dictionary, keyness, keywords, kwic, tokenize, tokens

#: the word layer (summarylens.words), imported on first use: extract never loads it (nor pandas, nor jieba)
_WORDS = ("add_words", "count_dictionary", "keyness", "keywords", "kwic", "tokenize", "tokens")


def extract_figures(text: str) -> pd.DataFrame:
    """Figures of one text: ``sl.extract_figures("捐款近400万元")`` → one row, value 4000000, under."""
    from .figures import find_figures
    from .tables import figures_frame

    _check_text(text, "extract_figures")
    figures, _relations = find_figures(text)
    return figures_frame(figures)


def segment(text: str) -> pd.DataFrame:
    """Paragraphs of one document's text, with topic and role: ``sl.segment("一、……。……")``."""
    from .sections import label_paragraphs
    from .segmentation import segment_text
    from .tables import paragraphs_frame

    _check_text(text, "segment")
    return paragraphs_frame(label_paragraphs(segment_text(text)))


def _check_text(text: object, function: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{function}() needs the text as a str, not {type(text).__name__}; "
                        "to read files, use read_corpus(folder)")


def __getattr__(name: str) -> object:
    if name == "SectionClassifier":  # imported on first use (scikit-learn is slow to import)
        from . import sections

        return sections.SectionClassifier
    if name in _WORDS:
        from . import words

        return getattr(words, name)
    raise AttributeError(f"module 'summarylens' has no attribute {name!r}")


__all__ = [
    "ROLES",
    "TOPICS",
    "Corpus",
    "SectionClassifier",
    "add_words",
    "count_dictionary",
    "extract_figures",
    "keyness",
    "keywords",
    "kwic",
    "load_model",
    "read_corpus",
    "read_tables",
    "segment",
    "tokenize",
    "tokens",
    "training_frame",
]
