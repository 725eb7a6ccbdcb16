"""The text the section classifier reads: markers dropped, numbers folded, heading keys.

A heading row and its copy in a body row's ``heading_path`` must meet as the same key,
and "（一）慰问困难职工73人" must read like "（二）慰问困难职工45人"; these helpers say how.

    >>> normalize_text("（一）慰问困难职工73人")
    '慰问困难职工0人'
    >>> text_key("一、送温暖。")
    '一、送温暖'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..records import PATH_SEP

__all__ = ["LIST_MARKER", "PATH_SEP", "first_clause", "lead_in", "normalize_text", "normalize_texts", "sub_each",
           "text_key"]

#: joins the headings of ``heading_path``
#: a list marker opening a heading or paragraph: "一、" "（二）" "3." "④" "第一，"
LIST_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]"
    r"|[0-9０-９]{1,2}[、．.]|[\u2460-\u249b]|第[一二三四五六七八九十]{1,3}[，,、：:])\s*"
)
#: what the segmenter strips from the end of a heading when it puts it in ``heading_path``
_HEADING_END = "。．.，,；;：: \u3000"
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_MASKS = re.compile(r"[Xx×*_＿]{1,}")

#: a lead-in clause that names a paragraph's subject like a heading: "在职工帮扶方面，"
#: "一是加强职工之家建设，" "女职工工作："
LEAD_IN = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、．.]|第[一二三四五六七八九十]{1,2}[，,、])?"
    r"(?:(在[^，,。；;：:]{2,20}?(?:方面|工作中|上))|([^，,。；;：:]{2,16})(?=[：:])"
    r"|[一二三四五六七八九十]是([^，,。；;：:]{2,20})[，,；;：:])"
)


def normalize_text(text: str) -> str:
    """The text a classifier reads: list marker dropped, numbers and masks folded.

    >>> normalize_text("（一）慰问困难职工73人，发放202_年慰问金11.4万元。")
    '慰问困难职工0人，发放0#年慰问金0万元。'
    """
    return _fold(_drop_marker(text))


def _drop_marker(text: str) -> str:
    """The text without the list marker that opens it."""
    return LIST_MARKER.sub("", text, count=1)


def _fold(text: str) -> str:
    """Numbers to 0, masks to #, lower case: safe on several texts joined by a NUL."""
    return _MASKS.sub("#", _DIGITS.sub("0", text)).lower()


def normalize_texts(texts: Sequence[str]) -> list[str]:
    """``[normalize_text(t) for t in texts]``, with one pass of each step over all texts joined.

    >>> normalize_texts(["（一）慰问职工73人", "发放202_年慰问金11.4万元"])
    ['慰问职工0人', '发放0#年慰问金0万元']
    """
    return sub_each(texts, _fold, _drop_marker)


#: what :func:`sub_each` joins texts with: no pattern it serves matches it or across it, and
#: it is neither a cased nor a case-ignorable character (``str.lower`` reads no context past it)
_JOIN = "\x00"


def sub_each(texts: Sequence[str], whole: Callable[[str], str],
             each: Callable[[str], str] | None = None) -> list[str]:
    r"""``[whole(each(t)) for t in texts]``, with ``whole`` called once on all texts joined.

    ``whole`` must treat a NUL character as a text boundary: replacements by patterns that
    match neither NUL nor across it, and ``str.lower``. Texts that hold a NUL themselves
    are done one by one.

    >>> sub_each(["a  b", "c   d"], lambda t: re.sub(r"\s\s+", " ", t))
    ['a b', 'c d']
    """
    if each is not None:
        texts = [each(text) for text in texts]
    joined = _JOIN.join(texts)
    if not texts or joined.count(_JOIN) != len(texts) - 1:
        return [whole(text) for text in texts]
    return whole(joined).split(_JOIN)


def text_key(text: str) -> str:
    """A text as a lookup key: a heading row and its copy in ``heading_path`` meet here.

    >>> text_key("  1、走访慰问。")
    '1、走访慰问'
    """
    return text.strip().rstrip(_HEADING_END)


def first_clause(text: str) -> str:
    """The first clause of a two-part heading: "四、关心女职工，丰富文化生活" → "四、关心女职工".

    >>> first_clause("四、关心女职工，丰富文化生活"), first_clause("五、送温暖")
    ('四、关心女职工', '')
    """
    parts = re.split(r"[，,；;]|(?<=[^和])和(?!谐)|与|及(?!时)", text.strip(), maxsplit=1)
    return parts[0] if len(parts) == 2 and len(LIST_MARKER.sub("", parts[0])) >= 2 else ""


def lead_in(text: str) -> str:
    """The lead-in clause of a body paragraph, if it names a subject: "在帮扶方面" (else "").

    >>> lead_in("在职工帮扶方面，我们走访了73户。")
    '在职工帮扶方面'
    """
    match = LEAD_IN.match(text)
    return next((g for g in match.groups() if g), "") if match else ""
