"""How well the section classifier labels topics and roles, by grouped cross-validation.

Every fold holds out whole *source files* (a compilation's documents may repeat each
other, so holding out single documents would leak), fits on the rest and predicts the
held-out files; the scores pool the held-out predictions of all folds. Two baselines
give the numbers a scale: keyword rules with heading inheritance, and a flat char
n-gram TF-IDF model without keyword priors, layering or role decoding.

    python -m summarylens.evaluate sections                 # leave one source file out
    python -m summarylens.evaluate sections --folds 5       # grouped 5-fold, faster
    python -m summarylens.evaluate sections --labels my_labels/

Example::

    >>> from summarylens.sections import SectionClassifier, shipped_labels_dir, training_frame
    >>> frame = training_frame(shipped_labels_dir())                        # doctest: +SKIP
    >>> predicted = cross_validate(frame, SectionClassifier, folds=5)       # doctest: +SKIP
    >>> scores(frame, predicted)["topic_macro_f1"]                          # doctest: +SKIP
    0.9…
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..records import ROLES, TOPICS
from ..sections import OTHER, PATH_SEP, ROLE_CUES, TOPIC_CUES, shipped_labels_dir, training_frame
from ..sections.cues import PLAN_OPENING, topic_cue_matrix
from ..sections.estimator import SectionClassifier

#: parameters of the "flat" baseline: each row's own words by char n-gram TF-IDF only — no
#: keyword priors, no headings, lead-ins or covered rows, no role decoding
FLAT_PARAMS: dict[str, Any] = {
    "use_cues": False, "heading_weight": 0.0, "use_lead_in": False, "child_weight": 0.0,
    "first_clause_weight": 0.0, "overview_other_weight": 0.0, "back_penalty": 0.0,
}


def source_of(doc_id: str) -> str:
    """The source file of a document: ``"more/a.txt#2"`` → ``"more/a.txt"``."""
    return str(doc_id).rsplit("#", 1)[0]


def _splits(frame: pd.DataFrame, folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    groups = frame["doc_id"].map(source_of).to_numpy()
    splitter = LeaveOneGroupOut() if folds <= 0 else GroupKFold(n_splits=folds)
    return list(splitter.split(frame, groups=groups))


def cross_validate(frame: pd.DataFrame, make_model: Callable[[], Any], folds: int = 0) -> pd.DataFrame:
    """Held-out ``topic`` and ``role`` of every row of ``frame`` (grouped by source file).

    ``make_model()`` returns an unfitted model with ``fit(frame)`` and ``predict_frame``;
    ``folds=0`` leaves one source file out at a time.
    """
    predicted = pd.DataFrame({"topic": pd.Series(pd.NA, index=frame.index, dtype="string"),
                              "role": pd.Series(pd.NA, index=frame.index, dtype="string")})
    for train, test in _splits(frame, folds):
        model = make_model().fit(frame.iloc[train])
        held_out = model.predict_frame(frame.iloc[test])
        predicted.loc[held_out.index, ["topic", "role"]] = held_out[["topic", "role"]].to_numpy()
    return predicted


def _gold(frame: pd.DataFrame, predicted: pd.DataFrame, column: str,
          mask: pd.Series | None = None) -> tuple[list[str], list[str]]:
    keep = frame[column].notna() & predicted[column].notna()
    if column == "role":
        keep &= frame["kind"] == "body"
    if mask is not None:
        keep &= mask
    return frame.loc[keep, column].astype(str).tolist(), predicted.loc[keep, column].astype(str).tolist()


def scores(frame: pd.DataFrame, predicted: pd.DataFrame) -> dict[str, float]:
    """Topic macro-F1 and accuracy (all rows, headings, body, body without headings), role accuracy."""
    from sklearn.metrics import accuracy_score, f1_score

    out: dict[str, float] = {}
    subsets = {
        "": None, "_headings": frame["kind"] == "heading", "_body": frame["kind"] == "body",
        "_body_no_heading": (frame["kind"] == "body") & (frame["heading_path"].fillna("") == ""),
    }
    for suffix, mask in subsets.items():
        gold, guess = _gold(frame, predicted, "topic", mask)
        if gold:
            out[f"topic_macro_f1{suffix}"] = float(f1_score(gold, guess, average="macro", zero_division=0))
            out[f"topic_accuracy{suffix}"] = float(accuracy_score(gold, guess))
            out[f"topic_n{suffix}"] = float(len(gold))
    gold, guess = _gold(frame, predicted, "role")
    out["role_accuracy"] = float(accuracy_score(gold, guess)) if gold else float("nan")
    out["role_macro_f1"] = float(f1_score(gold, guess, average="macro", zero_division=0)) if gold else float("nan")
    out["role_n"] = float(len(gold))
    return out


# ---------------------------------------------------------------------------
# The keyword baseline
# ---------------------------------------------------------------------------

class KeywordBaseline:
    """Rules only: a heading's topic is its most frequent SPEC keyword topic, a body
    paragraph takes its nearest keyword-bearing heading's topic, else its own keywords;
    roles from position and cue words ("下半年……" → plan, "存在……不足" → problem)."""

    def fit(self, frame: pd.DataFrame, y: Any = None) -> KeywordBaseline:
        return self

    @staticmethod
    def _topic(text: str) -> str | None:
        hits = topic_cue_matrix([text])[0]
        return list(TOPIC_CUES)[int(hits.argmax())] if hits.max() > 0 else None

    def _row_topic(self, kind: str, text: str, path: str) -> str:
        own = self._topic(text)
        if kind == "heading" and own is not None:
            return own
        for heading in reversed([h for h in path.split(PATH_SEP) if h]):
            inherited = self._topic(heading)
            if inherited is not None:
                return inherited
        return own or OTHER

    @staticmethod
    def _role(text: str, path: str, first: bool, last: bool) -> str:
        if PLAN_OPENING.search(text) or ROLE_CUES["plan"].search(path):
            return "plan"
        if ROLE_CUES["problem"].search(text[:15]) or ROLE_CUES["problem"].search(path):
            return "problem"
        if first:
            return "preamble"
        if last and ROLE_CUES["closing"].search(text):
            return "closing"
        return "work"

    def predict_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        kinds = frame["kind"].astype(str).tolist()
        texts = frame["text"].astype(str).tolist()
        paths = frame["heading_path"].fillna("").astype(str).tolist()
        topics = [self._row_topic(k, t, p) for k, t, p in zip(kinds, texts, paths, strict=True)]
        roles: list[str | None] = [None] * len(frame)
        for _doc, positions in frame.reset_index(drop=True).groupby("doc_id", sort=False).indices.items():
            bodies = [i for i in positions if kinds[i] == "body"]
            for k, i in enumerate(bodies):
                roles[i] = self._role(texts[i], paths[i], k == 0, k == len(bodies) - 1)
        return pd.DataFrame({"topic": pd.array(topics, dtype="string"),
                             "role": pd.array(roles, dtype="string")}, index=frame.index)


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------

def confusion_table(gold: Sequence[str], guess: Sequence[str], labels: Sequence[str]) -> str:
    """A confusion matrix as plain text: rows are the labels, columns the predictions."""
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(gold, guess, labels=list(labels))
    width = max(5, *(len(label[:8]) for label in labels)) + 1
    head = " " * 13 + "".join(f"{label[:8]:>{width}}" for label in labels)
    lines = [head]
    for label, row in zip(labels, matrix, strict=True):
        lines.append(f"{label:<13}" + "".join(f"{v:>{width}}" for v in row))
    return "\n".join(lines)


def _per_class(gold: Sequence[str], guess: Sequence[str], labels: Sequence[str]) -> str:
    from sklearn.metrics import classification_report

    return classification_report(gold, guess, labels=list(labels), digits=3, zero_division=0)


def _summary_line(name: str, result: dict[str, float], with_roles: bool = True) -> str:
    nan = float("nan")
    line = (f"{name:<22} topic macro-F1 {result['topic_macro_f1']:.3f}  "
            f"(headings {result.get('topic_macro_f1_headings', nan):.3f}, "
            f"body {result.get('topic_macro_f1_body', nan):.3f}, "
            f"body w/o headings {result.get('topic_macro_f1_body_no_heading', nan):.3f})  "
            f"accuracy {result['topic_accuracy']:.3f}   ")
    if not with_roles:
        return line + "(roles: the classifier's)"
    return line + f"role accuracy {result['role_accuracy']:.3f}  role macro-F1 {result['role_macro_f1']:.3f}"


def report(frame: pd.DataFrame, predicted: pd.DataFrame) -> str:
    """Per-class precision/recall/F1 and confusion matrices of topic and role."""
    topic_gold, topic_guess = _gold(frame, predicted, "topic")
    role_gold, role_guess = _gold(frame, predicted, "role")
    topics = [t for t in TOPICS if t in set(topic_gold) | set(topic_guess)]
    roles = [r for r in ROLES if r in set(role_gold) | set(role_guess)]
    return "\n".join([
        "topic, per class (held-out predictions, headings and body):",
        _per_class(topic_gold, topic_guess, topics),
        "topic confusion matrix (rows: label, columns: prediction):",
        confusion_table(topic_gold, topic_guess, topics), "",
        "role, per class (body paragraphs):",
        _per_class(role_gold, role_guess, roles),
        "role confusion matrix (rows: label, columns: prediction):",
        confusion_table(role_gold, role_guess, roles),
    ])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m summarylens.evaluate sections",
        description="Grouped cross-validation of the topic/role classifier on label files.")
    parser.add_argument("--labels", type=Path, default=None,
                        help="a labels file or folder (default: the shipped labels)")
    parser.add_argument("--folds", type=int, default=0,
                        help="grouped k-fold by source file; 0 (default) leaves one source file out")
    parser.add_argument("--no-baselines", action="store_true", help="score the classifier only")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Print cross-validated scores of the classifier and of the baselines."""
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    frame = training_frame(args.labels or shipped_labels_dir())
    labelled = frame["topic"].notna()
    split = ("leave one source file out" if args.folds <= 0 else f"grouped {args.folds}-fold by source file")
    print(f"labels: {int(labelled.sum())} rows with a topic, "
          f"{int(frame['role'].notna().sum())} body rows with a role, "
          f"{frame['doc_id'].nunique()} documents in {frame['doc_id'].map(source_of).nunique()} "
          f"source files; cross-validation: {split}\n")
    systems: dict[str, Callable[[], Any]] = {"SectionClassifier": SectionClassifier}
    if not args.no_baselines:
        systems["baseline: keywords"] = KeywordBaseline
        systems["baseline: flat TF-IDF"] = partial(SectionClassifier, **FLAT_PARAMS)
    results = {}
    for name, make in systems.items():
        results[name] = cross_validate(frame, make, args.folds)
        print(_summary_line(name, scores(frame, results[name]), with_roles="flat" not in name))
    print()
    print(report(frame, results["SectionClassifier"]))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = [
    "FLAT_PARAMS",
    "KeywordBaseline",
    "confusion_table",
    "cross_validate",
    "main",
    "report",
    "scores",
    "source_of",
]
