"""Topic and role of every heading and body paragraph: a layered, trainable classifier.

The topics and roles are those of SPEC section 3. :class:`SectionClassifier` is a
scikit-learn estimator that works in layers, the way a careful reader does:

1. **Own words.** A character 1–2-gram TF-IDF + keyword-prior logistic regression (a
   scikit-learn ``Pipeline``) gives every heading and paragraph a topic distribution
   from its own text. The keyword priors encode the "typical content" column of the
   SPEC (``慰问`` → welfare, ``职代会`` → democracy …), so they carry over to reports
   written by other hands. (jieba word features were tried: +0.007 macro-F1, within
   noise, for a second of dictionary loading and a slower hot path — left out.)
2. **Headings are strong evidence.** A body paragraph mixes its own distribution with
   that of its nearest *informative* enclosing heading (``heading_weight``), so it
   inherits the heading's topic unless its own text is sure of another
   (``override_threshold``). A heading reads its own words, its first clause first
   ("五、关心女职工，丰富文化生活" → women) and, a little, the rows it covers; a vague one
   ("（二）主要做法") inherits from its parent. Body text without headings keeps its own
   words, helped by a lead-in clause ("在民主管理方面，", "一是加强职工之家建设，").
   Openings and closings lean to ``other``.
3. **Roles** come from position (first, last, before any heading), cue words of the
   paragraph, of its section heading ("存在的问题", "下半年工作打算") and of the sentence
   that announced its list ("存在以下不足："), fed to a second logistic regression; a few
   rules the labels are too few to teach (see :func:`_apply_role_priors`) adjust the
   probabilities, and each document's roles are decoded together, preferring the usual
   order preamble → work → problem → plan → closing.

``topic_score`` is the probability of the chosen topic after layering.

The estimator is built lazily (importing scikit-learn takes seconds), so
``import summarylens`` stays cheap; ``summarylens.classify.SectionClassifier`` and
``summarylens.SectionClassifier`` import scikit-learn on first use.

Example::

    >>> from summarylens.segment import segment_text
    >>> rows = label_paragraphs(segment_text("三、关心职工生活\\n春节前走访慰问困难职工73人。"))
    >>> [(p.kind, p.topic, p.role) for p in rows]
    [('heading', 'welfare', None), ('body', 'welfare', 'work')]
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import io
import json
import os
import re
import tempfile
import threading
import time
import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from . import linear
from .model import ROLES, TOPICS, Paragraph
from .segment import SIGNOFF_LINE

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from sklearn.base import BaseEstimator, ClassifierMixin

#: paragraph kinds that get a topic (headings and body) and a role (body only)
TOPIC_KINDS = frozenset({"heading", "body"})
#: the order of roles in a typical summary, used to decode a document's roles together
ROLE_ORDER: tuple[str, ...] = tuple(ROLES)
#: the catch-all topic; a heading predicted "other" does not pass its topic on
OTHER = "other"
#: joins the headings of ``heading_path``
PATH_SEP = " > "
#: version of the saved model file layout (see :func:`save_model`)
MODEL_FORMAT = 1
#: training rows on which a compiled model must match scikit-learn's predictions
COMPILE_CHECK_ROWS = 400

# ---------------------------------------------------------------------------
# Keyword priors: the SPEC's "typical content" column, widened by hand
# ---------------------------------------------------------------------------

#: words that point to a topic wherever they stand; each hit counts as evidence
TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "ideology": (
        "学习贯彻", "精神", "主题教育", "宣传", "理论学习", "思想政治", "政治学习", "思想教育",
        "党史", "新思想", "核心价值观", "师德", "职业道德", "意识形态", "宣讲", "爱国主义",
        "廉政", "廉洁", "党建", "党的", "政治理论", "学习教育", "道德讲堂", "读书", "思想",
        "舆论", "阵地", "网上工会", "微信公众号", "中国梦", "文明单位", "志愿服务",
    ),
    "skills": (
        "培训", "技能", "比武", "劳动竞赛", "竞赛", "赛课", "学习型", "创争", "合理化建议",
        "技术革新", "创新工作室", "工匠", "岗位练兵", "素质", "技术攻关", "五小", "练兵",
        "业务", "教学", "公开课", "导师", "师带徒", "传帮带", "课题", "科研", "岗位成才",
        "建功立业", "技术比赛", "职业资格", "知识竞赛", "优质服务", "劳动技能",
    ),
    "democracy": (
        "教代会", "职代会", "职工代表大会", "教职工代表大会", "代表大会", "提案", "厂务公开",
        "校务公开", "政务公开", "院务公开", "事务公开", "民主评议", "民主管理", "民主监督",
        "参政议政", "民主测评", "职工代表", "知情权", "参与权", "监督权", "公开栏",
        "民主", "述职", "评议", "恳谈", "职工董事", "职工监事",
    ),
    "rights": (
        "集体合同", "集体协商", "工资协商", "劳动合同", "劳动保护", "安全生产", "安康杯",
        "维权", "维护", "劳动关系", "劳动争议", "调解", "法律援助", "普法", "权益", "欠薪",
        "隐患", "职业病", "劳动监督", "源头参与", "签订", "工资支付", "社会保险", "法律",
        "信访", "和谐劳动", "安全", "防护", "高温", "休息休假", "工资增幅",
    ),
    "organization": (
        "建会", "入会", "会员", "工会干部", "职工之家", "经审", "自身建设", "组织建设",
        "换届", "基层工会", "工会组织", "工会小组", "规范化建设", "会员评家", "调研",
        "作风建设", "制度建设", "信息化", "档案", "委员会", "分工会", "组建", "覆盖",
        "实名制", "工会委员", "班子", "干部队伍", "服务职工", "阵地建设", "小家",
    ),
    "welfare": (
        "困难职工", "慰问", "救助", "捐款", "助学", "体检", "互助保险", "送温暖", "帮扶",
        "金秋", "送清凉", "大病", "患病", "住院", "爱心", "生日", "福利", "疗休养", "退休",
        "医疗互助", "困难", "救济", "结对", "补助", "慰问金", "探望", "看望", "病困",
        "关爱", "冷暖", "午餐", "食堂", "托管", "暖心", "驿站", "解难",
    ),
    "culture": (
        "球赛", "篮球", "乒乓", "羽毛球", "拔河", "联欢", "歌咏", "合唱", "旅游", "徒步",
        "健身", "运动会", "文艺", "晚会", "书画", "摄影", "趣味", "登山", "游园", "文体",
        "棋", "瑜伽", "舞蹈", "观影", "踏青", "春游", "秋游", "比赛", "兴趣小组", "俱乐部",
        "协会", "健步走", "足球", "太极", "演出", "文化活动", "业余生活", "游戏",
    ),
    "women": (
        "三八", "女职工", "妇女", "女性", "两癌", "母婴", "妈咪小屋", "巾帼", "女工",
        "女教职工", "女同志", "妈妈", "哺乳", "孕期", "特殊权益", "家庭教育", "亲子",
        "姐妹", "女委员", "婚恋", "单身", "联谊",
    ),
    "honors": (
        "劳动模范", "劳模", "先进集体", "先进个人", "表彰", "荣获", "称号", "评先", "评优",
        "劳动奖", "工人先锋号", "模范", "授予", "嘉奖", "优秀", "最美", "先进", "典型",
        "标兵", "荣誉", "获评", "被评为", "获得", "命名", "选树",
    ),
    "finance": (
        "会费", "经费", "上解", "经费审查", "财务", "预算", "收支", "拨缴", "账", "资产",
        "审计", "收缴", "决算", "开支", "报销", "专款",
    ),
}

#: words that mark a role, searched in the paragraph and (``heading_*``) in its headings
ROLE_CUES: dict[str, re.Pattern[str]] = {
    "problem": re.compile(
        r"存在(?:的)?(?:问题|不足)|不足|薄弱|有待|差距|不够|欠缺|尚未|还需|仍需|问题|短板"
        r"|不平衡|不到位|不高|不强|不多|较少|困难和|滞后|亟待|制约"
    ),
    "plan": re.compile(
        r"下半年|下一步|明年|来年|今后|新的一年|下一?年度|打算|计划(?!生育)|思路|设想|展望"
        r"|将继续|我们将|将进一步|要进一步|力争|着力|拟|预计|重点抓好|努力做好|继续做好|工作重点|要点|目标"
    ),
    "closing": re.compile(
        r"总之|总而言之|综上|回顾|展望|我们有信心|再创|新的更大|谱写|奋力|特此|开创|新篇章"
        r"|新局面|新贡献|新成绩|更大贡献|努力奋斗|而努力|砥砺|携手|迈进|为实现|以此为起点"
        r"|再接再厉|更加辉煌|更好的成绩|新的征程|新的一年里"
    ),
    "preamble": re.compile(
        r"领导下|指导下|为指导|坚持以|围绕|紧扣|紧紧|按照|根据|现将|总结如下|汇报如下|如下："
        r"|一年来|半年来|本年度|年初以来|以来|在上级|认真贯彻|深入学习"
    ),
    "work": re.compile(
        r"开展|组织|举办|召开|完成|发放|慰问|参加|共计|累计|达到|取得|做好|举行|落实|建立"
    ),
}

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
#: the probability a general pledge closing a document at least gets as ``closing``
CLOSING_PRIOR = 0.7
#: the probability a paragraph opening with "下半年，……将" at least gets as ``plan``
PLAN_PRIOR = 0.6
#: a heading that names a section of problems or of plans: "四、存在的问题" "五、2024年工作打算"
PROBLEM_HEADING = re.compile(r"存在|不足|差距|(?:^|的|主要|几个)问题(?:和|与|及|、|$)")
PLAN_HEADING = re.compile(
    r"打算|下半年|下一步|明年|来年|今后|下一?年度|工作(?:思路|计划|设想|安排|要点)|展望"
    r"|[0-9０-９_X×]{2,4}年(?:工作|主要任务)|[一二三四]季度"
)
#: words of a heading that looks back, not ahead: "2023年工作回顾" "下半年工作情况"
REVIEW_HEADING = re.compile(r"回顾|总结|情况|成效|成绩|完成|开展|做法")
#: the probability a paragraph in a section of problems (or plans) at least gets that role
SECTION_PRIOR = 0.6
#: the probability a signature or date line at the end ("某某工会" "2023年12月28日") is closing
SIGNOFF_PRIOR = 0.95
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

#: a lead-in clause that names a paragraph's subject like a heading: "在职工帮扶方面，"
#: "一是加强职工之家建设，" "女职工工作："
LEAD_IN = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、．.]|第[一二三四五六七八九十]{1,2}[，,、])?"
    r"(?:(在[^，,。；;：:]{2,20}?(?:方面|工作中|上))|([^，,。；;：:]{2,16})(?=[：:])"
    r"|[一二三四五六七八九十]是([^，,。；;：:]{2,20})[，,；;：:])"
)

#: words of things still to do ("将", "力争") and of things done ("了", "已", "共计")
FUTURE = re.compile(r"将|要|力争|争取|拟|计划|确保|努力|进一步|继续")
PAST = re.compile(r"了|已|共计|累计|完成|达到|取得|先后|分别|共有|参加")

_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]"
    r"|[0-9０-９]{1,2}[、．.]|[\u2460-\u249b]|第[一二三四五六七八九十]{1,3}[，,、：:])\s*"
)
#: what the segmenter strips from the end of a heading when it puts it in ``heading_path``
_HEADING_END = "。．.，,；;：: \u3000"
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_MASKS = re.compile(r"[Xx×*_＿]{1,}")


def normalize_text(text: str) -> str:
    """The text a classifier reads: list marker dropped, numbers and masks folded.

    >>> normalize_text("（一）慰问困难职工73人，发放202_年慰问金11.4万元。")
    '慰问困难职工0人，发放0#年慰问金0万元。'
    """
    text = _MARKER.sub("", text, count=1)
    text = _DIGITS.sub("0", text)
    return _MASKS.sub("#", text).lower()


def _key(text: str) -> str:
    """A text as a lookup key: a heading row and its copy in ``heading_path`` meet here."""
    return text.strip().rstrip(_HEADING_END)


def _first_clause(text: str) -> str:
    """The first clause of a two-part heading: "四、关心女职工，丰富文化生活" → "四、关心女职工"."""
    parts = re.split(r"[，,；;]|(?<=[^和])和(?!谐)|与|及(?!时)", text.strip(), maxsplit=1)
    return parts[0] if len(parts) == 2 and len(_MARKER.sub("", parts[0])) >= 2 else ""


def _lead_in(text: str) -> str:
    """The lead-in clause of a body paragraph, if it names a subject: "在帮扶方面" (else "")."""
    match = LEAD_IN.match(text)
    return next((g for g in match.groups() if g), "") if match else ""


@cache
def _cue_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile("|".join(map(re.escape, words))) for words in TOPIC_CUES.values())


def topic_cue_matrix(texts: Sequence[str]) -> np.ndarray:
    """Keyword-prior features: ``log1p`` of the cue-word hits of each topic, per text.

    >>> topic_cue_matrix(["春节慰问困难职工"])[0, list(TOPIC_CUES).index("welfare")] > 0
    np.True_
    """
    return np.log1p(count_matches(_cue_patterns(), texts))


def count_matches(patterns: Sequence[re.Pattern[str]], texts: Sequence[str]) -> np.ndarray:
    """``len(pattern.findall(text))`` for every text (rows) and pattern (columns), in one scan each.

    The texts are joined with line breaks and each pattern runs once over the whole; so the
    patterns must not match a line break nor look behind the start of a text (word lists).
    Patterns that are plain lists of words ("将|要|力争") are counted by a
    :class:`WordCounter` (automata), the others by their own scan.

    >>> count_matches([re.compile("慰问"), re.compile("培训")], ["慰问慰问", "", "培训"]).tolist()
    [[2.0, 0.0], [0.0, 0.0], [0.0, 1.0]]
    """
    counts = np.zeros((len(texts), len(patterns)))
    if not len(texts):
        return counts
    listed, counter, scanned = _split_patterns(tuple(patterns))
    if listed:
        counts[:, listed] = counter.counts(texts)
    if scanned:
        counts[:, scanned] = _scan_counts([patterns[j] for j in scanned], texts)
    return counts


@lru_cache(maxsize=64)
def _split_patterns(patterns: tuple[re.Pattern[str], ...]) -> tuple[list[int], WordCounter, list[int]]:
    """Which patterns are word lists (and their counter), which must be scanned."""
    words = [_words_of(pattern) for pattern in patterns]
    listed = [j for j, w in enumerate(words) if w is not None]
    scanned = [j for j, w in enumerate(words) if w is None]
    return listed, WordCounter([words[j] for j in listed]), scanned


def _words_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words of a pattern that is an alternation of plain words, else None.

    >>> _words_of(re.compile("将|要|力争")), _words_of(re.compile("计划(?!生育)|拟"))
    (('将', '要', '力争'), None)
    """
    words = tuple(pattern.pattern.split("|"))
    plain = pattern.flags == re.UNICODE and all(word and re.escape(word) == word for word in words)
    return words if plain else None


class WordCounter:
    """Hits of word lists in texts: for each list, what ``len(re.findall(pattern, text))``
    gives for the pattern ``"|".join(map(re.escape, words))``.

    That is leftmost-first, non-overlapping matching: at each position the first word of
    the list that fits wins, and the search goes on after it. An Aho–Corasick automaton
    with the same rule (``ahocorasick_rs``) finds them in one pass over the UTF-8 bytes of
    a whole batch, half the time of the regular expressions (which are used when it is not
    installed; ``tests/test_linear.py`` holds the two equal).

    >>> WordCounter([["工会", "工会会员"], ["会员"]]).counts(["工会会员大会", "会员"]).tolist()
    [[1.0, 1.0], [0.0, 1.0]]
    """

    def __init__(self, word_lists: Sequence[Sequence[str]]) -> None:
        if any(not word for words in word_lists for word in words):
            raise ValueError("an empty word would match everywhere")
        self.word_lists = tuple(tuple(words) for words in word_lists)
        self._automata = _automata(self.word_lists)
        self._patterns = tuple(re.compile("|".join(map(re.escape, words))) for words in self.word_lists)

    def counts(self, texts: Sequence[str]) -> np.ndarray:
        """Hits of every list (columns) in every text (rows)."""
        if not len(texts):
            return np.zeros((0, len(self.word_lists)))
        if self._automata is None:
            return _scan_counts(self._patterns, texts)
        counts = np.zeros((len(texts), len(self.word_lists)))
        data = "\n".join(texts).encode("utf-8", "surrogatepass")
        next_start = np.cumsum(np.fromiter((len(t.encode("utf-8", "surrogatepass")) + 1 for t in texts),
                                           dtype=np.int64, count=len(texts)))
        for j, automaton in enumerate(self._automata):
            found = automaton.find_matches_as_indexes(data)  # (word, start byte, end byte)
            if found:
                counts[:, j] = _hits_per_text(np.array(found, dtype=np.int64)[:, 1], next_start)
        return counts


def _automata(word_lists: tuple[tuple[str, ...], ...]) -> tuple[Any, ...] | None:
    """One leftmost-first automaton per list over UTF-8 bytes (a UTF-8 word can only match
    where a character starts), or None without ``ahocorasick_rs``."""
    try:
        import ahocorasick_rs
    except ImportError:  # pragma: no cover - it is a dependency; the patterns do the same
        return None
    return tuple(ahocorasick_rs.BytesAhoCorasick([w.encode("utf-8") for w in words],
                                                 matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
                 for words in word_lists)


def _scan_counts(patterns: Sequence[re.Pattern[str]], texts: Sequence[str]) -> np.ndarray:
    """:func:`count_matches` by each pattern's own ``finditer`` over the joined texts."""
    counts = np.zeros((len(texts), len(patterns)))
    joined = "\n".join(texts)
    next_start = np.cumsum(np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts)))
    for j, pattern in enumerate(patterns):
        hits = np.fromiter((m.start() for m in pattern.finditer(joined)), dtype=np.int64)
        counts[:, j] = _hits_per_text(hits, next_start)
    return counts


def _hits_per_text(starts: np.ndarray, next_start: np.ndarray) -> np.ndarray:
    """How many of the match ``starts`` (offsets into the joined texts) fall in each text;
    ``next_start[k]`` is where the text after text ``k`` starts.

    >>> _hits_per_text(np.array([0, 3, 4, 9]), np.array([4, 5, 10])).tolist()
    [2, 1, 1]
    """
    return np.bincount(np.searchsorted(next_start, starts, side="right"), minlength=len(next_start))


# ---------------------------------------------------------------------------
# Rows: the columns the classifier reads, from a DataFrame or from Paragraphs
# ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Rows:
    """Paragraph rows as plain lists; ``groups`` are row indices per document, in order."""

    texts: list[str]
    kinds: list[str]
    paths: list[str]
    groups: list[np.ndarray]

    def __len__(self) -> int:
        return len(self.texts)


def _column(frame: pd.DataFrame, name: str, default: str) -> list[str]:
    import pandas as pd

    if name not in frame.columns:
        return [default] * len(frame)
    return ["" if v is None or v is pd.NA or v != v else str(v) for v in frame[name].tolist()]


def _rows_from_frame(X: pd.DataFrame) -> _Rows:
    """Read ``text``, ``kind``, ``heading_path`` (and ``doc_id``, ``para_id``) from ``X``."""
    import pandas as pd

    if not isinstance(X, pd.DataFrame):
        raise TypeError("SectionClassifier expects a paragraphs DataFrame with a 'text' column")
    if "text" not in X.columns:
        raise ValueError("the paragraphs DataFrame needs a 'text' column")
    texts = _column(X, "text", "")
    kinds = [k or "body" for k in _column(X, "kind", "body")]
    paths = _column(X, "heading_path", "")
    docs: list[Hashable] = _column(X, "doc_id", "") if "doc_id" in X.columns else [""] * len(X)
    order = (pd.to_numeric(X["para_id"], errors="coerce").fillna(-1).to_numpy()
             if "para_id" in X.columns else np.arange(len(X)))
    return _Rows(texts, kinds, paths, _groups(docs, order))


def _groups(docs: Sequence[Hashable], order: np.ndarray) -> list[np.ndarray]:
    """Row indices of each document (first-appearance order), sorted by ``order``."""
    by_doc: dict[Hashable, list[int]] = {}
    for i, doc in enumerate(docs):
        by_doc.setdefault(doc, []).append(i)
    groups = []
    for indices in by_doc.values():
        idx = np.asarray(indices, dtype=int)
        groups.append(idx[np.argsort(order[idx], kind="stable")])
    return groups


def _covered_rows(rows: _Rows, group: np.ndarray, position: int) -> list[int]:
    """The rows under the heading at ``group[position]`` (they follow it, inside its path)."""
    i = group[position]
    own_path = PATH_SEP.join(p for p in (rows.paths[i], _key(rows.texts[i])) if p)
    covered = []
    for j in group[position + 1:]:
        path = rows.paths[j]
        if path != own_path and not path.startswith(own_path + PATH_SEP):
            break
        covered.append(int(j))
    return covered


def _resolve_targets(X: pd.DataFrame, y: Any) -> tuple[list[str | None], list[str | None]]:
    """Topic and role labels from ``y`` (Series/array of topics, or a frame) or from ``X``."""
    import pandas as pd

    if y is None:
        topics, roles = X.get("topic"), X.get("role")
        if topics is None:
            raise ValueError("fit needs y, or 'topic' (and 'role') columns in X")
    elif isinstance(y, pd.DataFrame):
        topics, roles = y["topic"], y.get("role")
    else:
        topics, roles = y, X.get("role")
    return _labels(topics, len(X)), _labels(roles, len(X))


def _labels(values: Any, n: int) -> list[str | None]:
    import pandas as pd

    if values is None:
        return [None] * n
    out = [None if v is None or v is pd.NA or v != v or str(v).strip() == "" else str(v).strip()
           for v in list(values)]
    if len(out) != n:
        raise ValueError(f"got {len(out)} labels for {n} rows")
    return out


# ---------------------------------------------------------------------------
# Role features
# ---------------------------------------------------------------------------

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
        words = _MARKER.sub("", heading)
        problem = bool(PROBLEM_HEADING.search(words))
        plan = bool(PLAN_HEADING.search(words)) and not REVIEW_HEADING.search(words)
        if problem or plan:
            return problem, plan
    return False, False


def role_features(rows: _Rows) -> tuple[list[int], list[tuple[str, np.ndarray]]]:
    """Body rows and, for each, its text and numeric role features (:data:`ROLE_FEATURES`)."""
    body_rows: list[int] = []
    layout: list[tuple[float, ...]] = []  # position, before headings, no headings, list anchors
    for group in rows.groups:
        kinds = [rows.kinds[i] for i in group]
        bodies = [i for i, kind in zip(group, kinds, strict=True) if kind == "body"]
        first_heading = kinds.index("heading") if "heading" in kinds else len(group)
        before = set(group[:first_heading].tolist())
        anchors = _list_anchors(rows, bodies)
        for k, i in enumerate(bodies):
            layout.append((*_position(k, len(bodies)), float(i in before), float(first_heading == len(group)),
                           *anchors[k]))
            body_rows.append(i)
    if not body_rows:
        return [], []
    texts = [rows.texts[i] for i in body_rows]
    places = np.asarray(layout, dtype=float)
    sections = np.asarray([_section_flags(rows.paths[i]) for i in body_rows], dtype=float)
    words = count_matches((FUTURE, PAST, *ROLE_CUES.values()), texts)
    leads = np.minimum(count_matches(tuple(ROLE_CUES.values()), [t[:12] for t in texts]), 1.0)
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


def _opening_flags(text: str) -> tuple[float, float, float]:
    """Whether a paragraph opens with a plan, opens with a review, announces problems."""
    return (float(bool(PLAN_OPENING.search(text))), float(bool(REVIEW_OPENING.search(text))),
            float(bool(PROBLEM_OPENING.search(text))))


def _list_anchors(rows: _Rows, bodies: list[int]) -> list[tuple[float, float]]:
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
            plan = ROLE_CUES["plan"].search(announcing) or PLAN_OPENING.search(announcing)
            problem = ROLE_CUES["problem"].search(announcing) or PROBLEM_OPENING.search(announcing)
            current = (float(bool(plan)), float(bool(problem)))
    return anchors


def _anchor(record: tuple[str, np.ndarray]) -> tuple[float, float]:
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


def _last_body_rows(rows: _Rows, body_rows: list[int]) -> list[bool]:
    """Whether each body row is the last body paragraph of its document, sign-offs aside."""
    last = {int(next((i for i in reversed(group)
                      if rows.kinds[i] == "body" and not SIGNOFF_LINE.search(rows.texts[i])), -1))
            for group in rows.groups}
    return [i in last for i in body_rows]


def _apply_role_priors(log_probs: np.ndarray, classes: list[str], texts: list[str],
                       sections: list[tuple[bool, bool]], anchors: list[tuple[float, float]],
                       last: list[bool]) -> None:
    """Rules the few labelled examples cannot teach, applied to role log-probabilities.

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
                problem, plan = _problem_or_plan(text)
            if problem != plan:
                _raise_to(log_probs[k], index.get("problem" if problem else "plan"), SECTION_PRIOR)
        opens_plan = bool(PLAN_OPENING.search(text))
        if opens_plan:
            _raise_to(log_probs[k], index.get("preamble"), 0.0, cap=True)
            _raise_to(log_probs[k], index.get("plan"), PLAN_PRIOR)
        if last[k] and _is_pledge(text):
            _raise_to(log_probs[k], index.get("closing"), CLOSING_PRIOR)
        if SIGNOFF_LINE.search(text):
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


def _problem_or_plan(text: str) -> tuple[bool, bool]:
    """Whether a paragraph states problems only, or plans only ((False, False): both or neither).

    >>> _problem_or_plan("一是基层分工会活动开展不平衡；")
    (True, False)
    """
    problem = bool(ROLE_CUES["problem"].search(text) or PROBLEM_OPENING.search(text))
    plan = bool(FUTURE.search(text) or PLAN_OPENING.search(text))
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


# ---------------------------------------------------------------------------
# The estimator
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Compiled:
    """A fitted classifier's two linear models as arrays (see :mod:`summarylens.linear`)."""

    topics: linear.LinearTopics
    roles: linear.LinearRoles | None


class _SectionClassifierBase:
    """Layered topic and role classifier for 工作总结 paragraphs (a scikit-learn estimator).

    ``fit(X, y=None)`` takes a paragraphs DataFrame (``text``, ``kind``, ``heading_path``,
    optionally ``doc_id`` and ``para_id``) with topics in ``y`` or ``X["topic"]`` and
    roles in ``X["role"]``. ``predict``/``predict_proba`` give topics (columns
    ``classes_``), ``predict_role`` roles, ``predict_frame`` the SPEC's three columns.

    Hyper-parameters — own words: ``ngram_range``, ``min_df``, ``C``, ``solver``,
    ``use_cues``/``cue_weight`` (keyword priors); layers: ``heading_weight`` (how much a
    body paragraph follows its heading), ``inherit_threshold`` (how sure a heading must be
    to pass its topic on), ``override_threshold`` (how sure a paragraph must be to
    overrule its heading), ``use_lead_in`` ("在……方面，" clauses as headings),
    ``child_weight`` (how much a heading leans on the rows it covers),
    ``first_clause_weight`` (how much a two-part heading goes by its first clause),
    ``overview_other_weight`` (openings and closings lean to ``other``); roles:
    ``role_C``, ``role_text_weight`` (char n-grams besides the cue features, 0 = none),
    ``back_penalty`` (how firmly roles keep the order preamble → work → problem → plan →
    closing); ``random_state``.

    Example::

        >>> clf = SectionClassifier().fit(training_frame(shipped_labels_dir()))  # doctest: +SKIP
        >>> clf.predict(pd.DataFrame({"text": ["春节慰问困难职工73人"], "kind": ["body"]}))  # doctest: +SKIP
        array(['welfare'], dtype=object)
    """

    def __init__(
        self,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int = 2,
        C: float = 10.0,
        solver: str = "newton-cg",
        use_cues: bool = True,
        cue_weight: float = 0.5,
        heading_weight: float = 0.6,
        inherit_threshold: float = 0.35,
        override_threshold: float = 0.85,
        use_lead_in: bool = True,
        child_weight: float = 0.3,
        first_clause_weight: float = 0.5,
        overview_other_weight: float = 0.7,
        role_C: float = 1.0,
        role_text_weight: float = 0.0,
        back_penalty: float = 2.0,
        random_state: int = 0,
    ) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.C = C
        self.solver = solver
        self.use_cues = use_cues
        self.cue_weight = cue_weight
        self.heading_weight = heading_weight
        self.inherit_threshold = inherit_threshold
        self.override_threshold = override_threshold
        self.use_lead_in = use_lead_in
        self.child_weight = child_weight
        self.first_clause_weight = first_clause_weight
        self.overview_other_weight = overview_other_weight
        self.role_C = role_C
        self.role_text_weight = role_text_weight
        self.back_penalty = back_penalty
        self.random_state = random_state

    # -- fitting -----------------------------------------------------------

    def fit(self, X: pd.DataFrame, y: Any = None) -> Any:
        """Fit on a paragraphs DataFrame; labels from ``y`` or X's ``topic``/``role`` columns.

        ``y`` may be topics (array or Series; roles then come from ``X["role"]`` if
        present) or a DataFrame with ``topic`` and ``role`` columns. Rows without a label
        are read for context (headings, positions) but not learned from.
        """
        from threadpoolctl import threadpool_limits

        rows = _rows_from_frame(X)
        topics, roles = _resolve_targets(X, y)
        _check_labels(topics, TOPICS, "topic")
        _check_labels(roles, ROLES, "role")
        labelled = [i for i, t in enumerate(topics)
                    if t is not None and rows.kinds[i] in TOPIC_KINDS]
        if len({topics[i] for i in labelled}) < 2:
            raise ValueError("fit needs heading/body rows of at least two different topics")
        keys = [_key(rows.texts[i]) for i in labelled]
        body_rows, features = role_features(rows)
        with threadpool_limits(limits=1):  # small sparse problems: threads only contend
            self.topic_model_ = _topic_pipeline(self).fit(keys, [topics[i] for i in labelled])
            self.role_model_ = self._fit_roles(body_rows, features, roles)
        self.classes_ = np.asarray(self.topic_model_.classes_)
        self.role_classes_ = np.asarray(
            ["work"] if self.role_model_ is None else self.role_model_.classes_)
        self.n_training_rows_ = len(labelled)
        self.compiled_ = self._compile(keys, features)
        return self

    def _compile(self, keys: list[str], records: list[tuple[str, np.ndarray]]) -> Compiled | None:
        """The fitted models as arrays (:mod:`summarylens.linear`), if they give what scikit-learn gives.

        Checked on up to :data:`COMPILE_CHECK_ROWS` training rows; None (predict with
        scikit-learn) when a model has a shape the arrays cannot express or disagrees.
        """
        topics = linear.compile_topics(self.topic_model_, normalize_text, topic_cue_matrix)
        roles = None if self.role_model_ is None else linear.compile_roles(self.role_model_, role_numbers)
        if topics is None or (self.role_model_ is not None and roles is None):
            return None
        keys, records = keys[:COMPILE_CHECK_ROWS], records[:COMPILE_CHECK_ROWS]
        if not np.allclose(topics.predict_proba(keys), self.topic_model_.predict_proba(keys), atol=1e-6):
            return None
        if roles is not None and records and not np.allclose(
                roles.predict_proba(role_numbers(records)), self.role_model_.predict_proba(records), atol=1e-6):
            return None
        return Compiled(topics, roles)

    def _fit_roles(self, body_rows: list[int], features: list[tuple[str, np.ndarray]],
                   roles: list[str | None]) -> Any:
        keep = [k for k, i in enumerate(body_rows) if roles[i] is not None]
        targets = [roles[body_rows[k]] for k in keep]
        if len(set(targets)) < 2:
            return None
        return _role_pipeline(self).fit([features[k] for k in keep], targets)

    # -- prediction --------------------------------------------------------

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Topic probabilities after layering, one row per paragraph, columns ``classes_``."""
        return self._topic_probabilities(_rows_from_frame(X))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The topic of every row (SPEC section 3): ``array(['welfare', …], dtype=object)``."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)].astype(object)

    def predict_role(self, X: pd.DataFrame) -> np.ndarray:
        """The role of every body row; ``None`` for headings and other kinds."""
        return np.asarray(self._roles(_rows_from_frame(X)), dtype=object)

    def predict_frame(self, X: pd.DataFrame) -> pd.DataFrame:
        """``topic``, ``topic_score`` and ``role`` for every row, indexed like ``X``."""
        import pandas as pd

        rows = _rows_from_frame(X)
        probs, roles = self._predict_rows(rows)
        best = probs.argmax(axis=1)
        return pd.DataFrame({
            "topic": pd.array(self.classes_[best], dtype="string"),
            "topic_score": pd.array(probs[np.arange(len(rows)), best], dtype="Float64"),
            "role": pd.array(roles, dtype="string"),
        }, index=X.index)

    # -- layers ------------------------------------------------------------

    def _own_probabilities(self, texts: list[str]) -> tuple[dict[str, np.ndarray], dict[str, bool]]:
        """Own-words topic distribution of each distinct text, and whether it is firm (one vectorisation)."""
        unique = list(dict.fromkeys(_key(t) for t in texts))
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
        return bool(self._firm(p[None, :])[0])

    def _firm(self, probs: np.ndarray) -> np.ndarray:
        """For every row of ``probs``: does it name a topic other than ``other`` firmly enough?"""
        content = probs[:, self.classes_ != OTHER]
        if not content.shape[1]:
            return np.zeros(len(probs), dtype=bool)
        return content.max(axis=1) >= self.inherit_threshold

    def _predict_rows(self, rows: _Rows) -> tuple[np.ndarray, list[str | None]]:
        """Layered topic probabilities and roles of every row.

        Headings are decided in document order (a vague one leans on its parent's
        decision); body paragraphs then lean on their lead-in clause or their heading
        all at once, as nothing else depends on them.
        """
        roles = self._roles(rows)
        leads = [_lead_in(t) if k == "body" and self.use_lead_in else "" for t, k in
                 zip(rows.texts, rows.kinds, strict=True)]
        firsts = [_first_clause(t) if k == "heading" else "" for t, k in
                  zip(rows.texts, rows.kinds, strict=True)]
        headings = [h for path in dict.fromkeys(rows.paths) for h in path.split(PATH_SEP) if h]
        extra = [text for text in leads + firsts if text]
        own, firm = self._own_probabilities(rows.texts + headings + extra)
        mine = np.array([own[_key(t)] for t in rows.texts]).reshape(len(rows), len(self.classes_))
        if self.first_clause_weight > 0:  # "四、关心女职工，丰富文化生活": the first clause leads
            for i, first in enumerate(firsts):
                if first and firm[_key(first)]:
                    mine[i] = (1 - self.first_clause_weight) * mine[i] + self.first_clause_weight * own[_key(first)]
        layers = _Layers(own, firm, self._firm(mine))
        out = mine.copy()
        for group in rows.groups:
            layers.new_document()
            for position, i in enumerate(group):
                if rows.kinds[i] == "heading":
                    out[i] = self._heading_topic(rows, mine, group, position, layers)
                    layers.decide(_key(rows.texts[i]), out[i], self._informative(out[i]))
                elif rows.kinds[i] == "body":
                    layers.lean(i, self._body_source(rows.paths[i], roles[i], leads[i], layers))
        if layers.leaning:
            leaning = np.asarray(layers.leaning)
            out[leaning] = self._layer(mine[leaning], np.array(layers.sources))
        overview = [i for i, role in enumerate(roles) if role in ("preamble", "closing")]
        if overview and OTHER in self.classes_:  # openings and closings lean to "other"
            out[overview] = (1 - self.overview_other_weight) * out[overview]
            out[overview, self._other_index()] += self.overview_other_weight
        return out, roles

    def _heading_topic(self, rows: _Rows, mine: np.ndarray, group: np.ndarray, position: int,
                       layers: _Layers) -> np.ndarray:
        """A heading: its own words, leaning on what it covers; a vague one on its parent."""
        i = group[position]
        p = mine[i]
        covered = _covered_rows(rows, group, position)
        if covered and self.child_weight > 0:
            p = (1 - self.child_weight) * p + self.child_weight * (np.add.reduce(mine[covered]) / len(covered))
        if rows.paths[i] and not layers.firm_rows[i]:
            context = layers.context(rows.paths[i])
            if context is not None:
                p = self._layer(p[None, :], context[None, :])[0]
        return p

    def _body_source(self, path: str, role: str | None, lead: str, layers: _Layers) -> np.ndarray | None:
        """What a body paragraph leans on: its lead-in clause, or its heading if its role follows it."""
        if lead and layers.firm[_key(lead)]:
            return layers.own[_key(lead)]
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

    def _topic_probabilities(self, rows: _Rows) -> np.ndarray:
        return self._predict_rows(rows)[0]

    def _roles(self, rows: _Rows) -> list[str | None]:
        roles: list[str | None] = [None] * len(rows)
        body_rows, features = role_features(rows)
        if not body_rows:
            return roles
        probs = self._role_proba(features)
        if probs is None:
            for i in body_rows:
                roles[i] = str(self.role_classes_[0])
            return roles
        log_probs = np.log(np.clip(probs, 1e-9, 1.0))
        classes = [str(c) for c in self.role_classes_]
        _apply_role_priors(log_probs, classes, [rows.texts[i] for i in body_rows],
                           [section_role(rows.paths[i]) for i in body_rows],
                           [_anchor(record) for record in features],
                           _last_body_rows(rows, body_rows))
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
        probs, roles = self._predict_rows(_Rows(texts, kinds, paths, groups))
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
            key = _key(heading)
            distribution, firm = self.decided.get(key) or (self.own.get(key), self.firm.get(key, False))
            if distribution is not None and firm:
                return distribution
        return None


def _check_labels(values: list[str | None], known: dict[str, str], what: str) -> None:
    unknown = sorted({v for v in values if v is not None and v not in known})
    if unknown:
        raise ValueError(f"unknown {what} labels {unknown}; expected one of {list(known)}")


def _topic_pipeline(params: _SectionClassifierBase) -> Any:
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
        parts.append(("cues", FunctionTransformer(topic_cue_matrix)))
        weights["cues"] = params.cue_weight
    return Pipeline([
        ("features", FeatureUnion(parts, transformer_weights=weights)),
        ("clf", LogisticRegression(C=params.C, solver=params.solver, max_iter=3000,
                                   class_weight="balanced", random_state=params.random_state)),
    ])


def _role_pipeline(params: _SectionClassifierBase) -> Any:
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


_CLASS_LOCK = threading.Lock()
_ESTIMATOR_CLASS: type | None = None


def _estimator_class() -> type:
    """Build :class:`SectionClassifier` on first use (imports scikit-learn)."""
    global _ESTIMATOR_CLASS
    with _CLASS_LOCK:
        if _ESTIMATOR_CLASS is None:
            from sklearn.base import BaseEstimator, ClassifierMixin

            bases = (_SectionClassifierBase, ClassifierMixin, BaseEstimator)
            _ESTIMATOR_CLASS = type("SectionClassifier", bases, {
                "__module__": __name__,
                "__qualname__": "SectionClassifier",  # so pickle finds it via __getattr__
                "__doc__": _SectionClassifierBase.__doc__,
            })
        return _ESTIMATOR_CLASS


def __getattr__(name: str) -> Any:
    if name == "SectionClassifier":
        return _estimator_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover
    class SectionClassifier(_SectionClassifierBase, ClassifierMixin, BaseEstimator):
        """See :class:`_SectionClassifierBase`."""


def new_classifier(**params: Any) -> SectionClassifier:
    """A fresh, unfitted :class:`SectionClassifier`: ``new_classifier(heading_weight=0.7)``."""
    return _estimator_class()(**params)


# ---------------------------------------------------------------------------
# Labels → training frame
# ---------------------------------------------------------------------------

def with_heading_paths(labels: pd.DataFrame) -> pd.DataFrame:
    """Add ``heading_path`` to label rows, rebuilt from the headings of each document.

    The chain is built as the segmenter builds it (:func:`summarylens.segment.heading_paths`),
    so the model sees the same paths in training as in use.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["a#1"] * 3, "para_id": [0, 1, 2],
    ...                      "kind": ["heading", "heading", "body"],
    ...                      "text": ["一、送温暖", "1、走访慰问。", "慰问73人。"]})
    >>> with_heading_paths(rows)["heading_path"].tolist()
    ['', '一、送温暖', '一、送温暖 > 1、走访慰问']
    """
    import pandas as pd

    frame = labels.copy()
    frame["_order"] = pd.to_numeric(frame["para_id"], errors="coerce").fillna(-1)
    frame = frame.sort_values(["doc_id", "_order"], kind="stable")
    paths: dict[Any, str] = {}
    for _doc, group in frame.groupby("doc_id", sort=False):
        paths.update(_document_paths(group))
    frame["heading_path"] = pd.Series(paths, dtype="string")
    return frame.drop(columns="_order").loc[labels.index]


def _document_paths(group: pd.DataFrame) -> dict[Any, str]:
    from .segment import heading_paths

    rows = list(zip(group["kind"], group["text"], strict=True))
    return dict(zip(group.index, heading_paths(rows), strict=True))


def training_frame(labels_path: str | Path) -> pd.DataFrame:
    """Label files (a TSV or a folder of them) as a frame ``fit`` reads, with heading paths."""
    from .labels import LABELLED_KINDS, read_labels, validate_labels

    labels = read_labels(labels_path)
    bad = validate_labels(labels)
    if not bad.empty:
        first = bad.iloc[0]
        raise ValueError(f"{len(bad)} label rows have an unknown topic or role, e.g. "
                         f"{first['doc_id']} para {first['para_id']}: "
                         f"topic={first['topic']!r} role={first['role']!r}")
    labels = labels[labels["kind"].isin(LABELLED_KINDS)].reset_index(drop=True)
    return with_heading_paths(labels)


# ---------------------------------------------------------------------------
# Saving, loading, the default model
# ---------------------------------------------------------------------------

def _sklearn_version() -> str:
    """The installed scikit-learn version, without importing it (that takes seconds).

    Read from the name of the ``scikit_learn-<version>.dist-info`` folder beside the
    package: one directory listing, where ``importlib.metadata`` takes 30 ms at every
    start-up to import itself and scan the path. Its metadata when there is no one such
    folder.

    >>> _sklearn_version() == __import__("sklearn").__version__
    True
    """
    from importlib.util import find_spec

    spec = find_spec("sklearn")
    if spec is not None and spec.origin:
        found = [folder.name.removeprefix("scikit_learn-").removesuffix(".dist-info")
                 for folder in Path(spec.origin).parents[1].glob("scikit_learn-*.dist-info")]
        if len(found) == 1:
            return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:  # pragma: no cover - an unusual install
        import sklearn

        return sklearn.__version__


def save_model(model: SectionClassifier, path: str | Path,
               training: pd.DataFrame | None = None) -> Path:
    """Save a fitted model with joblib, with its training rows so it can be refitted.

    The file records the scikit-learn version; :func:`load_model` refits from the stored
    rows instead of unpickling a model made by another version.
    """
    import joblib

    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    payload = {
        "format": MODEL_FORMAT, "sklearn": _sklearn_version(), "params": model.get_params(),
        "estimator": buffer.getvalue(),
        "training": None if training is None else _plain_training(training),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, path)
    return path


_TRAINING_COLUMNS = ("doc_id", "para_id", "kind", "heading_path", "topic", "role", "text")


def _plain_training(frame: pd.DataFrame) -> dict[str, list[Any]]:
    """Training rows as plain Python lists: readable by any pandas/scikit-learn version."""
    import pandas as pd

    columns = [c for c in _TRAINING_COLUMNS if c in frame.columns]
    return {c: [None if v is pd.NA or v != v else v for v in frame[c].astype(object).tolist()]
            for c in columns}


def load_model(path: str | Path) -> SectionClassifier:
    """Load a model saved by :func:`save_model` / ``summarylens train``.

    A model saved under another scikit-learn version is refitted from the training rows
    stored in the file (same parameters), never unpickled.
    """
    import joblib
    import pandas as pd

    payload = joblib.load(Path(path))
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a summarylens section model")
    model = _unpickle(payload["estimator"]) if payload["sklearn"] == _sklearn_version() else None
    if model is not None:
        return model
    if payload.get("training") is None:
        raise ValueError(f"{path} was saved by scikit-learn {payload['sklearn']} without its "
                         f"training rows; retrain it with 'summarylens train'")
    warnings.warn(f"{path} was saved by scikit-learn {payload['sklearn']} (this is "
                  f"{_sklearn_version()}); refitting it from its stored labels", stacklevel=2)
    return new_classifier(**payload["params"]).fit(pd.DataFrame(payload["training"]))


def _unpickle(blob: bytes) -> SectionClassifier | None:
    """A pickled model of this very scikit-learn version, or None if it does not load."""
    import joblib

    try:
        model = joblib.load(io.BytesIO(blob))
    except Exception:  # an old summarylens class, a damaged file: refit instead
        return None
    return model if isinstance(model, _estimator_class()) else None


def train_from_labels(labels_path: Path, out: Path) -> str:
    """Fit a classifier on label files and save it; return a short report to print.

    ``summarylens train my_labels/ --out my_model.joblib`` calls this.
    """
    started = time.perf_counter()
    frame = training_frame(labels_path)
    model = new_classifier().fit(frame)
    save_model(model, out, training=frame)
    topics = frame["topic"].value_counts()
    roles = frame.loc[frame["kind"] == "body", "role"].value_counts()
    lines = [
        f"trained on {int(frame['topic'].notna().sum())} labelled rows "
        f"({frame['doc_id'].nunique()} documents) in {time.perf_counter() - started:.1f} s",
        "  topics: " + ", ".join(f"{k} {v}" for k, v in topics.items()),
        "  roles:  " + ", ".join(f"{k} {v}" for k, v in roles.items()),
        f"saved to {out}; use it with 'summarylens extract CORPUS --model {out}'",
    ]
    return "\n".join(lines)


_LOADED_LOCK = threading.RLock()  # re-entrant: the predictor's loader asks for the model
_LOADED: dict[str, Any] = {}


def _once_per_process(name: str, load: Any) -> Any:
    """``load()`` the first time ``name`` is asked for in this process, the same object after."""
    with _LOADED_LOCK:
        if name not in _LOADED:
            _LOADED[name] = load()
        return _LOADED[name]


def shipped_labels_dir() -> Path:
    """The folder of label files shipped in the package (``summarylens/data/labels``)."""
    from importlib.resources import files

    return Path(str(files("summarylens") / "data" / "labels"))


def _labels_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(linear.__file__).read_bytes())
    for path in sorted(folder.rglob("*.tsv")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_path(folder: Path, suffix: str = ".joblib") -> Path | None:
    """Where the default model is cached (``.npz``: its arrays), or None when caching is off."""
    if os.environ.get("SUMMARYLENS_NO_CACHE"):
        return None
    from . import __version__

    home_cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    root = os.environ.get("SUMMARYLENS_CACHE_DIR") or os.path.join(home_cache, "summarylens")
    name = f"sections-{__version__}-sklearn{_sklearn_version()}-{_labels_digest(folder)}{suffix}"
    return Path(root) / name


def default_model() -> SectionClassifier:
    """The shipped model, trained from the shipped labels once per process (no download).

    The fitted model is cached on disk under ``~/.cache/summarylens`` (or
    ``$SUMMARYLENS_CACHE_DIR``), keyed by the scikit-learn version and a hash of the
    labels and of this module, so a cache from another version is never read; set
    ``SUMMARYLENS_NO_CACHE=1`` to always train.
    """
    return _once_per_process("model", _load_or_train_default)


def _load_or_train_default() -> SectionClassifier:
    folder = shipped_labels_dir()
    cache = _cache_path(folder)
    if cache is not None and cache.exists():
        model = _unpickle(cache.read_bytes())
        if model is not None:
            return model
    model = new_classifier().fit(training_frame(folder))
    if cache is not None:
        _write_cache(model, cache)
    return model


def _write_cache(model: SectionClassifier, cache: Path) -> None:
    """Write the fitted model's cache (joblib)."""
    import joblib

    _write_atomically(cache, lambda handle: joblib.dump(model, handle))


def _write_atomically(cache: Path, write: Any) -> None:
    """``write(handle)`` to a temporary file moved onto ``cache``; stale versions are removed.

    A read-only cache folder just means no cache.
    """
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, suffix=".tmp", delete=False) as handle:
            write(handle)
        os.replace(handle.name, cache)
        _remove_stale(cache)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(handle.name)


def _remove_stale(cache: Path) -> None:
    """Delete the caches of other versions (same kind of file as ``cache``)."""
    for stale in cache.parent.glob(f"sections-*{cache.suffix}"):
        if stale != cache:
            stale.unlink(missing_ok=True)


# ---------------------------------------------------------------------------
# Labelling without scikit-learn: the default model as arrays
# ---------------------------------------------------------------------------

#: the constructor parameters of the classifier (what layering reads at prediction time)
_PARAMS = tuple(inspect.signature(_SectionClassifierBase.__init__).parameters)[1:]


class SectionModel(_SectionClassifierBase):
    """The prediction side of a fitted :class:`SectionClassifier`, from arrays only.

    Labels paragraphs as the classifier it was made from does (``label``, ``predict``,
    ``predict_frame``), without importing scikit-learn; it cannot be fitted.
    :func:`default_predictor` returns one, loaded from an ``.npz`` cache in milliseconds.

    >>> from summarylens.segment import segment_text
    >>> [p.topic for p in default_predictor().label(segment_text("三、送温暖\\n慰问困难职工73户。"))]
    ['welfare', 'welfare']
    """

    def __init__(self, compiled: Compiled, classes: Sequence[str], role_classes: Sequence[str],
                 **params: Any) -> None:
        super().__init__(**params)
        self.compiled_ = compiled
        self.classes_ = np.asarray(classes)
        self.role_classes_ = np.asarray(role_classes)
        self.topic_model_ = self.role_model_ = None

    @classmethod
    def from_classifier(cls, model: SectionClassifier) -> SectionModel:
        if getattr(model, "compiled_", None) is None:
            raise ValueError("this classifier's models cannot be expressed as arrays")
        return cls(model.compiled_, model.classes_, model.role_classes_,
                   **{name: getattr(model, name) for name in _PARAMS})

    def fit(self, X: pd.DataFrame, y: Any = None) -> SectionModel:
        raise TypeError("a SectionModel only predicts; fit a SectionClassifier instead")

    def save(self, path: str | Path | BinaryIO) -> None:
        """Write the arrays, classes and parameters to one ``.npz`` file."""
        params = {name: getattr(self, name) for name in _PARAMS}
        groups = {"topics": self.compiled_.topics.arrays(),
                  "meta": {"classes": self.classes_.astype(str), "role_classes": self.role_classes_.astype(str),
                           "params": np.array(json.dumps(params))}}
        if self.compiled_.roles is not None:
            groups["roles"] = self.compiled_.roles.arrays()
        linear.save_arrays(path, groups)

    @classmethod
    def load(cls, path: str | Path) -> SectionModel:
        groups = linear.load_arrays(path)
        meta = groups["meta"]
        params = json.loads(str(meta["params"]))
        params["ngram_range"] = tuple(params["ngram_range"])
        topics = linear.LinearTopics.from_arrays(groups["topics"], preprocess=normalize_text,
                                                 cues=topic_cue_matrix)
        roles = linear.LinearRoles.from_arrays(groups["roles"]) if "roles" in groups else None
        return cls(Compiled(topics, roles), meta["classes"].tolist(), meta["role_classes"].tolist(), **params)


def default_predictor() -> _SectionClassifierBase:
    """The shipped model for labelling: a :class:`SectionModel`, no scikit-learn import.

    Labels exactly as :func:`default_model` does. Its arrays are cached beside the fitted
    model (``sections-….npz``, same key); the first run in a new version fits and
    compiles the model once.
    """
    return _once_per_process("predictor", _load_or_compile_default)


def _load_or_compile_default() -> _SectionClassifierBase:
    cache = _cache_path(shipped_labels_dir(), ".npz")
    if cache is not None and cache.exists():
        with contextlib.suppress(Exception):  # a damaged or foreign file: compile again
            return SectionModel.load(cache)
    model = default_model()
    if getattr(model, "compiled_", None) is None:
        return model
    predictor = SectionModel.from_classifier(model)
    if cache is not None:
        _write_atomically(cache, predictor.save)
    return predictor


def label_paragraphs(paragraphs: Sequence[Paragraph],
                     model: SectionClassifier | None = None) -> list[Paragraph]:
    """One document's paragraphs (in order) with topic and topic_score (headings, body), role (body).

    ``model=None`` uses :func:`default_predictor`. Title and noise rows come back unchanged.

    >>> from summarylens.segment import segment_text
    >>> [p.role for p in label_paragraphs(segment_text("下半年，我们将继续做好困难职工帮扶工作。"))]
    ['plan']
    """
    if not any(p.kind in TOPIC_KINDS for p in paragraphs):
        return list(paragraphs)
    return (model or default_predictor()).label(paragraphs)
