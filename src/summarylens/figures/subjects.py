"""The subject of a figure: what is counted or paid, as written next to it.

A cheap lexicon rule, no segmentation: first a noun phrase right after the unit
(``2468名女职工`` → 女职工), else one right before the number, over filler words
(``慰问特困职工家庭24户`` → 特困职工家庭, ``计慰问款20100元`` → 慰问款), else a run of
Chinese after the unit or after the last verb before the number. The words are the
``figure_subject_*`` lexicons (modifiers, heads, fillers, verbs).

Example::

    >>> from summarylens.figures import find_figures
    >>> [f.subject for f in find_figures("慰问特困职工家庭24户，计慰问款20100元。")[0]]
    ['特困职工家庭', '慰问款']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .records import Found
from .wordlists import lexicon, plain

__all__ = ["SUBJECT_AFTER", "subject"]

_MODIFIERS = lexicon("subject_modifiers").words
_HEADS = lexicon("subject_heads").words
_FILLERS = lexicon("subject_fillers").words
_VERBS = lexicon("subject_verbs").words


def _backwards(words: Sequence[str]) -> str:
    """The words as an alternation, each written backwards: ``["职工", "款"]`` → ``"工职|款"``."""
    return plain(word[::-1] for word in words)


_SUBJ_MOD = plain(_MODIFIERS)
_SUBJ_HEAD = plain(_HEADS)

#: the subject right after a unit: 名[女职工], 个[基层工会]
SUBJECT_AFTER = re.compile(rf"(?:{_SUBJ_MOD})*(?:{_SUBJ_HEAD})+")
#: the subject right before a number, matched on the *reversed* window (one anchored
#: match instead of a search): 慰问[特困职工家庭]24户, 计[慰问款]20100元
SUBJECT_BEFORE_REVERSED = re.compile(
    rf"(?:(?:{_backwards(_HEADS)})(?:{_backwards(_MODIFIERS)})*)+"
)
#: fallback subject after a unit: a run of Chinese up to a function word or a stop
SUBJECT_AFTER_RUN = re.compile(
    r"[\u4e00-\u9fff]{2,7}?(?=[的了在参与和及等为对进开到获被向从给将把所就是有也还又并而且已均都共计达占由于以"
    r"，。；、,;！？（）()\s“”]|$)"
)
#: the last verb or function word before a number, at a given offset, and the characters
#: those words open with: scanning back from the end with these finds the last one
_VERB_AT = re.compile(plain(_VERBS))
_VERB_FIRST = frozenset(word[0] for word in _VERBS)
#: the run of Chinese right before a number, matched on the reversed words
_RUN_REVERSED = re.compile(r"[\u4e00-\u9fff]{2,8}")
_SUBJECT_AFTER_MATCH = SUBJECT_AFTER.match
#: filler between a subject and its figure ("慰问款共计", "人数达到"), then the subject if
#: there is one, in one match on the reversed window (the filler possessive: it gives
#: nothing back)
_SUBJECT_BEHIND = re.compile(
    rf"(?:{_backwards(_FILLERS)}|\s)*+(?P<subject>{SUBJECT_BEFORE_REVERSED.pattern})?"
)
_SUBJECT_BEHIND_MATCH = _SUBJECT_BEHIND.match
#: the characters those two can open with (cheap tests before the regexes, which try
#: every word): a subject word after a unit; a filler or subject word, read backwards
_SUBJECT_AFTER_FIRST = frozenset(word[0] for word in (*_MODIFIERS, *_HEADS))
_SUBJECT_BEHIND_FIRST = frozenset(word[-1] for word in (*_FILLERS, *_HEADS))


def subject(text: str, fig: Found, s: int, e: int) -> str | None:
    """What is counted or paid, as written next to the figure.

    First a noun phrase right after the unit ("2468名女职工" → 女职工), else one right
    before the number, over filler words ("慰问特困职工家庭24户" → 特困职工家庭,
    "计慰问款20100元" → 慰问款). A cheap lexicon rule — no segmentation.
    """
    end, kind = fig.end, fig.kind
    counted = kind != "money" and kind != "percent"
    may_follow = text[end:end + 1] in _SUBJECT_AFTER_FIRST
    if counted and may_follow:
        after = _SUBJECT_AFTER_MATCH(text, end, min(e, end + 12))
        if after:
            return after.group()
    start = fig.start
    backwards = text[max(s, start - 16):start][::-1]
    last = backwards[:1]
    if last in _SUBJECT_BEHIND_FIRST or last.isspace():
        behind = _SUBJECT_BEHIND_MATCH(backwards)          # always matches (maybe empty)
        assert behind is not None
        found = behind.group("subject")
        if found:
            return found[::-1]
        backwards = backwards[behind.end():]
    if not counted and may_follow:                          # money and percent: after, last
        after = _SUBJECT_AFTER_MATCH(text, end, min(e, end + 12))
        if after:
            return after.group()
    return _subject_run(text, fig, s, e, backwards)


def _subject_run(text: str, fig: Found, s: int, e: int, before_reversed: str) -> str | None:
    """Fallback subject: the words after a measure word (``[9个]分工会参赛`` → 分工会), or
    the words before the number after its verb (``收到作品[430余件]`` → 作品).

    ``before_reversed`` is the text before the number (filler words cut), reversed.
    """
    if fig.kind not in ("money", "percent"):
        run = SUBJECT_AFTER_RUN.match(text, fig.end, min(e, fig.end + 10))
        if run:
            return run.group()
    tail = _RUN_REVERSED.match(before_reversed)             # the words before the number, reversed
    if tail is None:
        return None
    words = tail.group()[::-1]
    cut = _after_last_verb(words)
    words = words[cut:]
    return words if len(words) >= 2 else None


def _after_last_verb(words: str) -> int:
    """Where the words after the last verb or function word start (0 without one)."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _VERB_FIRST:
            verb = _VERB_AT.match(words, i)
            if verb:
                return verb.end()
    return 0
