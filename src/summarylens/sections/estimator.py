"""The trainable section classifier: a scikit-learn estimator over paragraphs DataFrames.

:class:`SectionClassifier` fits two models on labelled paragraphs (``summarylens train``
or ``SectionClassifier().fit(training_frame(labels))``):

1. **Own words.** A character 1–2-gram TF-IDF + keyword-prior logistic regression (a
   scikit-learn ``Pipeline``) gives every heading and paragraph a topic distribution
   from its own text. The keyword priors (``topic_cues``, by default
   ``lexicons/topic_cues.tsv``) encode the "typical content" column of the SPEC
   (``慰问`` → welfare, ``职代会`` → democracy …), so they carry over to reports written
   by other hands. (jieba word features were tried: +0.007 macro-F1, within noise, for a
   second of dictionary loading and a slower hot path — left out.)
2. **Roles** from position, cue words and sections (:mod:`summarylens.sections.features`)
   by a second logistic regression.

Prediction layers the two (:class:`~summarylens.sections.layers.LayeredLabeller`). After
fitting, both models are compiled to arrays (:mod:`summarylens.sections.linear`) when they
give what scikit-learn gives, so labelling needs no scikit-learn.

This module imports scikit-learn (seconds); ``import summarylens`` does not import it.

Example::

    >>> from summarylens.sections import training_frame, shipped_labels_dir
    >>> clf = SectionClassifier(heading_weight=0.7).fit(training_frame(shipped_labels_dir()))  # doctest: +SKIP
    >>> clf.predict(pd.DataFrame({"text": ["春节慰问困难职工73人"], "kind": ["body"]}))  # doctest: +SKIP
    array(['welfare'], dtype=object)
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from ..lexicons import Lexicon
from ..records import ROLES, TOPICS
from . import linear
from .cues import RoleCues, TopicCues
from .features import role_features, role_numbers, role_texts
from .layers import TOPIC_KINDS, LayeredLabeller
from .rows import check_labels, resolve_targets, rows_from_frame
from .text import normalize_text, text_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["COMPILE_CHECK_ROWS", "SectionClassifier"]

#: training rows on which a compiled model must match scikit-learn's predictions
COMPILE_CHECK_ROWS = 400
#: LogisticRegression solvers that fit a multinomial model
_SOLVERS = ("lbfgs", "newton-cg", "newton-cholesky", "sag", "saga")
#: parameters that weigh or threshold probabilities: each must lie in [0, 1]
_UNIT_PARAMS = ("heading_weight", "inherit_threshold", "override_threshold", "child_weight",
                "first_clause_weight", "overview_other_weight", "single_topic_share")


class SectionClassifier(LayeredLabeller, ClassifierMixin, BaseEstimator):
    """Layered topic and role classifier for 工作总结 paragraphs (a scikit-learn estimator).

    ``fit(X, y=None)`` takes a paragraphs DataFrame (``text``, ``kind``, ``heading_path``,
    optionally ``doc_id`` and ``para_id``) with topics in ``y`` or ``X["topic"]`` and
    roles in ``X["role"]``. ``predict``/``predict_proba`` give topics (columns
    ``classes_``), ``predict_role`` roles, ``predict_frame`` the SPEC's three columns.
    Parameters are keyword-only and checked when ``fit`` is called.

    Own words:

    * ``ngram_range`` (lo, hi), ``min_df``, ``C``, ``solver``: the char n-gram TF-IDF and
      its logistic regression;
    * ``use_cues``, ``cue_weight`` (≥ 0): keyword priors; ``topic_cues``: their words —
      None for the shipped ``lexicons/topic_cues.tsv``, a dict topic → words
      (``{"welfare": ["送温暖", "金秋助学"]}``) or a
      :class:`~summarylens.lexicons.Lexicon` with a ``topic`` column (extend the shipped
      one with ``lexicons.load("topic_cues").extended([("新就业形态", "rights")])``).

    Layers (each in [0, 1]): ``heading_weight`` (how much a body paragraph follows its
    heading), ``inherit_threshold`` (how sure a heading must be to pass its topic on),
    ``override_threshold`` (how sure a paragraph must be to overrule its heading),
    ``child_weight`` (how much a heading leans on the rows it covers),
    ``first_clause_weight`` (how much a two-part heading goes by its first clause),
    ``overview_other_weight`` (openings and closings lean to ``other``),
    ``single_topic_share`` (… unless at least this share of the report's other topical rows
    is on the topic the opening or closing firmly names: a report on one activity; 1 =
    never); and
    ``use_lead_in`` ("在……方面，" clauses stand in for headings).

    Roles: ``role_cues`` (None for the shipped ``*_cues`` lexicons, or a dict that
    replaces some lists by name — ``future``, ``past``, ``problem``, ``plan``, ``closing``,
    ``preamble``, ``work`` — with your words: ``{"problem": ["美中不足", "不足"]}``),
    ``role_C``, ``role_text_weight`` (≥ 0; char n-grams besides the cue features,
    0 = none), ``back_penalty`` (≥ 0; how firmly roles keep the order preamble → work →
    problem → plan → closing); ``random_state``.

    Example::

        >>> import pandas as pd
        >>> clf = SectionClassifier(heading_weight=0.7)
        >>> clf.get_params()["heading_weight"], clf.set_params(back_penalty=1.0).back_penalty
        (0.7, 1.0)
        >>> SectionClassifier(heading_weight=2.0).fit(pd.DataFrame({"text": ["慰问"]}))
        Traceback (most recent call last):
        ...
        ValueError: heading_weight must be a number in [0, 1], got 2.0
    """

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int | float = 2,
        C: float = 10.0,
        solver: str = "newton-cg",
        use_cues: bool = True,
        cue_weight: float = 0.5,
        topic_cues: Mapping[str, Iterable[str]] | Lexicon | None = None,
        role_cues: Mapping[str, Iterable[str]] | None = None,
        heading_weight: float = 0.6,
        inherit_threshold: float = 0.35,
        override_threshold: float = 0.85,
        use_lead_in: bool = True,
        child_weight: float = 0.3,
        first_clause_weight: float = 0.5,
        overview_other_weight: float = 0.7,
        single_topic_share: float = 0.8,
        role_C: float = 1.0,
        role_text_weight: float = 0.0,
        back_penalty: float = 2.0,
        random_state: int | np.random.RandomState | None = 0,
    ) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.C = C
        self.solver = solver
        self.use_cues = use_cues
        self.cue_weight = cue_weight
        self.topic_cues = topic_cues
        self.role_cues = role_cues
        self.heading_weight = heading_weight
        self.inherit_threshold = inherit_threshold
        self.override_threshold = override_threshold
        self.use_lead_in = use_lead_in
        self.child_weight = child_weight
        self.first_clause_weight = first_clause_weight
        self.overview_other_weight = overview_other_weight
        self.single_topic_share = single_topic_share
        self.role_C = role_C
        self.role_text_weight = role_text_weight
        self.back_penalty = back_penalty
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: Any = None) -> SectionClassifier:
        """Fit on a paragraphs DataFrame; labels from ``y`` or X's ``topic``/``role`` columns.

        ``y`` may be topics (array or Series; roles then come from ``X["role"]`` if
        present) or a DataFrame with ``topic`` and ``role`` columns. Rows without a label
        are read for context (headings, positions) but not learned from. Raises
        ValueError for a parameter out of its range, before reading ``X``.
        """
        from threadpoolctl import threadpool_limits

        self._check_params()
        self.topic_cues_ = TopicCues.of(self.topic_cues, TOPICS)
        self.role_cues_ = RoleCues.of(self.role_cues)
        rows = rows_from_frame(X)
        topics, roles = resolve_targets(X, y)
        check_labels(topics, TOPICS, "topic")
        check_labels(roles, ROLES, "role")
        labelled = [i for i, t in enumerate(topics)
                    if t is not None and rows.kinds[i] in TOPIC_KINDS]
        if len({topics[i] for i in labelled}) < 2:
            raise ValueError("fit needs heading/body rows of at least two different topics")
        keys = [text_key(rows.texts[i]) for i in labelled]
        body_rows, features = role_features(rows, self.role_cues_)
        with threadpool_limits(limits=1):  # small sparse problems: threads only contend
            self.topic_model_ = _topic_pipeline(self, self.topic_cues_).fit(keys, [topics[i] for i in labelled])
            self.role_model_ = self._fit_roles(body_rows, features, roles)
        self.classes_ = np.asarray(self.topic_model_.classes_)
        self.role_classes_ = np.asarray(
            ["work"] if self.role_model_ is None else self.role_model_.classes_)
        self.n_training_rows_ = len(labelled)
        self.compiled_ = self._compile(keys, features)
        return self

    def __sklearn_tags__(self) -> Any:
        """What the estimator takes: paragraph DataFrames (text), not numeric arrays; ``y`` is optional."""
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.required = False  # labels may come in X's topic and role columns
        return tags

    def _check_fitted(self) -> None:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, ("classes_", "role_classes_", "topic_model_"))

    def _check_params(self) -> None:
        """Raise ValueError naming the first parameter out of its range."""
        lo_hi = self.ngram_range
        if not (isinstance(lo_hi, (tuple, list)) and len(lo_hi) == 2 and all(_is_int(n) for n in lo_hi)
                and 1 <= lo_hi[0] <= lo_hi[1]):
            raise ValueError(f"ngram_range must be (lo, hi) with 1 <= lo <= hi, got {lo_hi!r}")
        if not ((_is_int(self.min_df) and self.min_df >= 1)
                or (_is_real(self.min_df) and not _is_int(self.min_df) and 0 < self.min_df <= 1)):
            raise ValueError(f"min_df must be a count >= 1 or a share in (0, 1], got {self.min_df!r}")
        for name in ("C", "role_C"):
            if not (_is_real(getattr(self, name)) and getattr(self, name) > 0):
                raise ValueError(f"{name} must be a number > 0, got {getattr(self, name)!r}")
        if self.solver not in _SOLVERS:
            raise ValueError(f"solver must be one of {list(_SOLVERS)}, got {self.solver!r}")
        for name in ("use_cues", "use_lead_in"):
            if not isinstance(getattr(self, name), (bool, np.bool_)):
                raise ValueError(f"{name} must be True or False, got {getattr(self, name)!r}")
        for name in ("cue_weight", "role_text_weight", "back_penalty"):
            if not (_is_real(getattr(self, name)) and getattr(self, name) >= 0):
                raise ValueError(f"{name} must be a number >= 0, got {getattr(self, name)!r}")
        for name in _UNIT_PARAMS:
            if not (_is_real(getattr(self, name)) and 0 <= getattr(self, name) <= 1):
                raise ValueError(f"{name} must be a number in [0, 1], got {getattr(self, name)!r}")
        if not (self.random_state is None or _is_int(self.random_state)
                or isinstance(self.random_state, np.random.RandomState)):
            raise ValueError(f"random_state must be None, an int or a RandomState, got {self.random_state!r}")

    def _compile(self, keys: list[str], records: list[tuple[str, np.ndarray]]) -> linear.Compiled | None:
        """The fitted models as arrays (:mod:`summarylens.sections.linear`), if they give what scikit-learn gives.

        Checked on up to :data:`COMPILE_CHECK_ROWS` training rows; None (predict with
        scikit-learn) when a model has a shape the arrays cannot express or disagrees.
        """
        topics = linear.compile_topics(self.topic_model_, normalize_text, self.topic_cues_)
        roles = None if self.role_model_ is None else linear.compile_roles(self.role_model_, role_numbers)
        if topics is None or (self.role_model_ is not None and roles is None):
            return None
        keys, records = keys[:COMPILE_CHECK_ROWS], records[:COMPILE_CHECK_ROWS]
        if not np.allclose(topics.predict_proba(keys), self.topic_model_.predict_proba(keys), atol=1e-6):
            return None
        if roles is not None and records and not np.allclose(
                roles.predict_proba(role_numbers(records)), self.role_model_.predict_proba(records), atol=1e-6):
            return None
        return linear.Compiled(topics, roles)

    def _fit_roles(self, body_rows: list[int], features: list[tuple[str, np.ndarray]],
                   roles: list[str | None]) -> Any:
        keep = [k for k, i in enumerate(body_rows) if roles[i] is not None]
        targets = [roles[body_rows[k]] for k in keep]
        if len(set(targets)) < 2:
            return None
        return _role_pipeline(self).fit([features[k] for k in keep], targets)


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and value == value


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _topic_pipeline(params: SectionClassifier, cues: TopicCues) -> Any:
    """Own-words topic model: char n-gram TF-IDF (+ keyword priors) → logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    parts: list[tuple[str, Any]] = [("chars", TfidfVectorizer(
        analyzer="char", ngram_range=tuple(params.ngram_range), min_df=params.min_df,
        sublinear_tf=True, preprocessor=normalize_text, dtype=np.float32))]
    weights = {"chars": 1.0}
    if params.use_cues:
        parts.append(("cues", FunctionTransformer(cues)))
        weights["cues"] = params.cue_weight
    return Pipeline([
        ("features", FeatureUnion(parts, transformer_weights=weights)),
        ("clf", LogisticRegression(C=params.C, solver=params.solver, max_iter=3000,
                                   class_weight="balanced", random_state=params.random_state)),
    ])


def _role_pipeline(params: SectionClassifier) -> Any:
    """Role model: position and cue features (+ char n-grams of the text) → logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    cues = Pipeline([("select", FunctionTransformer(role_numbers)), ("scale", StandardScaler())])
    parts: list[tuple[str, Any]] = [("cues", cues)]
    weights = {"cues": 1.0}
    if params.role_text_weight > 0:
        weights["text"] = params.role_text_weight
        parts.append(("text", Pipeline([
            ("select", FunctionTransformer(role_texts)),
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True,
                                      preprocessor=normalize_text, min_df=2, dtype=np.float32)),
        ])))
    return Pipeline([
        ("features", FeatureUnion(parts, transformer_weights=weights)),
        ("clf", LogisticRegression(C=params.role_C, max_iter=3000,
                                   random_state=params.random_state)),
    ])
