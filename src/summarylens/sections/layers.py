"""Layering: how headings, lead-in clauses and roles turn own-words topics into labels.

A fitted classifier knows, for any text, a topic distribution from its own words and,
for body paragraphs, role probabilities. :class:`LayeredLabeller` reads a document the
way a careful reader does:

* a heading reads its own words, its first clause first ("五、关心女职工，丰富文化生活"
  → women) and, a little, the rows it covers; a vague heading ("（二）主要做法")
  inherits from its parent;
* a body paragraph mixes its own distribution with its nearest *informative* heading's
  (``heading_weight``) unless its own words are sure of another topic
  (``override_threshold``); a lead-in clause ("在民主管理方面，") stands in for a heading;
* openings and closings lean to ``other``; roles are decoded per document
  (:mod:`summarylens.sections.roles`).

It is the prediction half shared by :class:`~summarylens.sections.SectionClassifier`
(scikit-learn models) and :class:`~summarylens.sections.SectionModel` (the same models
as arrays), so both label alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import CONTENT_KINDS
from .features import list_anchor, role_features, role_numbers, section_role
from .roles import apply_role_priors, decode_role_groups, last_body_rows
from .rows import Rows, covered_rows, rows_from_frame
from .text import PATH_SEP, first_clause, lead_in, text_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..records import Paragraph

__all__ = ["OTHER", "TOPIC_KINDS", "LayeredLabeller"]

#: paragraph kinds that get a topic (headings and body) and a role (body only)
TOPIC_KINDS = CONTENT_KINDS
#: the catch-all topic; a heading predicted "other" does not pass its topic on
OTHER = "other"


class LayeredLabeller:
    """Topic and role prediction by layers, for a fitted classifier.

    A subclass provides the fitted attributes ``classes_``, ``role_classes_`` and either
    ``compiled_`` (arrays, :mod:`summarylens.sections.linear`) or ``topic_model_`` and
    ``role_model_`` (scikit-learn pipelines), and the layering parameters
    ``heading_weight``, ``inherit_threshold``, ``override_threshold``, ``use_lead_in``,
    ``child_weight``, ``first_clause_weight``, ``overview_other_weight`` and
    ``back_penalty`` (see :class:`~summarylens.sections.SectionClassifier`), and may set
    ``role_cues_`` (:class:`~summarylens.sections.cues.RoleCues`; default the shipped ones).
    """

    classes_: np.ndarray
    role_classes_: np.ndarray
    topic_model_: Any
    role_model_: Any
    heading_weight: float
    inherit_threshold: float
    override_threshold: float
    use_lead_in: bool
    child_weight: float
    first_clause_weight: float
    overview_other_weight: float
    #: a model saved before this parameter existed keeps every overview leaning to ``other``
    single_topic_share: float = 1.0
    back_penalty: float

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Topic probabilities after layering, one row per paragraph, columns ``classes_``."""
        return self._topic_probabilities(rows_from_frame(X))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The topic of every row (SPEC section 3): ``array(['welfare', …], dtype=object)``."""
        probs = self.predict_proba(X)  # first: it checks that the model is fitted
        return self.classes_[probs.argmax(axis=1)].astype(object)

    def predict_role(self, X: pd.DataFrame) -> np.ndarray:
        """The role of every body row; ``None`` for headings and other kinds."""
        return np.asarray(self._roles(rows_from_frame(X)), dtype=object)

    def predict_frame(self, X: pd.DataFrame) -> pd.DataFrame:
        """``topic``, ``topic_score`` and ``role`` for every row, indexed like ``X``."""
        import pandas as pd

        rows = rows_from_frame(X)
        probs, roles = self._predict_rows(rows)
        best = probs.argmax(axis=1)
        return pd.DataFrame({
            "topic": pd.array(self.classes_[best], dtype="string"),
            "topic_score": pd.array(probs[np.arange(len(rows)), best], dtype="Float64"),
            "role": pd.array(roles, dtype="string"),
        }, index=X.index)

    # -- layers ------------------------------------------------------------

    def _own_probabilities(self, keys: list[str]) -> tuple[dict[str, np.ndarray], dict[str, bool]]:
        """Own-words topic distribution of each distinct text key (:func:`text_key`), and whether
        it is firm (one vectorisation)."""
        unique = list(dict.fromkeys(keys))
        if not unique:
            return {}, {}
        probs = self._topic_proba(unique)
        return dict(zip(unique, probs, strict=True)), dict(zip(unique, self._firm(probs).tolist(), strict=True))

    def _topic_proba(self, keys: list[str]) -> np.ndarray:
        """Own-words topic probabilities, from the compiled arrays when there are some."""
        compiled = getattr(self, "compiled_", None)
        return (compiled.topics if compiled is not None else self.topic_model_).predict_proba(keys)

    def _role_proba(self, records: list[tuple[str, np.ndarray]]) -> np.ndarray | None:
        """Role probabilities of body rows' features (None: the model knows one role only)."""
        compiled = getattr(self, "compiled_", None)
        if compiled is not None:
            return None if compiled.roles is None else compiled.roles.predict_proba(role_numbers(records))
        return None if self.role_model_ is None else self.role_model_.predict_proba(records)

    def _informative(self, p: np.ndarray) -> bool:
        """Whether a heading's words name a topic firmly enough to pass it on."""
        content = self._content_columns()
        return bool(len(content) and p[content].max() >= self.inherit_threshold)

    def _firm(self, probs: np.ndarray) -> np.ndarray:
        """For every row of ``probs``: does it name a topic other than ``other`` firmly enough?"""
        content = self._content_columns()
        if not len(content):
            return np.zeros(len(probs), dtype=bool)
        return probs[:, content].max(axis=1) >= self.inherit_threshold

    def _content_columns(self) -> np.ndarray:
        """Indices of the topics other than ``other`` in ``classes_`` (kept until ``classes_`` changes)."""
        cached = getattr(self, "_content_cache", None)
        if cached is None or cached[0] is not self.classes_:
            cached = self._content_cache = (self.classes_, np.flatnonzero(self.classes_ != OTHER))
        return cached[1]

    def _predict_rows(self, rows: Rows) -> tuple[np.ndarray, list[str | None]]:
        """Layered topic probabilities and roles of every row.

        Headings are decided in document order (a vague one leans on its parent's
        decision); body paragraphs then lean on their lead-in clause or their heading
        all at once, as nothing else depends on them.
        """
        roles = self._roles(rows)
        leads = [lead_in(t) if k == "body" and self.use_lead_in else "" for t, k in
                 zip(rows.texts, rows.kinds, strict=True)]
        firsts = [first_clause(t) if k == "heading" else "" for t, k in
                  zip(rows.texts, rows.kinds, strict=True)]
        headings = [h for path in dict.fromkeys(rows.paths) for h in path.split(PATH_SEP) if h]
        extra = [text for text in leads + firsts if text]
        keys = [text_key(t) for t in rows.texts]
        own, firm = self._own_probabilities(keys + [text_key(t) for t in headings + extra])
        mine = np.array([own[key] for key in keys]).reshape(len(rows), len(self.classes_))
        if self.first_clause_weight > 0:  # "四、关心女职工，丰富文化生活": the first clause leads
            for i, first in enumerate(firsts):
                if first and firm[key := text_key(first)]:
                    mine[i] = (1 - self.first_clause_weight) * mine[i] + self.first_clause_weight * own[key]
        layers = _Layers(own, firm, self._firm(mine))
        out = mine.copy()
        for group in rows.groups:
            layers.new_document()
            members = group.tolist()
            for position, i in enumerate(members):
                if rows.kinds[i] == "heading":
                    out[i] = self._heading_topic(rows, mine, members, position, layers)
                    layers.decide(keys[i], out[i], self._informative(out[i]))
                elif rows.kinds[i] == "body":
                    layers.lean(i, self._body_source(rows.paths[i], roles[i], leads[i], layers))
        if layers.leaning:
            leaning = np.asarray(layers.leaning)
            out[leaning] = self._layer(mine[leaning], np.array(layers.sources))
        overview = [i for i, role in enumerate(roles) if role in ("preamble", "closing")]
        if overview and OTHER in self.classes_:  # openings and closings lean to "other" …
            overview = self._general_overviews(overview, mine, out, rows)  # … unless the report is about one thing
            out[overview] = (1 - self.overview_other_weight) * out[overview]
            out[overview, self._other_index()] += self.overview_other_weight
        return out, roles

    def _general_overviews(self, overview: list[int], mine: np.ndarray, out: np.ndarray, rows: Rows) -> list[int]:
        """The opening and closing rows that lean to ``other``: all but those of a report about one thing.

        A report on one activity ("……开展了元旦春节送温暖活动" over paragraphs that are all
        about 送温暖) opens about that activity: an opening whose own words firmly name
        the topic that at least ``single_topic_share`` of the report's other topical rows
        have keeps it; a general report's opening (its sections on several topics) is
        ``other``.
        """
        share = self.single_topic_share
        if share >= 1:
            return overview
        wanted = set(overview)
        other = self._other_index()
        general = []
        for group in rows.groups:
            mine_rows = [i for i in group if i in wanted]
            if not mine_rows:
                continue
            rest = out[[i for i in group if i not in wanted]].argmax(axis=1) if len(group) > len(mine_rows) else []
            topical = [t for t in np.asarray(rest).tolist() if t != other]
            counts = np.bincount(topical, minlength=len(self.classes_)) if len(topical) >= 2 else None
            for i in mine_rows:
                best = int(mine[i].argmax())
                one_thing = (counts is not None and best != other and self._informative(mine[i])
                             and counts[best] >= share * len(topical))
                if not one_thing:
                    general.append(i)
        return general

    def _heading_topic(self, rows: Rows, mine: np.ndarray, group: list[int], position: int,
                       layers: _Layers) -> np.ndarray:
        """A heading: its own words, leaning on what it covers; a vague one on its parent."""
        i = group[position]
        p = mine[i]
        covered = covered_rows(rows, group, position)
        if covered and self.child_weight > 0:
            # rows that follow each other (a document's rows from the pipeline) are read as a
            # slice, not gathered: the same rows in the same order, the same sum
            first = covered[0]
            block = mine[first:first + len(covered)] if covered == list(range(first, first + len(covered))) \
                else mine[covered]
            p = (1 - self.child_weight) * p + self.child_weight * (np.add.reduce(block) / len(covered))
        if rows.paths[i] and not layers.firm_rows[i]:
            context = layers.context(rows.paths[i])
            if context is not None:
                p = self._layer(p[None, :], context[None, :])[0]
        return p

    def _body_source(self, path: str, role: str | None, lead: str, layers: _Layers) -> np.ndarray | None:
        """What a body paragraph leans on: its lead-in clause, or its heading if its role follows it."""
        if lead and layers.firm[key := text_key(lead)]:
            return layers.own[key]
        if path and self._inherits(role, path):
            return layers.context(path)
        return None

    def _other_index(self) -> int:
        return int(np.flatnonzero(self.classes_ == OTHER)[0])

    def _layer(self, own: np.ndarray, context: np.ndarray) -> np.ndarray:
        """Mix rows' own distributions with their headings', except where a row is sure of another topic."""
        best = own.argmax(axis=1)
        sure = ((best != context.argmax(axis=1)) & (own[np.arange(len(own)), best] >= self.override_threshold)
                & (self.classes_[best] != OTHER))
        mixed = self.heading_weight * context + (1 - self.heading_weight) * own
        return np.where(sure[:, None], own, mixed)

    @staticmethod
    def _inherits(role: str | None, path: str) -> bool:
        """Whether a body paragraph takes its headings' topic into account.

        It does when it reports work, or when it sits in a section of its own role
        ("三、下半年打算 > （一）……" for a plan paragraph). An opening, a closing, or
        problems and plans run on under the last work heading keep their own words.
        """
        if role in (None, "work"):
            return True
        problem, plan = section_role(path)
        return (role == "problem" and problem) or (role == "plan" and plan)

    def _topic_probabilities(self, rows: Rows) -> np.ndarray:
        return self._predict_rows(rows)[0]

    def _check_fitted(self) -> None:
        """Raise if there is nothing to predict with (a fitted subclass has nothing to check)."""

    def _roles(self, rows: Rows) -> list[str | None]:
        self._check_fitted()  # every prediction passes here first
        roles: list[str | None] = [None] * len(rows)
        cues = getattr(self, "role_cues_", None)
        body_rows, features = role_features(rows, cues)
        if not body_rows:
            return roles
        probs = self._role_proba(features)
        if probs is None:
            for i in body_rows:
                roles[i] = str(self.role_classes_[0])
            return roles
        log_probs = np.log(np.clip(probs, 1e-9, 1.0))
        classes = [str(c) for c in self.role_classes_]
        apply_role_priors(log_probs, classes, [rows.texts[i] for i in body_rows],
                           [section_role(rows.paths[i]) for i in body_rows],
                           [list_anchor(record) for record in features],
                           last_body_rows(rows, body_rows), cues)
        position = {i: k for k, i in enumerate(body_rows)}
        members = [[i for i in group if i in position] for group in rows.groups]
        decoded = decode_role_groups(log_probs, [np.array([position[i] for i in m], dtype=int) for m in members],
                                     classes, self.back_penalty)
        for group_rows, group_roles in zip(members, decoded, strict=True):
            for i, role in zip(group_rows, group_roles, strict=True):
                roles[i] = role
        return roles

    def label(self, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
        """One document's paragraphs with ``topic``, ``topic_score`` and ``role`` filled."""
        return self.label_documents([paragraphs])[0]

    def label_documents(self, documents: Sequence[Sequence[Paragraph]]) -> list[list[Paragraph]]:
        """:meth:`label` for many documents in one pass: each document is its own group of rows.

        Title and noise rows come back unchanged; the result is what labelling each
        document on its own gives (``tests/test_scale.py`` checks it on the shipped corpus).
        """
        texts: list[str] = []
        kinds: list[str] = []
        paths: list[str] = []
        groups: list[np.ndarray] = []
        where: list[tuple[int, int]] = []
        for d, paragraphs in enumerate(documents):
            first = len(texts)
            for i, p in enumerate(paragraphs):
                if p.kind in TOPIC_KINDS:
                    texts.append(p.text)
                    kinds.append(p.kind)
                    paths.append(p.heading_path or "")
                    where.append((d, i))
            if len(texts) > first:
                groups.append(np.arange(first, len(texts)))
        out = [list(doc) for doc in documents]
        if not texts:
            return out
        probs, roles = self._predict_rows(Rows(texts, kinds, paths, groups))
        best = probs.argmax(axis=1)
        topics = [str(c) for c in self.classes_[best]]
        scores = probs[np.arange(len(best)), best].tolist()
        for (d, i), topic, score, role in zip(where, topics, scores, roles, strict=True):
            out[d][i] = out[d][i].labelled(topic, score, role)
        return out


class _Layers:
    """What layering knows while it walks one batch: own-words distributions, decided headings.

    ``decided`` holds the headings decided so far in the current document (key →
    distribution, firm), falling back to their own words; ``leaning``/``sources`` collect
    the body rows to mix with a heading or lead-in distribution, and that distribution.
    """

    __slots__ = ("_contexts", "decided", "firm", "firm_rows", "leaning", "own", "sources")

    def __init__(self, own: dict[str, np.ndarray], firm: dict[str, bool], firm_rows: np.ndarray) -> None:
        self.own, self.firm, self.firm_rows = own, firm, firm_rows
        self.decided: dict[str, tuple[np.ndarray, bool]] = {}
        self.leaning: list[int] = []
        self.sources: list[np.ndarray] = []
        self._contexts: dict[str, np.ndarray | None] = {}

    def new_document(self) -> None:
        self.decided.clear()
        self._contexts.clear()

    def decide(self, key: str, distribution: np.ndarray, firm: bool) -> None:
        self.decided[key] = (distribution, firm)
        self._contexts.clear()  # a decision may change the context of any path

    def lean(self, row: int, source: np.ndarray | None) -> None:
        if source is not None:
            self.leaning.append(row)
            self.sources.append(source)

    def context(self, path: str) -> np.ndarray | None:
        """The distribution of the nearest enclosing heading that names a topic firmly."""
        if path not in self._contexts:
            self._contexts[path] = self._nearest_firm(path)
        return self._contexts[path]

    def _nearest_firm(self, path: str) -> np.ndarray | None:
        for heading in reversed(path.split(PATH_SEP)):
            key = text_key(heading)
            distribution, firm = self.decided.get(key) or (self.own.get(key), self.firm.get(key, False))
            if distribution is not None and firm:
                return distribution
        return None

