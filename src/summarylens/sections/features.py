"""Role features of body paragraphs: where they stand, what they say, what announced them.

A paragraph's role (preamble, work, problem, plan, closing) shows in its place (first,
last, before any heading), its words (future and past cue counts, role cues in the text
and its first twelve characters), its section ("四、存在的问题") and the sentence that
announced its list ("存在以下不足：" before "一是……"). :func:`role_features` gives each
body row its text and these numbers (:data:`ROLE_FEATURES`, in column order).

    >>> from summarylens.sections.rows import Rows
    >>> import numpy as np
    >>> rows = Rows(["下半年，我们将继续做好帮扶。"], ["body"], [""], [np.array([0])])
    >>> body, records = role_features(rows)
    >>> numbers = dict(zip(ROLE_FEATURES, role_numbers(records)[0].tolist()))
    >>> [int(i) for i in body], numbers["plan_opening"], numbers["first"], list_anchor(records[0])
    ([0], 1.0, 0.0, (0.0, 0.0))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .counting import count_matches
from .cues import (
    LIST_ITEM,
    PLAN_HEADING,
    PLAN_OPENING,
    PROBLEM_HEADING,
    PROBLEM_OPENING,
    REVIEW_HEADING,
    REVIEW_OPENING,
    ROLE_CUES,
    RoleCues,
    default_role_cues,
)
from .rows import Rows
from .text import LIST_MARKER, PATH_SEP

__all__ = ["ROLE_FEATURES", "list_anchor", "role_features", "role_numbers", "role_texts", "section_role"]

#: numeric role features, in column order
ROLE_FEATURES: tuple[str, ...] = (
    "first", "second", "last", "second_last", "relative_position", "before_headings",
    "no_headings", "log_length", "plan_opening", "review_opening", "problem_opening", "future",
    "past", "item", "anchor_plan", "anchor_problem", "section_problem", "section_plan",
    "section_mixed", *(f"text_{r}" for r in ROLE_CUES), *(f"lead_{r}" for r in ROLE_CUES),
)


@lru_cache(maxsize=4096)
def section_role(path: str) -> tuple[bool, bool]:
    """Whether a paragraph's section is about problems, plans (or both: "存在的问题和下半年打算").

    The deepest heading above it that names a role decides:

    >>> section_role("五、2024年工作打算 > （一）继续深化劳动竞赛")
    (False, True)
    >>> section_role("一、2023年工作回顾"), section_role("三、解决职工热点难点问题")
    ((False, False), (False, False))
    """
    for heading in reversed(path.split(PATH_SEP)):
        words = LIST_MARKER.sub("", heading)
        problem = bool(PROBLEM_HEADING.search(words))
        plan = bool(PLAN_HEADING.search(words)) and not REVIEW_HEADING.search(words)
        if problem or plan:
            return problem, plan
    return False, False


def role_features(rows: Rows, cues: RoleCues | None = None) -> tuple[list[int], list[tuple[str, np.ndarray]]]:
    """Body rows and, for each, its text and numeric role features (:data:`ROLE_FEATURES`).

    ``cues``: the role cue words (default: the shipped lists).
    """
    cues = cues or default_role_cues()
    body_rows: list[int] = []
    layout: list[tuple[float, ...]] = []  # position, before headings, no headings, list anchors
    for group in rows.groups:
        kinds = [rows.kinds[i] for i in group]
        bodies = [i for i, kind in zip(group, kinds, strict=True) if kind == "body"]
        first_heading = kinds.index("heading") if "heading" in kinds else len(group)
        before = set(group[:first_heading].tolist())
        anchors = _list_anchors(rows, bodies, cues)
        lead = _leading_fragments([rows.texts[i] for i in bodies])
        for k, i in enumerate(bodies):
            place = _position(k - lead, len(bodies) - lead) if k >= lead else _FRAGMENT_PLACE
            layout.append((*place, float(i in before), float(first_heading == len(group)), *anchors[k]))
            body_rows.append(i)
    if not body_rows:
        return [], []
    texts = [rows.texts[i] for i in body_rows]
    places = np.asarray(layout, dtype=float)
    sections = np.asarray([_section_flags(rows.paths[i]) for i in body_rows], dtype=float)
    words = count_matches((cues.future, cues.past, *cues.roles.values()), texts)
    leads = np.minimum(count_matches(tuple(cues.roles.values()), [t[:12] for t in texts]), 1.0)
    matrix = np.column_stack([
        places[:, :7], np.log1p(np.fromiter(map(len, texts), dtype=float, count=len(texts))),
        np.asarray([_opening_flags(t) for t in texts], dtype=float), np.log1p(words[:, :2]),
        np.fromiter((bool(LIST_ITEM.match(t)) for t in texts), dtype=float, count=len(texts)),
        places[:, 7:], sections, np.log1p(words[:, 2:]), leads,
    ])
    return body_rows, list(zip(texts, matrix, strict=True))


def _section_flags(path: str) -> tuple[bool, bool, bool]:
    """A section about problems only, plans only, or both (:func:`section_role`)."""
    problem, plan = section_role(path)
    return problem and not plan, plan and not problem, problem and plan


#: a document needs this many body paragraphs for their positions to tell roles apart
MIN_PARAGRAPHS_FOR_POSITION = 3


def _position(k: int, n: int) -> tuple[float, ...]:
    """First, second, last, second-last, relative position of body paragraph ``k`` of ``n``.

    A snippet of one or two paragraphs has no opening or closing to speak of: all zero
    (relative position one half), so its roles come from its words.
    """
    if n < MIN_PARAGRAPHS_FOR_POSITION:
        return 0.0, 0.0, 0.0, 0.0, 0.5
    return float(k == 0), float(k == 1), float(k == n - 1), float(k == n - 2), k / (n - 1)


#: the place of a leading fragment: no position of its own (see :func:`_leading_fragments`)
_FRAGMENT_PLACE = (0.0, 0.0, 0.0, 0.0, 0.0)
#: a body row this short with no punctuation at all is a line, not a paragraph
FRAGMENT_MAX_CHARS = 40
_PUNCTUATION = re.compile(r"[。，,；;！!？?、]|[：:]$")


def _leading_fragments(texts: list[str]) -> int:
    """How many body rows open a document without being paragraphs: short lines without punctuation.

    On a web page the first "body" row is often a headline or a site line the splitter
    took for text ("城关镇总工会：凝心聚力谱新篇", a colon inside but none at the end, where a
    salutation "各位代表：" has one); counting it as the first paragraph would
    push the real opening overview to second place. Such rows are left out of the
    positions (first, second, relative place); a document of fragments only keeps them all.

    >>> _leading_fragments(["城关镇总工会 凝心聚力谱新篇", "今年以来，镇总工会在镇党委领导下……", "二是……"])
    1
    >>> _leading_fragments(["各位代表：", "一年来，……"]), _leading_fragments(["某某工会：聚力前行", "一年来，……"])
    (0, 1)
    """
    n = 0
    for text in texts:
        stripped = text.strip()
        if len(stripped) > FRAGMENT_MAX_CHARS or _PUNCTUATION.search(stripped):
            break
        n += 1
    return n if n < len(texts) else 0


def _opening_flags(text: str) -> tuple[float, float, float]:
    """Whether a paragraph opens with a plan, opens with a review, announces problems."""
    return (float(bool(PLAN_OPENING.search(text))), float(bool(REVIEW_OPENING.search(text))),
            float(bool(PROBLEM_OPENING.search(text))))


def _list_anchors(rows: Rows, bodies: list[int], cues: RoleCues) -> list[tuple[float, float]]:
    """For list items, the plan/problem cues of the paragraph that announced the list.

    "下半年，厂工会将重点抓好以下工作：" makes the "一是……" "二是……" after it plan items;
    "但也存在一些不足：" makes them problems.
    """
    anchors: list[tuple[float, float]] = []
    current = (0.0, 0.0)
    for k, i in enumerate(bodies):
        text = rows.texts[i]
        same_section = k > 0 and rows.paths[bodies[k - 1]] == rows.paths[i]
        if not (LIST_ITEM.match(text) and same_section):
            current = (0.0, 0.0)
        anchors.append(current)
        if not LIST_ITEM.match(text) and text.rstrip().endswith(("：", ":")):
            announcing = re.split(r"[。；;！？]", text.rstrip())[-1]  # the sentence before the list
            plan = cues.roles["plan"].search(announcing) or PLAN_OPENING.search(announcing)
            problem = cues.roles["problem"].search(announcing) or PROBLEM_OPENING.search(announcing)
            current = (float(bool(plan)), float(bool(problem)))
    return anchors


def list_anchor(record: tuple[str, np.ndarray]) -> tuple[float, float]:
    """The (plan, problem) cues of the list a role record's paragraph is an item of."""
    start = ROLE_FEATURES.index("anchor_plan")
    return float(record[1][start]), float(record[1][start + 1])


def role_numbers(records: Sequence[tuple[str, np.ndarray]]) -> np.ndarray:
    """The numeric part of :func:`role_features` records, as a matrix."""
    matrix = np.asarray([r[1] for r in records], dtype=float)
    return matrix.reshape(len(records), len(ROLE_FEATURES))


def role_texts(records: Sequence[tuple[str, np.ndarray]]) -> list[str]:
    """The text part of :func:`role_features` records."""
    return [r[0] for r in records]
