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

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from . import lexicons
from .records import CONTENT_KINDS, ROLES, TOPICS

#: figure kinds summed by :func:`figure_totals` (percentages and plain counts are not summed)
SUMMED_KINDS: tuple[str, ...] = ("money", "people", "person_times", "households")
#: money types summed by default (SPEC section 6): what the union raises, holds or spends
UNION_MONEY: tuple[str, ...] = ("union",)

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


# ---------------------------------------------------------------------------
# Paragraph pivots
# ---------------------------------------------------------------------------

def _weights(paragraphs: pd.DataFrame, weight: str) -> pd.Series:
    if weight == "chars":
        return paragraphs["text"].str.len().astype("float64")
    if weight == "paragraphs":
        return pd.Series(1.0, index=paragraphs.index)
    raise ValueError(f"weight must be 'chars' or 'paragraphs', not {weight!r}")


def _share(paragraphs: pd.DataFrame, column: str, labels: Iterable[str], by: str | pd.Series,
           weight: str, kinds: Sequence[str]) -> pd.DataFrame:
    rows = paragraphs[paragraphs["kind"].isin(kinds) & paragraphs[column].notna()]
    keys = rows[by] if isinstance(by, str) else by.reindex(rows["doc_id"]).to_numpy()
    sums = (_weights(rows, weight).groupby([keys, rows[column].astype("string")])
            .sum().unstack(fill_value=0))
    sums = sums.reindex(columns=list(labels), fill_value=0.0)
    sums.columns.name = column
    return sums.div(sums.sum(axis=1), axis=0)


def topic_share(paragraphs: Any, by: str | pd.Series = "doc_id", weight: str = "chars",
                kinds: Sequence[str] = ("body",)) -> pd.DataFrame:
    """Share of each topic in each document (rows sum to 1): the document's section profile.

    ``by`` is a column of the paragraphs table or a Series mapping doc_id to a group (e.g.
    :func:`org_type`). Columns are the topic labels in :data:`~summarylens.records.TOPICS` order.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "topic": "welfare", "text": "慰问困难职工12户。"},
    ...     {"doc_id": "a#1", "kind": "body", "topic": "women", "text": "三八节座谈。"}])
    >>> topic_share(paras).loc["a#1", ["welfare", "women"]].round(3).tolist()
    [0.625, 0.375]
    """
    return _share(table_of(paragraphs, "paragraphs"), "topic", TOPICS, by, weight, kinds)


def role_share(paragraphs: Any, by: str | pd.Series = "doc_id",
               weight: str = "chars") -> pd.DataFrame:
    """Share of each role (总述, 工作与成效, 问题与不足, 下步打算, 结语) in each document's body.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "role": "work", "text": "发放慰问金2万元。"},
    ...     {"doc_id": "a#1", "kind": "body", "role": "plan", "text": "下半年将继续。"}])
    >>> float(role_share(paras).loc["a#1", "plan"].round(2))
    0.44
    """
    return _share(table_of(paragraphs, "paragraphs"), "role", ROLES, by, weight, ("body",))


def corpus_topic_profile(paragraphs: Any, weight: str = "chars") -> pd.DataFrame:
    """Topics across the corpus: share of all body text, and share of documents that touch each.

    Columns ``text_share`` (pooled over the corpus) and ``doc_share`` (documents with any body
    paragraph on the topic), indexed by topic label.

    >>> from summarylens.tables import frame
    >>> paras = frame("paragraphs", [
    ...     {"doc_id": "a#1", "kind": "body", "topic": "welfare", "text": "慰问职工。"},
    ...     {"doc_id": "b#1", "kind": "body", "topic": "culture", "text": "球赛。"}])
    >>> corpus_topic_profile(paras).loc["welfare"].round(3).tolist()
    [0.625, 0.5]
    """
    paragraphs = table_of(paragraphs, "paragraphs")
    pooled = _share(paragraphs.assign(_all="全部"), "topic", TOPICS, "_all", weight, ("body",))
    per_doc = topic_share(paragraphs, weight=weight)
    return pd.DataFrame({"text_share": pooled.iloc[0] if len(pooled) else 0.0,
                         "doc_share": (per_doc > 0).mean() if len(per_doc) else 0.0},
                        index=pd.Index(list(TOPICS), name="topic"))


def topic_by_org_type(paragraphs: Any, documents: pd.DataFrame | None = None,
                      weight: str = "chars") -> pd.DataFrame:
    """Mean section profile per organisation type (rows: org types; columns: topics).

    Every document counts once (its shares are averaged), so one long report does not speak
    for all schools. Column ``n_documents`` says how many documents stand behind each row.
    """
    documents = optional_table(paragraphs, "documents", documents)
    if documents is None:
        raise ValueError("topic_by_org_type needs the documents table (or a Corpus)")
    shares = topic_share(paragraphs, weight=weight)
    types = org_type(documents).reindex(shares.index)
    table = shares.groupby(types, observed=True).mean()
    table["n_documents"] = types.value_counts().reindex(table.index).astype("Int64")
    table.index.name = "org_type"
    return table


# ---------------------------------------------------------------------------
# Figure pivots
# ---------------------------------------------------------------------------

def part_figures(relations: pd.DataFrame | None) -> pd.MultiIndex:
    """(doc_id, fig_id) of every figure that is a part of a 共计……其中 group."""
    if relations is None or relations.empty:
        return pd.MultiIndex.from_tuples([], names=["doc_id", "fig_id"])
    pairs = [(doc, int(fig)) for doc, parts in zip(relations["doc_id"], relations["part_fig_ids"],
                                                    strict=True)
             if isinstance(parts, str) for fig in parts.split()]
    return pd.MultiIndex.from_tuples(pairs, names=["doc_id", "fig_id"])


def repeated_paragraphs(paragraphs: pd.DataFrame | None) -> pd.MultiIndex:
    """(doc_id, para_id) of every paragraph flagged ``repeated`` (a page stored twice)."""
    if paragraphs is None or "repeated" not in paragraphs.columns:
        return pd.MultiIndex.from_tuples([], names=["doc_id", "para_id"])
    rows = paragraphs[paragraphs["repeated"].fillna(False).astype(bool)]
    return pd.MultiIndex.from_arrays([rows["doc_id"], rows["para_id"].astype("int64")], names=["doc_id", "para_id"])


def countable_figures(figures: Any, relations: pd.DataFrame | None = None,
                      paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures that may be summed: a value, not masked, not the part of a stated total, and
    not in a paragraph that repeats an earlier one (``repeated``: a page stored twice gives
    its figures once).

    The paragraphs come from ``paragraphs`` or from a Corpus passed as ``figures``; with a
    bare figures table and no paragraphs, repeated paragraphs cannot be told apart.
    """
    relations = optional_table(figures, "relations", relations)
    paragraphs = optional_table(figures, "paragraphs", paragraphs)
    figures = table_of(figures, "figures")
    keep = figures["value"].notna() & ~figures["masked"].fillna(False).astype(bool)
    keys = pd.MultiIndex.from_arrays([figures["doc_id"], figures["fig_id"].astype("int64")])
    keep &= ~keys.isin(part_figures(relations))
    repeated = repeated_paragraphs(paragraphs)
    if len(repeated):
        rows = pd.MultiIndex.from_arrays([figures["doc_id"], figures["para_id"].astype("int64")])
        keep &= ~rows.isin(repeated)
    return figures[keep]


def figure_totals(figures: Any, by: str = "topic", documents: pd.DataFrame | None = None,
                  relations: pd.DataFrame | None = None,
                  kinds: Sequence[str] = SUMMED_KINDS,
                  money_types: Sequence[str] | None = UNION_MONEY,
                  paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sums of money (元), people, person-times and households, grouped by ``by``.

    Only yuan are summed as money: amounts in a foreign currency (unit 美元, 欧元 …) and
    measures (亩, 吨 …, in units that do not add up) are counted in ``n_figures`` only.
    Only **union** money is summed by default (``money_types=("union",)``): a bank's
    新增贷款56亿元 or a factory's 营业收入 (``business``) would swamp what unions spend;
    pass ``money_types=("union", "pay")`` to add wages and allowances, or ``None`` for
    every type (money with no type, in a table made by hand, is summed as before).

    ``by`` is a figures column (``topic``, ``doc_id``, ``kind``…) or ``org_type``/``org``
    (read from the documents table). Columns: one per kind, plus ``n_figures`` (figures of
    any kind) and ``n_documents``. The parts of stated totals are left out, and so are the
    figures of ``repeated`` paragraphs (from ``paragraphs`` or a Corpus), which would count
    a page stored twice twice (see :func:`countable_figures`).

    >>> from summarylens.tables import frame
    >>> figs = frame("figures", [
    ...     {"doc_id": "a#1", "fig_id": 0, "value": 26000.0, "kind": "money", "topic": "welfare"},
    ...     {"doc_id": "a#1", "fig_id": 1, "value": 24.0, "kind": "households",
    ...      "topic": "welfare"}])
    >>> figure_totals(figs).loc["welfare", ["money", "households"]].tolist()
    [26000.0, 24.0]
    """
    documents = optional_table(figures, "documents", documents)
    rows = countable_figures(figures, relations, paragraphs).copy()
    rows["_key"] = _group_keys(rows, by, documents)
    rows = rows[rows["_key"].notna()]
    summed = rows[rows["kind"].isin(kinds)]
    if "unit" in summed.columns:                      # 美元, 欧元 …: money, but not yuan
        summed = summed[~(summed["kind"].eq("money") & summed["unit"].notna() & summed["unit"].ne("元"))]
    if money_types is not None and "money_type" in summed.columns:
        mtype = summed["money_type"].astype("object")
        other_money = summed["kind"].eq("money") & mtype.notna() & ~mtype.isin(list(money_types))
        summed = summed[~other_money]
    table = (summed.groupby(["_key", summed["kind"].astype("string")], observed=True)["value"]
             .sum().unstack(fill_value=0.0).reindex(columns=list(kinds), fill_value=0.0))
    counts = rows.groupby("_key", observed=True).agg(n_figures=("value", "size"),
                                                    n_documents=("doc_id", "nunique"))
    table = counts.join(table, how="left").fillna(0.0)[[*kinds, "n_figures", "n_documents"]]
    table = table.astype({k: "float64" for k in kinds}
                         | {"n_figures": "int64", "n_documents": "int64"})
    if by == "topic":
        table = table.reindex([t for t in TOPICS if t in table.index])
    table.index.name = by
    return table


def _group_keys(rows: pd.DataFrame, by: str, documents: pd.DataFrame | None) -> pd.Series:
    if by in rows.columns:
        return rows[by].astype("object")
    if documents is None:
        raise ValueError(f"grouping by {by!r} needs the documents table (or a Corpus)")
    if by == "org_type":
        mapping = org_type(documents).astype("object")
    elif by in ("label", "doc_label"):
        mapping = doc_labels(documents)
    else:
        mapping = documents.set_index("doc_id")[by].astype("object")
    return rows["doc_id"].map(mapping)


def inconsistent_totals(figures: Any, relations: pd.DataFrame | None = None,
                        documents: pd.DataFrame | None = None,
                        only_inconsistent: bool = True, paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """共计……其中 groups whose parts do not add up, one row each, readable.

    A group whose total stands in a ``repeated`` paragraph (from ``paragraphs`` or a
    Corpus) is the copy of an earlier one and is left out.

    Columns: doc_id, label (short org name), total (raw text), total_value, parts (raw texts
    joined by "、"), parts_sum, difference (total − parts), consistent, sentence.
    """
    relations = optional_table(figures, "relations", relations)
    documents = optional_table(figures, "documents", documents)
    paragraphs = optional_table(figures, "paragraphs", paragraphs)
    figures = table_of(figures, "figures")
    columns = ["doc_id", "label", "total", "total_value", "parts", "parts_sum", "difference",
               "consistent", "sentence"]
    if relations is None or relations.empty:
        return pd.DataFrame(columns=columns)
    if only_inconsistent:
        relations = relations[relations["consistent"].eq(False).fillna(False).astype(bool)]
    by_id = figures.set_index(["doc_id", figures["fig_id"].astype("int64")])
    repeated = repeated_paragraphs(paragraphs)
    if len(repeated) and not relations.empty:
        totals = by_id.loc[list(zip(relations["doc_id"], relations["total_fig_id"].astype("int64"), strict=True))]
        in_copy = pd.MultiIndex.from_arrays([totals.index.get_level_values(0),
                                             totals["para_id"].astype("int64")]).isin(repeated)
        relations = relations[~in_copy]
    labels = doc_labels(documents) if documents is not None else pd.Series(dtype="string")
    rows = [_relation_row(rel, by_id, labels) for rel in relations.itertuples(index=False)]
    return pd.DataFrame(rows, columns=columns)


def _relation_row(rel: Any, by_id: pd.DataFrame, labels: pd.Series) -> dict[str, object]:
    """One relation in words: the total and its parts as written, and the difference."""
    total = by_id.loc[(rel.doc_id, int(rel.total_fig_id))]
    parts = [by_id.loc[(rel.doc_id, int(i))]["raw"] for i in str(rel.part_fig_ids).split()]
    return {
        "doc_id": rel.doc_id, "label": labels.get(rel.doc_id, rel.doc_id),
        "total": total["raw"], "total_value": total["value"], "parts": "、".join(parts),
        "parts_sum": rel.parts_sum, "difference": total["value"] - rel.parts_sum,
        "consistent": rel.consistent, "sentence": total["sentence"],
    }


# ---------------------------------------------------------------------------
# Template reuse
# ---------------------------------------------------------------------------

def content_texts(documents: pd.DataFrame, paragraphs: pd.DataFrame | None = None) -> pd.Series:
    """Each document's words: headings and body joined (what the duplicate finder compares)."""
    if paragraphs is None:
        return documents.set_index("doc_id")["text"].astype("object")
    content = paragraphs[paragraphs["kind"].isin(list(CONTENT_KINDS))]
    joined = content.groupby("doc_id", sort=False)["text"].agg("\n".join)
    return joined.reindex(documents["doc_id"]).fillna("").astype("object")


def similarity(documents: Any, paragraphs: pd.DataFrame | None = None,
               labels: bool = True) -> pd.DataFrame:
    """Pairwise similarity of documents (MinHash estimate of 5-shingle Jaccard), as a table.

    Index and columns are short labels (``labels=True``) or doc_ids. O(n²): meant for a few
    hundred documents at most; pick a subset first for larger corpora.
    """
    from .dedup import similarity_matrix

    paragraphs = optional_table(documents, "paragraphs", paragraphs)
    documents = table_of(documents, "documents")
    texts = content_texts(documents, paragraphs)
    names = doc_labels(documents).tolist() if labels else texts.index.tolist()
    return pd.DataFrame(similarity_matrix(texts.tolist()), index=names, columns=names)


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
