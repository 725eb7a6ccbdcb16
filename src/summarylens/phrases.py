"""The subject of a figure: the noun phrase it counts or pays, read from its own clause.

:func:`choose_subject` reads the words of the clause around one figure, tagged with a
part of speech, and keeps the noun phrase the figure quantifies, as written:

- a figure that modifies a noun through 的 quantifies that noun, whatever its kind:
  ``价值300元的纪念品`` → 纪念品, ``300多人的队伍`` → 队伍 — except a percentage, whose
  ``2%的比例`` names a rate (``工资总额2%的比例`` → 工资总额);
- **after the unit** for counted figures (people, households, organisations, counts):
  ``2468名女职工`` → 女职工, ``9个分工会参赛`` → 分工会;
- else **right before the number**, over the filler words between them
  (``慰问款共计20100元`` → 慰问款): the longest run of nouns and their modifiers back
  to the first verb, time word, pronoun or function word. ``慰问困难职工24户`` →
  困难职工, ``发放慰问金2.6万元`` → 慰问金; modifiers stay (``技能类竞赛奖励``,
  ``健康知识讲座``), and so do verbal nouns at the head (``开展培训12期`` → 培训,
  ``财政投入87.85万元`` → 财政投入) — but not the people before a verbal noun, who
  are its doers (``职工捐款8600元`` → 捐款);
- else, when a verb stands right before the number, the phrase before that verb
  (``减速机交付3260台`` → 减速机), and for money and percentages the phrase after the
  unit (``给予600元奖励`` → 奖励);
- in a clause of change both values belong to the phrase that opens it, whatever their
  kind (``女职工比重由38.5%提高到41.2%``, ``会员企业由120家增加到156家`` → 会员企业 twice;
  the unit of the first value is not a noun of the clause).

Per-unit words (``每人``, ``人均``, ``每户``, ``每人每月``) before the figure are never
its subject: they are returned apart as its ``per`` qualifier. Time words (``全年``,
``春节期间``), verbs and function words never enter the phrase.

Words come from a :class:`Tagger`. The default :class:`LexiconTagger` cuts the clause by
longest match on the ``subject_words`` lexicon (verbs, time words, fillers, function
words, per-unit words, nouns that begin like a verb) and reads every other character as
noun material; :class:`JiebaTagger` runs jieba's part-of-speech tagger instead (a
private ``jieba.posseg.POSTokenizer`` over a private ``jieba.Tokenizer``, with the same
lexicon's words and tags added, HMM off), for users who ask for it.

Example::

    >>> choose_subject("春节期间慰问困难职工", "，", "households")
    Subject(text='困难职工', start=6, per=None)
    >>> choose_subject("每人发放慰问金", "", "money")
    Subject(text='慰问金', start=4, per='每人')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import NamedTuple, Protocol

from .tagging import PERSON_TAGS as _PERSON
from .tagging import JiebaTagger, LexiconTagger, Tagger, Token, active_tagger, default_tagger

__all__ = [
    "CLAUSE_END", "JiebaTagger", "LexiconTagger", "Subject", "Tagger", "Token", "choose_subject",
    "default_tagger", "figure_subjects",
]

#: characters that end a clause: the subject is looked for between two of them
CLAUSE_END = frozenset("，,；;。！？!?：:\n\r")

_CLAUSE_END_RE = re.compile("[" + "".join(sorted(CLAUSE_END)).replace("\n", "\\n").replace("\r", "\\r") + "]")
#: tags of words that belong to a noun phrase (x: not in the lexicon, read as noun)
_NOUNISH = frozenset({"n", "np", "nr", "ns", "nt", "nz", "ng", "vn", "an", "a", "b", "x", "j", "l", "i", "nrt"})
#: punctuation allowed inside a phrase: quotes and title marks around a name, 、 between nouns
_INNER_PUNCT = frozenset("“”\"‘’《》〈〉「」『』")
_JOIN = frozenset("、和与及")
_CLOSING = frozenset("”’》」』\"")
#: tags skipped between a phrase and the figure
_FILLER = frozenset({"f", "d", "u"})
_OPEN_BRACKETS = {")": "(", "）": "（", "]": "[", "】": "【"}
#: the verb of a share (A占B的N%): the figure measures A
_SHARE_OF = frozenset({"占", "约占"})
#: what stands between the thing that changed and its first value (夜班津贴[由]15元调整为20元)
_FROM = frozenset({"由", "从"})
#: characters every per-unit word holds (每人, 人均, 平均, 人平)
_PER_CHARS = frozenset("每均平")
#: kinds whose phrase is looked for after the unit first
_COUNTED_FIRST = frozenset({"people", "households", "organizations", "count", "person_times"})


#: builds a NamedTuple from a tuple without the Python-level ``__new__`` (the per-figure loop)
_new_tuple = tuple.__new__


class Subject(NamedTuple):
    """The phrase a figure quantifies (None when its clause names none), where it starts in
    the text given (before + after, as one string), and its per-unit qualifier."""

    text: str | None
    start: int | None
    per: str | None


def choose_subject(before: str, after: str, kind: str, tagger: Tagger | None = None,
                   lead: str = "") -> Subject:
    """The noun phrase a figure quantifies, from the clause text ``before`` its number and
    ``after`` its unit (each cut at the clause's end, and at a neighbouring figure);
    ``lead`` is the clause text before ``before`` (back to the clause start, when an
    earlier figure ends ``before``), read only for the phrase that opens a clause of change
    (``夜班津贴由每班15元调整为20元``).

    ``start`` is the phrase's offset in ``before + after`` (negative: in ``lead``), so a
    caller can map it back to the document. Rules in the module docstring.

        >>> choose_subject("", "女职工参加", "people").text
        '女职工'
        >>> choose_subject("组织辖区单位职工捐款", "", "money").text
        '捐款'
    """
    tagger = tagger or active_tagger()
    counted = kind in _COUNTED_FIRST
    after = _what_follows(after, kind)
    if tagger is default_tagger():
        return _choose_default(before, after, counted, lead)
    return _choose_uncached(before, after, counted, lead, tagger=tagger)


def _what_follows(after: str, kind: str) -> str:
    """The clause text after a figure that may name what it quantifies: none after a
    percentage followed by 的 (工资总额2%[的比例] names a rate, not what it measures)."""
    return "" if kind == "percent" and after[:1] == "的" else after


def _choose_uncached(before: str, after: str, counted: bool, lead: str, *, tagger: Tagger) -> Subject:
    """:func:`choose_subject` for a counted kind (``counted``) or money and percentages."""
    later = tagger.tag(after) if after else ()
    if counted and not _PER_CHARS.intersection(before):   # no per word: before need not be read
        found = _phrase_after(later, len(before))
        if found is not None:
            return Subject(found[0], found[1], None)
    words = tagger.tag(before) if before else ()
    per, words = _split_per(words)
    if later and later[0].word == "的":      # 价值300元[的]慰问品, 300多人[的]队伍: the noun it modifies
        found = _phrase_after(later[1:], len(before) + 1)
        if found is not None:
            return Subject(found[0], found[1], per)
    if counted:
        found = _phrase_after(later, len(before))
        if found is not None:
            return Subject(found[0], found[1], per)
    found = _phrase_before(words, counted=counted)
    if found is None and not counted:
        found = _phrase_after(later, len(before), skip_verbs=True)
    if found is None and lead:
        whole = _split_per(tagger.tag(lead + before))[1]
        run = _clause_opening(whole)
        if run is not None:
            text = "".join(t.word for t in whole[run[0]:run[1] + 1])
            found = (text, _offsets(whole)[run[0]] - len(lead))
    if found is None:
        return Subject(None, None, per)
    return Subject(found[0], found[1], per)


#: decisions of the default tagger by clause window: clauses repeat in a corpus; cleared
#: when it grows past ``_CACHE_SIZE``. Keyed by (before, after, counted), and by
#: (before, after, counted, lead) only where ``lead`` is read (see :func:`_cached_choice`)
_CHOSEN: dict[tuple[str, str, bool] | tuple[str, str, bool, str], Subject] = {}
_CACHE_SIZE = 100_000


def _choose_default_uncached(before: str, after: str, counted: bool, lead: str) -> Subject:
    return _choose_uncached(before, after, counted, lead, tagger=default_tagger())


def _choose_default(before: str, after: str, counted: bool, lead: str) -> Subject:
    """:func:`_choose_uncached` with the default tagger, cached (clauses repeat in a corpus)."""
    if len(_CHOSEN) > _CACHE_SIZE:
        _CHOSEN.clear()
    return _cached_choice(_CHOSEN, _choose_default_uncached, before, after, counted, lead)


def _cached_choice(cache: dict[tuple[str, str, bool] | tuple[str, str, bool, str], Subject],
                   choose: Callable[[str, str, bool, str], Subject],
                   before: str, after: str, counted: bool, lead: str) -> Subject:
    """``choose(before, after, counted, lead)`` through ``cache``.

    :func:`_choose_uncached` reads ``lead`` last, only when nothing before or after the
    figure names a subject (``Subject.text`` None): the decision without it is kept by
    (before, after, counted), shared by every lead (``慰问困难职工`` after any clause
    start), and a lead is looked up only behind a decision that found nothing.
    """
    found = cache.get((before, after, counted))
    if found is None:
        found = cache[before, after, counted] = choose(before, after, counted, "")
    if found.text is None and lead:
        key = (before, after, counted, lead)
        with_lead = cache.get(key)
        if with_lead is None:
            with_lead = cache[key] = choose(before, after, counted, lead)
        return with_lead
    return found


def _split_per(words: Sequence[Token]) -> tuple[str | None, tuple[Token, ...]]:
    """Per-unit words out of the words before a figure: (qualifier, the words with each
    per word made a filler: skipped next to the figure, a stop inside a phrase)."""
    per = [t.word for t in words if t.tag == "per"]
    if not per:
        return None, tuple(words)
    return "".join(per), tuple(Token(t.word, "f") if t.tag == "per" else t for t in words)


def _offsets(words: Sequence[Token]) -> list[int]:
    out, at = [], 0
    for t in words:
        out.append(at)
        at += len(t.word)
    return out


def _phrase_before(words: Sequence[Token], *, counted: bool = True) -> tuple[str, int] | None:
    """The phrase that ends right before the figure (fillers between them skipped), or the
    one before a verb that stands right before the figure; for money and percentages the
    phrase that opens the clause before a change (``员工工资平均增长5%``,
    ``夜班津贴由每班15元调整为20元``)."""
    starts = _offsets(words)
    i = len(words) - 1
    i = _skip_brackets(words, i)
    while i >= 0 and (words[i].tag in _FILLER or words[i].word.isspace()):
        i -= 1
    i = _skip_brackets(words, i)
    run = _run_back(words, i)
    if run is not None and not counted and words[-1].word == "的":
        k = run[0] - 1
        while k >= 0 and words[k].tag == "r":          # 占[全县]女教职工总数的
            k -= 1
        if k >= 0 and words[k].word in _SHARE_OF:
            # [农民工]占职工总数的六成: the share is of the part before 占, not of the whole
            return _phrase_before(words[:k], counted=counted) if k > 0 else None
    if run is None and i >= 0 and words[i].tag == "v":
        j = i
        while j >= 0 and words[j].tag == "v":
            j -= 1
        while j >= 0 and words[j].tag in _FILLER:
            j -= 1
        run = _run_back(words, j)
        if run is not None and counted and words[run[1]].tag in _PERSON:
            run = None                        # 企业采纳[18条]: the doer, not what is counted
    if run is None and (not counted or (i >= 0 and words[i].word in _FROM)):
        run = _clause_opening(words)          # [新设企业]由5千多户增加到…: a counted figure changes too
    if run is None:
        return None
    lo, hi = run
    return "".join(t.word for t in words[lo:hi + 1]), starts[lo]


def _clause_opening(words: Sequence[Token]) -> tuple[int, int] | None:
    """The phrase that opens the words before a changed amount or share, when a change
    verb or 由 follows it: ``[夜班津贴]由每班`` , ``[一线员工]约占``."""
    k = 0
    while k < len(words) and (words[k].tag in ("t", "r", "d", "p", "f") or words[k].word.isspace()):
        k += 1
    j = k
    while j < len(words) and (_nounish(words[j]) or words[j].word in _JOIN):
        j += 1
    if j == k or j >= len(words):
        return None
    rest = words[j:]
    if not any(t.tag in ("v", "f", "p") for t in rest[:2]) or _names_more(rest):
        return None
    return _run_back(words, j - 1)


def _names_more(words: Sequence[Token]) -> bool:
    """True when a noun stands among ``words``, other than the unit of a number in them
    (``从9000多[公里]增加到``, ``5.66万[亿元]、比上年增加``)."""
    in_number = False
    for t in words:
        if t.tag in ("m", "q"):
            in_number = True
        elif not (in_number and t.tag == "x"):
            in_number = False
            if _nounish(t):
                return True
    return False


def _skip_brackets(words: Sequence[Token], i: int) -> int:
    """Index before a bracketed aside that ends at ``i`` (``教职工(生病、困难)``)."""
    if i >= 0 and words[i].word in _OPEN_BRACKETS:
        opening = _OPEN_BRACKETS[words[i].word]
        j = i - 1
        while j >= 0 and words[j].word != opening:
            j -= 1
        if j > 0:
            return j - 1
    return i


def _run_back(words: Sequence[Token], i: int) -> tuple[int, int] | None:
    """(first, last) index of the noun phrase ending at word ``i``, or None."""
    if i < 0 or not (_nounish(words[i]) or (words[i].word in _CLOSING and i > 0 and _nounish(words[i - 1]))):
        return None
    hi, lo = i, i
    if words[i].word in _CLOSING:             # “服务之星”: the whole quoted name
        opening = {"”": "“", "’": "‘", "》": "《", "」": "「", "』": "『"}.get(words[i].word, words[i].word)
        j = i - 1
        while j >= 0 and words[j].word != opening and words[j].tag != "w":
            j -= 1
        if j >= 0 and words[j].word == opening:
            return j, i
    head_verbal = words[i].tag == "vn" or (words[i].word in _CLOSING and words[i - 1].tag == "vn")
    j = i - 1
    while j >= 0:
        t = words[j]
        if _nounish(t):
            if head_verbal and t.tag in _PERSON and lo == hi:
                break                         # 职工[捐款]: the people are the doers
            if t.tag == "vn" and words[j + 1].tag in ("a", "b"):
                break                         # 慰问[困难职工]: a verb on its object
            lo = j
        elif ((t.word in _JOIN or t.word in _INNER_PUNCT) and j > 0 and _nounish(words[j - 1])) \
                or (t.word in _INNER_PUNCT and t.word in "“《「『"):
            lo = j
        else:
            break
        j -= 1
    while lo <= hi and (words[lo].word in _JOIN or words[lo].tag == "u"):
        lo += 1
    if lo == hi and len(words[lo].word) == 1 and lo > 0 and words[lo - 1].tag in ("v", "vn"):
        lo -= 1                               # 推行[率], 办复[率]: a rate named by its verb
        while lo > 0 and _nounish(words[lo - 1]):
            lo -= 1
    lo, hi = _balanced(words, lo, hi)
    if lo > hi:
        return None
    if all(words[k].tag in ("a", "b") for k in range(lo, hi + 1)) and hi - lo < 1 and len(words[hi].word) < 2:
        return None
    return lo, hi


def _balanced(words: Sequence[Token], lo: int, hi: int) -> tuple[int, int]:
    """Drop an unpaired quote or title mark at either end of a phrase."""
    pairs = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’"}
    text = "".join(t.word for t in words[lo:hi + 1])
    while lo <= hi and words[lo].word in pairs and pairs[words[lo].word] not in text:
        lo += 1
        text = text[1:]
    closing = {v: k for k, v in pairs.items()}
    while lo <= hi and words[hi].word in closing and closing[words[hi].word] not in text:
        hi -= 1
        text = text[:-1]
    return lo, hi


def _phrase_after(words: Sequence[Token], offset: int, *, skip_verbs: bool = False) -> tuple[str, int] | None:
    """The phrase that opens the words after the unit (``[名]女职工参加`` → 女职工).

    With ``skip_verbs`` (money, percentages) a verb or filler may stand first:
    ``[元]用于职工之家建设`` → 职工之家建设.
    """
    starts = _offsets(words)
    i = 0
    if skip_verbs:
        while i < len(words) and words[i].tag in ("v", "f", "d", "p"):
            i += 1
    if i < len(words) and words[i].word == "的" and skip_verbs:
        i += 1
    if i >= len(words) or not _nounish(words[i]) or (words[i].tag in ("a", "b") and i + 1 >= len(words)):
        return None
    lo = hi = i
    j = i + 1
    while j < len(words):
        t = words[j]
        if _nounish(t) or t.word in _INNER_PUNCT:
            hi = j
        else:
            break
        j += 1
    known = [k for k in range(lo, hi + 1) if words[k].tag in ("n", "np", "vn")]
    if known and hi - known[-1] >= 2 and all(words[k].tag == "x" for k in range(known[-1] + 1, hi + 1)):
        hi = known[-1]                        # [名]职工|建功新时代: unknown words after the head
    lo, hi = _balanced(words, lo, hi)
    if lo > hi:
        return None
    return "".join(t.word for t in words[lo:hi + 1]), offset + starts[lo]


def _nounish(t: Token) -> bool:
    return t.tag in _NOUNISH or t.tag.startswith("n")


def tag_words(texts: Iterable[str], tagger: Tagger | None = None) -> list[tuple[Token, ...]]:
    """Tagged words of several texts (a convenience for looking at what the rules see)."""
    tagger = tagger or active_tagger()
    return [tagger.tag(t) for t in texts]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


#: what may stand between two figures of one enumeration or range (1500、1000、600元; 3至5名)
_CHAIN_GAP = frozenset("、至到和或及-—～~ ")
#: the furthest a clause is read on either side of a figure
_WINDOW = 24


def figure_subjects(text: str, figures: Sequence[_Span], tagger: Tagger | None = None, *,
                    clauses: list[tuple[int, int]] | None = None) -> list[Subject]:
    """The subject of every figure of ``text`` (figures in text order), offsets into ``text``.

    Each figure reads its clause from the clause start, or from the end of the figure
    before it in the same clause, to its start, and from its end to the next figure or
    the clause end, at most ``_WINDOW`` characters either way. The figures of an
    enumeration or a range share one subject: one that has none takes its neighbour's
    (``分别给予1500、1000、600元奖励`` → 奖励 for all three), and a phrase after the last
    unit, written once for all, wins over what stands before the first number
    (``对获奖选手分别给予3000、2000、1000元的奖励`` → 奖励 three times). With ``clauses``, the
    (start, end) of each figure's clause is appended to it (for the money types).

        >>> from types import SimpleNamespace as F
        >>> text = "慰问困难职工24户，发放慰问金2.6万元。"
        >>> [s.text for s in figure_subjects(text, [F(start=6, end=9, kind="households"),
        ...                                         F(start=15, end=20, kind="money")])]
        ['困难职工', '慰问金']
    """
    n = len(figures)
    if not n:
        return []
    tagger = tagger or active_tagger()
    if tagger is default_tagger():
        cache, choose = _CHOSEN, _choose_default_uncached
    else:
        cache, choose = {}, partial(_choose_uncached, tagger=tagger)
    if len(cache) > _CACHE_SIZE:
        cache.clear()
    bounds = [m.end() for m in _CLAUSE_END_RE.finditer(text)]
    text_len = len(text)
    bounds.append(text_len + 1)                 # a sentinel past the end
    out: list[Subject] = []
    b, prev = 0, 0
    for k in range(n):
        fig = figures[k]
        start, end = fig.start, fig.end
        while bounds[b] <= start:
            b += 1
        clause = bounds[b - 1] if b else 0
        s = start - _WINDOW
        if s < clause:
            s = clause
        if s < prev:
            s = prev
        c = b
        while bounds[c] <= end:
            c += 1
        e = clause_end = min(bounds[c] - 1, text_len)
        if k + 1 < n and figures[k + 1].start < e:
            e = figures[k + 1].start
        if e > end + _WINDOW:
            e = end + _WINDOW
        elif e < end:
            e = end
        before, after = text[s:start], text[end:e]
        counted = fig.kind in _COUNTED_FIRST
        after = _what_follows(after, fig.kind)
        lead = text[max(clause, start - 2 * _WINDOW):s] if s == prev and s > clause else ""
        found = cache.get((before, after, counted))
        if found is None or (found.text is None and lead):
            found = _cached_choice(cache, choose, before, after, counted, lead)
        if found.start is not None:
            at = s + found.start if found.start < len(before) else end + found.start - len(before)
            found = _new_tuple(Subject, (found.text, at, found.per))  # a Subject, without its Python __new__
        if clauses is not None:
            clauses.append((clause, clause_end))
        out.append(found)
        prev = end
    if n > 1:
        for k in range(n - 2, -1, -1):             # enumerations: borrow from the right …
            right = out[k + 1]
            if (out[k].text is None or (right.start is not None and right.start >= figures[k + 1].end)) \
                    and right.text is not None and _chained(text, figures[k], figures[k + 1]):
                out[k] = Subject(right.text, right.start, out[k].per or right.per)
        for k in range(1, n):                      # … and from the left
            if out[k].text is None and out[k - 1].text is not None and _chained(text, figures[k - 1], figures[k]):
                out[k] = Subject(out[k - 1].text, out[k - 1].start, out[k].per or out[k - 1].per)
    return out


def _chained(text: str, left: _Span, right: _Span) -> bool:
    gap = text[left.end:right.start]
    return len(gap) <= 2 and all(ch in _CHAIN_GAP for ch in gap)
