"""Cue words and cue patterns of topics and roles, read from the lexicon files.

The word lists are data (``summarylens/lexicons``): ``topic_cues.tsv`` (word → topic),
``future_cues``/``past_cues`` (things still to do, things done) and one list per role
(``problem_cues``, ``plan_cues``, ``closing_cues``, ``preamble_cues``, ``work_cues``; a
problem or plan cue may carry a pattern, as 计划 does to leave out 计划生育). The
regular expressions here read a paragraph's shape, not its vocabulary: how a plan opens
("下半年，……将"), how a list item starts ("一是……"), what a section of problems is
called ("四、存在的问题").

Users pass their own topic cues to the classifier (``SectionClassifier(topic_cues=…)``):
:class:`TopicCues` turns any such list into the keyword features.

    >>> TopicCues({"welfare": ["慰问", "送温暖"], "skills": ["培训"]})(["春节慰问送温暖"]).round(3).tolist()
    [[1.099, 0.0]]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, cached_property
from typing import Any

import numpy as np

from .. import lexicons
from ..lexicons import Lexicon
from .counting import WordCounter

__all__ = [
    "FUTURE", "PAST", "ROLE_CUES", "TOPIC_CUES", "TOPIC_CUE_EXCLUSIONS",
    "RoleCues", "TopicCues", "default_role_cues", "default_topic_cues",
    "topic_cue_matrix",
]


def _alternation(name: str) -> re.Pattern[str]:
    """One pattern of a cue lexicon's entries, in file order: a cue's own pattern, else the word."""
    lexicon = lexicons.load(name)
    patterns = lexicon.column("pattern") if "pattern" in lexicon.columns else ("",) * len(lexicon)
    return re.compile("|".join(pattern or re.escape(word) for word, pattern in zip(lexicon.words, patterns,
                                                                                     strict=True)))


#: words that point to a topic wherever they stand (``lexicons/topic_cues.tsv``); each hit counts
TOPIC_CUES: dict[str, tuple[str, ...]] = lexicons.load("topic_cues").groups("topic")
#: longer phrases in which a topic's cue is not that cue (``lexicons/topic_cue_exclusions.tsv``):
#: "工会组织职工" (the union organised its staff) is no organization hit of 工会组织
TOPIC_CUE_EXCLUSIONS: dict[str, tuple[str, ...]] = lexicons.load("topic_cue_exclusions").groups("topic")

#: words that mark a role, searched in the paragraph and (``heading_*``) in its headings
ROLE_CUES: dict[str, re.Pattern[str]] = {
    role: _alternation(f"{role}_cues") for role in ("problem", "plan", "closing", "preamble", "work")
}

#: words of things still to do ("将", "力争") and of things done ("了", "已", "共计")
FUTURE = _alternation("future_cues")
PAST = _alternation("past_cues")

#: a paragraph opening that announces the coming half-year or year: "下半年，我们将……"
#: ("下半年以来，……工会在……领导下" reviews a second half-year: no future word, no plan)
PLAN_OPENING = re.compile(
    r"^(?:今年|[0-9０-９_X×]{2,4}年)?(?:下半年|下一步|明年|来年|今后|新的一年|在新的一年|下阶段"
    r"|下一阶段|下一?年度|[一二三四]季度|第[一二三四]季度|下季度|[0-9０-９_X×]{2,4}年)"
    r"(?!以来)[^。；]{0,25}?(?:将|(?<![重主需纲])要(?!求)|计划|拟|打算|力争|争取|着力)"
)
#: a closing pledge or summing-up: "总之，……" "我们将……为……作出新的更大贡献。"
CLOSING_PLEDGE = re.compile(
    r"^(?:总之|总而言之|综上所述|展望未来|让我们|回顾.{0,20}展望)"
    r"|作出[^。，]{0,12}(?:贡献|努力)|再创(?:新的)?辉煌|谱写[^。]{0,12}新篇章"
    r"|开创[^。]{0,12}新局面|再上新台阶|特此(?:总结|报告|汇报)"
)
#: a heading that names a section of problems or of plans: "四、存在的问题" "五、2024年工作打算"
PROBLEM_HEADING = re.compile(r"存在|不足|差距|(?:^|的|主要|几个)问题(?:和|与|及|、|$)")
PLAN_HEADING = re.compile(
    r"打算|下半年|下一步|明年|来年|今后|下一?年度|工作(?:思路|计划|设想|安排|要点)|展望"
    r"|[0-9０-９_X×]{2,4}年(?:工作|主要任务)|[一二三四]季度"
)
#: words of a heading that looks back, not ahead: "2023年工作回顾" "下半年工作情况"
REVIEW_HEADING = re.compile(r"回顾|总结|情况|成效|成绩|完成|开展|做法")
#: a sentence that announces problems: "但也存在一些不足：" "不足之处是……"
PROBLEM_OPENING = re.compile(
    r"(?:存在|暴露出?|还有|看到)着?(?:的|一些|一定的?|不少|以下|许多)?"
    r"(?:问题|不足|差距|短板|薄弱环节)|不足之处|不足是|问题是"
)
#: an item of a list: "一是……" "（2）……" "第三，……" "①……"
LIST_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,2}[，,、：:]"
    r"|[（(]?[0-9０-９]{1,2}[)）、．.]|[（(][一二三四五六七八九十]{1,2}[)）]|[\u2460-\u2473])"
)
#: a paragraph opening that reviews the period: "上半年，在……领导下"
REVIEW_OPENING = re.compile(
    r"^(?:[0-9０-９_X×]{2,4}年(?:上半年|度|以来)?|今年(?:以来|上半年)?|上半年|本年度|一年来"
    r"|半年来|年初以来)"
)


class TopicCues:
    """Keyword-prior features of a cue list: ``log1p`` of each topic's hits, per text.

    Called like a function (a scikit-learn ``FunctionTransformer`` holds one); the
    automata are built on first use and not pickled.

    >>> cues = TopicCues({"welfare": ["慰问"], "culture": ["篮球", "球"]})
    >>> cues.topics, cues(["篮球赛", "慰问慰问"]).round(3).tolist()
    (('welfare', 'culture'), [[0.0, 0.693], [1.099, 0.0]])

    ``exclusions`` (topic → phrases; None for the shipped :data:`TOPIC_CUE_EXCLUSIONS`,
    ``{}`` for none) are matched before a topic's words and do not count; a phrase that is
    one of the topic's own words stays a cue.

    >>> org = TopicCues({"organization": ["工会组织"]})
    >>> org(["工会组织职工参观", "加强工会组织建设"]).round(3).tolist()
    [[0.0], [0.693]]
    >>> TopicCues({"organization": ["工会组织"]}, exclusions={})(["工会组织职工参观"]).round(3).tolist()
    [[0.693]]
    """

    def __init__(self, cues: Mapping[str, Iterable[str]],
                 exclusions: Mapping[str, Iterable[str]] | None = None) -> None:
        self.topics = tuple(cues)
        self.word_lists = tuple(tuple(words) for words in cues.values())
        excluded = TOPIC_CUE_EXCLUSIONS if exclusions is None else exclusions
        self.exclusions = tuple(tuple(p for p in excluded.get(topic, ()) if p not in set(words))
                                for topic, words in zip(self.topics, self.word_lists, strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        return np.log1p(self._counter.counts(texts))

    @cached_property
    def _counter(self) -> WordCounter:
        return WordCounter(self.word_lists, silent=self.exclusions)

    def as_dict(self) -> dict[str, list[str]]:
        """The cue list as plain data: topic → words."""
        return {topic: list(words) for topic, words in zip(self.topics, self.word_lists, strict=True)}

    def __getstate__(self) -> dict[str, Any]:
        return {"topics": self.topics, "word_lists": self.word_lists, "exclusions": self.exclusions}

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("exclusions", ((),) * len(state["word_lists"]))  # pickled before exclusions
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"TopicCues({len(self.topics)} topics, {sum(map(len, self.word_lists))} words)"

    @classmethod
    def of(cls, cues: Mapping[str, Iterable[str]] | Lexicon | None, known: Iterable[str]) -> TopicCues:
        """The cue features of a ``topic_cues`` parameter: None (the shipped list), a dict
        topic → words, or a :class:`~summarylens.lexicons.Lexicon` with a ``topic`` column.

        Raises ValueError (naming the problem) for unknown topics, empty lists or words.
        """
        if cues is None:
            return default_topic_cues()
        if isinstance(cues, Lexicon):
            if "topic" not in cues.columns:
                raise ValueError(f"topic_cues: lexicon {cues.name!r} has no 'topic' column ({list(cues.columns)})")
            cues = cues.groups("topic")
        if not isinstance(cues, Mapping):
            raise ValueError(f"topic_cues must be None, a dict topic → words or a Lexicon, not {type(cues).__name__}")
        lists: dict[str, list[Any]] = {topic: [words] if isinstance(words, str) else list(words)
                                       for topic, words in cues.items()}
        unknown = sorted(str(t) for t in lists if t not in set(known))
        if unknown:
            raise ValueError(f"topic_cues: unknown topics {unknown}; expected some of {list(known)}")
        bad = [w for words in lists.values() for w in words if not isinstance(w, str) or not w.strip()]
        if bad or not lists or any(not words for words in lists.values()):
            raise ValueError("topic_cues: every topic needs at least one non-empty word"
                             + (f" (got {bad[:3]!r})" if bad else ""))
        return cls(lists)


class RoleCues:
    """The cue words of the role features: things still to do (``future``), things done
    (``past``) and one pattern per role (:data:`ROLE_CUES`' keys, in that order).

    :meth:`of` reads the ``role_cues`` parameter of the classifier: None for the shipped
    lists, or a dict that replaces some of them with the user's words (the others stay).

    >>> cues = RoleCues.of({"problem": ["美中不足", "不足"]})
    >>> cues.roles["problem"].pattern, cues.future is FUTURE
    ('美中不足|不足', True)
    """

    __slots__ = ("future", "past", "roles", "words")

    def __init__(self, future: re.Pattern[str], past: re.Pattern[str], roles: Mapping[str, re.Pattern[str]],
                 words: Mapping[str, list[str]] | None = None) -> None:
        self.future, self.past, self.roles = future, past, dict(roles)
        self.words = dict(words or {})  # the user's lists, as given (None: all shipped)

    @classmethod
    def of(cls, cues: Mapping[str, Iterable[str]] | None) -> RoleCues:
        """The role cues of a ``role_cues`` parameter (ValueError for unknown names or empty words)."""
        if cues is None:
            return default_role_cues()
        if not isinstance(cues, Mapping):
            raise ValueError(f"role_cues must be None or a dict name → words, not {type(cues).__name__}")
        names = ("future", "past", *ROLE_CUES)
        unknown = sorted(str(name) for name in cues if name not in names)
        if unknown:
            raise ValueError(f"role_cues: unknown lists {unknown}; expected some of {list(names)}")
        lists = {name: [words] if isinstance(words, str) else list(words) for name, words in cues.items()}
        if any(not words or any(not isinstance(w, str) or not w.strip() for w in words) for words in lists.values()):
            raise ValueError("role_cues: every list needs at least one word and no empty word")
        mine = {name: re.compile("|".join(map(re.escape, words))) for name, words in lists.items()}
        return cls(mine.get("future", FUTURE), mine.get("past", PAST),
                   {role: mine.get(role, pattern) for role, pattern in ROLE_CUES.items()}, lists)

    def __reduce__(self) -> tuple[Any, ...]:
        return (RoleCues.of, (self.words or None,))


@cache
def default_role_cues() -> RoleCues:
    """The shipped role cues (the ``*_cues`` lexicons), one object per process."""
    return RoleCues(FUTURE, PAST, ROLE_CUES)


@cache
def default_topic_cues() -> TopicCues:
    """The shipped topic cues (``lexicons/topic_cues.tsv``) as features, one object per process."""
    return TopicCues(TOPIC_CUES)


def topic_cue_matrix(texts: Sequence[str]) -> np.ndarray:
    """Keyword-prior features of the shipped cues: ``log1p`` of each topic's hits, per text.

    >>> topic_cue_matrix(["春节慰问困难职工"])[0, list(TOPIC_CUES).index("welfare")] > 0
    np.True_
    """
    return default_topic_cues()(texts)
