"""Common pivots of the corpus tables, and the ``df.slens`` accessor that reaches them.

Everything here is plain pandas (no matplotlib), so it is cheap to import. The plots of
:mod:`summarylens.plot` are drawn from these tables; a researcher can use them directly:

    >>> import summarylens as sl, summarylens.pivots as pv      # doctest: +SKIP
    >>> corpus = sl.read_corpus("corpus/")                       # doctest: +SKIP
    >>> pv.topic_share(corpus.paragraphs).loc["104_primary_school_2021_h1.txt#1"]  # doctest: +SKIP
    >>> corpus.figures.slens.totals(by="topic")                   # doctest: +SKIP

Shares are shares of *body text* (characters of body paragraphs) unless ``weight="paragraphs"``:
a long paragraph on 送温暖 weighs more than a one-line one. Money and headcount totals
leave out the parts of 共计……其中 groups (the ``relations`` table), so that "共慰问86人，其中
在职52人、退休34人" counts 86 people once, not 172. Money totals sum **union money only** by
default (``money_type == "union"``: dues, funds, relief, prizes, insurance the union pays):
an employer's revenue, loans or deposits (``business``, often 亿) and workers' wages
(``pay``) are not what a union spends; ``money_types=None`` sums every type.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..records import TOPICS
from .labels import (
    FIGURE_COLUMNS,
    ORG_TYPES,
    UNKNOWN_ORG_TYPE,
    chinese,
    doc_labels,
    optional_table,
    org_type,
    short_org,
    table_of,
)
from .shares import content_texts, corpus_topic_profile, role_share, similarity, topic_by_org_type, topic_share
from .totals import (
    SUMMED_KINDS,
    UNION_MONEY,
    countable_figures,
    figure_totals,
    inconsistent_totals,
    part_figures,
    repeated_paragraphs,
)

# ---------------------------------------------------------------------------
# df.slens
# ---------------------------------------------------------------------------

@pd.api.extensions.register_dataframe_accessor("slens")
class SlensAccessor:
    """``df.slens``: the pivots above on a corpus table, so that notebook code stays short.

    >>> corpus.paragraphs.slens.topic_share()   # topic × document shares  # doctest: +SKIP
    >>> corpus.paragraphs.slens.role_share()    # role × document shares   # doctest: +SKIP
    >>> corpus.figures.slens.totals(by="topic")  # money/people per topic  # doctest: +SKIP
    >>> corpus.documents.slens.org_type()        # 学校/医院/企业/机关/…  # doctest: +SKIP
    >>> corpus.paragraphs.slens.topic("帮扶与送温暖")  # one topic's rows  # doctest: +SKIP
    >>> table.slens.zh()                         # Chinese labels          # doctest: +SKIP
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self._table = table

    def topic_share(self, by: str | pd.Series = "doc_id", weight: str = "chars") -> pd.DataFrame:
        """Topic × document shares of a paragraphs table (see :func:`topic_share`)."""
        return topic_share(self._table, by=by, weight=weight)

    def role_share(self, by: str | pd.Series = "doc_id", weight: str = "chars") -> pd.DataFrame:
        """Role × document shares of a paragraphs table (see :func:`role_share`)."""
        return role_share(self._table, by=by, weight=weight)

    def totals(self, by: str = "topic", documents: pd.DataFrame | None = None,
               relations: pd.DataFrame | None = None,
               money_types: Sequence[str] | None = UNION_MONEY,
               paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
        """Union money, people, person-times, households of a figures table (:func:`figure_totals`);
        pass ``paragraphs`` so that the figures of repeated paragraphs count once."""
        return figure_totals(self._table, by=by, documents=documents, relations=relations,
                             money_types=money_types, paragraphs=paragraphs)

    def org_type(self) -> pd.Series:
        """Organisation type per document of a documents table (see :func:`org_type`)."""
        return org_type(self._table)

    def labels(self) -> pd.Series:
        """Short unique labels per document of a documents table (see :func:`doc_labels`)."""
        return doc_labels(self._table)

    def topic(self, *topics: str) -> pd.DataFrame:
        """Rows of the given topics, by label or Chinese name: ``.topic("帮扶与送温暖")``."""
        wanted = {label for label, name in TOPICS.items() if label in topics or name in topics}
        return self._table[self._table["topic"].isin(wanted)]

    def zh(self) -> pd.DataFrame:
        """The table with topic/role labels and figure columns in Chinese (see :func:`chinese`)."""
        return chinese(self._table)  # type: ignore[return-value]


__all__ = [
    "FIGURE_COLUMNS",
    "ORG_TYPES",
    "SUMMED_KINDS",
    "UNION_MONEY",
    "UNKNOWN_ORG_TYPE",
    "SlensAccessor",
    "chinese",
    "content_texts",
    "corpus_topic_profile",
    "countable_figures",
    "doc_labels",
    "figure_totals",
    "inconsistent_totals",
    "optional_table",
    "org_type",
    "part_figures",
    "repeated_paragraphs",
    "role_share",
    "short_org",
    "similarity",
    "table_of",
    "topic_by_org_type",
    "topic_share",
]
