"""Pivots of the figures table: union money, people, person-times and households summed
by topic, document or organisation type, without counting a total and its parts twice, or a
page stored twice twice; and the 共计……其中 groups whose parts do not add up.

    >>> from summarylens.tables import frame
    >>> figs = frame("figures", [{"doc_id": "a#1", "fig_id": 0, "value": 3000.0, "kind": "money",
    ...                            "topic": "welfare", "money_type": "union"}])
    >>> figure_totals(figs).loc["welfare", "money"]
    np.float64(3000.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..records import TOPICS
from .labels import doc_labels, optional_table, org_type, table_of

#: figure kinds summed by :func:`figure_totals` (percentages and plain counts are not summed)
SUMMED_KINDS: tuple[str, ...] = ("money", "people", "person_times", "households")
#: money types summed by default (SPEC section 6): what the union raises, holds or spends
UNION_MONEY: tuple[str, ...] = ("union",)

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


__all__ = [
    "SUMMED_KINDS",
    "UNION_MONEY",
    "countable_figures",
    "figure_totals",
    "inconsistent_totals",
    "part_figures",
    "repeated_paragraphs",
]
