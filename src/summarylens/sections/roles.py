"""Roles of a document's body paragraphs: rules the labels cannot teach, then Viterbi.

The role model gives each body paragraph log-probabilities of preamble, work, problem,
plan and closing. :func:`apply_role_priors` adjusts them with a few rules too rare in
the labelled corpus to be learned (a paragraph under "四、存在的问题" is at least likely a
problem; "下半年，……将" opens a plan; a pledge ending a document closes it), and
:func:`decode_role_groups` then decodes each document's roles together, preferring the
usual order preamble → work → problem → plan → closing.

    >>> decode_roles(np.log([[.9, .1], [.3, .7], [.6, .4]]), ["work", "plan"], back_penalty=1.0)
    ['work', 'plan', 'plan']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..patterns import is_signoff
from ..records import ROLES
from .cues import CLOSING_PLEDGE, LIST_ITEM, PLAN_OPENING, PROBLEM_OPENING, RoleCues, default_role_cues
from .rows import Rows

__all__ = ["ROLE_ORDER", "apply_role_priors", "decode_role_groups", "decode_roles", "last_body_rows"]

#: the order of roles in a typical summary, used to decode a document's roles together
ROLE_ORDER: tuple[str, ...] = tuple(ROLES)
#: the probability a general pledge closing a document at least gets as ``closing``
CLOSING_PRIOR = 0.7
#: the probability a paragraph opening with "下半年，……将" at least gets as ``plan``
PLAN_PRIOR = 0.6
#: the probability a paragraph in a section of problems (or plans) at least gets that role
SECTION_PRIOR = 0.6
#: the probability a signature or date line at the end ("某某工会" "2023年12月28日") is closing
SIGNOFF_PRIOR = 0.95


def last_body_rows(rows: Rows, body_rows: list[int]) -> list[bool]:
    """Whether each body row is the last body paragraph of its document, sign-offs aside."""
    last = {int(next((i for i in reversed(group)
                      if rows.kinds[i] == "body" and not is_signoff(rows.texts[i])), -1))
            for group in rows.groups}
    return [i in last for i in body_rows]


def apply_role_priors(log_probs: np.ndarray, classes: list[str], texts: list[str],
                       sections: list[tuple[bool, bool]], anchors: list[tuple[float, float]],
                       last: list[bool], cues: RoleCues | None = None) -> None:
    """Rules the few labelled examples cannot teach, applied to role log-probabilities.

    ``cues``: the role cue words (default: the shipped lists).

    In order, later rules winning:

    * in a section headed "存在的问题" (or "下半年打算") alone, or as an item of a list
      announced by "存在以下不足：" (or "将重点抓好以下工作："), a paragraph is at least
      ``SECTION_PRIOR`` likely a problem (a plan); under "存在的问题和下半年打算" it is at
      most ``(1 - SECTION_PRIOR) / 2`` likely plain work, and its own words choose between
      problem and plan when they name only one;
    * an overview reviews the period, so a paragraph opening with a plan ("下半年，……将")
      is never the preamble and at least ``PLAN_PRIOR`` likely a plan;
    * a general pledge ending a document ("……作出新的更大贡献。"), not a plan, a list item
      or a report of problems, is at least ``CLOSING_PRIOR`` likely the closing, a signature
      or date line ``SIGNOFF_PRIOR``.
    """
    index = {c: j for j, c in enumerate(classes)}
    for k, text in enumerate(texts):
        for problem, plan in (sections[k], (anchors[k][1] > 0, anchors[k][0] > 0)):
            if problem or plan:
                _raise_to(log_probs[k], index.get("work"), (1 - SECTION_PRIOR) / 2, cap=True)
            if problem and plan:  # "存在的问题和下半年打算": the paragraph's own words choose
                problem, plan = _problem_or_plan(text, cues or default_role_cues())
            if problem != plan:
                _raise_to(log_probs[k], index.get("problem" if problem else "plan"), SECTION_PRIOR)
        opens_plan = bool(PLAN_OPENING.search(text))
        if opens_plan:
            _raise_to(log_probs[k], index.get("preamble"), 0.0, cap=True)
            _raise_to(log_probs[k], index.get("plan"), PLAN_PRIOR)
        if last[k] and _is_pledge(text):
            _raise_to(log_probs[k], index.get("closing"), CLOSING_PRIOR)
        if is_signoff(text):
            _raise_to(log_probs[k], index.get("closing"), SIGNOFF_PRIOR)


def _is_pledge(text: str) -> bool:
    """A general pledge, not a plan, a list or a report of problems.

    >>> _is_pledge("总之，我们将团结带领广大职工，为企业发展作出新的更大贡献。")
    True
    >>> _is_pledge("存在一些不足。2022年，集团工会将做好三项工作，作出新贡献。")
    False
    """
    sentences = [t for t in re.split(r"[。；;！!？?]", text) if t.strip()]
    return (bool(CLOSING_PLEDGE.search(text)) and not LIST_ITEM.match(text)
            and not text.rstrip().endswith(("：", ":")) and not PROBLEM_OPENING.search(text)
            and not any(PLAN_OPENING.search(t.strip()) for t in sentences))


def _problem_or_plan(text: str, cues: RoleCues) -> tuple[bool, bool]:
    """Whether a paragraph states problems only, or plans only ((False, False): both or neither).

    >>> _problem_or_plan("一是基层分工会活动开展不平衡；", default_role_cues())
    (True, False)
    """
    problem = bool(cues.roles["problem"].search(text) or PROBLEM_OPENING.search(text))
    plan = bool(cues.future.search(text) or PLAN_OPENING.search(text))
    return problem and not plan, plan and not problem


def _raise_to(log_prob: np.ndarray, j: int | None, bound: float, cap: bool = False) -> None:
    """Give class ``j`` at least (``cap``: at most) probability ``bound``, rescaling the rest.

    Does nothing when the class is not known to the model (``j`` is None).
    """
    if j is None:
        return
    p = np.exp(log_prob)
    p = p / p.sum()
    if (p[j] <= bound) if cap else (p[j] >= bound):
        return
    others = 1.0 - p[j]
    p = p * ((1 - bound) / others) if others > 0 else np.full_like(p, (1 - bound) / max(len(p) - 1, 1))
    p[j] = bound
    log_prob[:] = np.log(np.clip(p, 1e-9, 1.0))


def decode_roles(log_probs: np.ndarray, classes: Sequence[str], back_penalty: float) -> list[str]:
    """The best role sequence of one document's body paragraphs (Viterbi).

    Moving forward in :data:`ROLE_ORDER` is free; moving back costs ``back_penalty``
    (in log-probability), so "存在的问题" in the middle of the work section needs strong
    evidence. ``back_penalty=0`` takes each paragraph's best role on its own.

    >>> log_probs = np.log([[.9, .1], [.3, .7], [.6, .4]])
    >>> decode_roles(log_probs, ["work", "plan"], back_penalty=1.0)
    ['work', 'plan', 'plan']
    >>> decode_roles(log_probs, ["work", "plan"], back_penalty=0.0)
    ['work', 'plan', 'work']
    """
    return decode_role_groups(log_probs, [np.arange(len(log_probs))], classes, back_penalty)[0]


def decode_role_groups(log_probs: np.ndarray, groups: Sequence[np.ndarray], classes: Sequence[str],
                       back_penalty: float) -> list[list[str]]:
    """:func:`decode_roles` for many documents at once (``groups``: each one's rows of ``log_probs``).

    The documents run side by side, padded to the longest, one step per paragraph
    position instead of one per paragraph; each gets the path it gets on its own.

    >>> log_probs = np.log([[.9, .1], [.3, .7], [.6, .4], [.2, .8]])
    >>> decode_role_groups(log_probs, [np.array([0, 1, 2]), np.array([3])], ["work", "plan"], 1.0)
    [['work', 'plan', 'plan'], ['plan']]
    """
    lengths = np.array([len(g) for g in groups], dtype=int)
    if not len(groups) or lengths.max() == 0:
        return [[] for _ in groups]
    rank = np.array([ROLE_ORDER.index(c) if c in ROLE_ORDER else 0 for c in classes])
    transition = np.where(rank[None, :] < rank[:, None], -back_penalty, 0.0)
    steps = int(lengths.max())
    padded = np.zeros((len(groups), steps, len(classes)))
    for d, group in enumerate(groups):
        padded[d, :len(group)] = log_probs[group]
    score = padded[:, 0].copy()
    back = np.zeros(padded.shape, dtype=int)
    for t in range(1, steps):
        candidates = score[:, :, None] + transition[None]
        back[:, t] = candidates.argmax(axis=1)
        going = lengths > t  # documents still running at this position
        score[going] = candidates[going].max(axis=1) + padded[going, t]
    state = score.argmax(axis=1)
    path = np.zeros((len(groups), steps), dtype=int)
    for t in range(steps - 1, -1, -1):
        ends_here = lengths - 1 == t
        state[ends_here] = score[ends_here].argmax(axis=1)
        path[:, t] = state
        if t:
            state = np.where(lengths > t, back[np.arange(len(groups)), t, state], state)
    return [[classes[j] for j in path[d, :n]] for d, n in enumerate(lengths)]
