"""Reading the numbers of Chinese prose: Arabic, full-width, Chinese and mixed numerals.

The one place of the project that says what a numeral is: the value of each Chinese
digit (:data:`CN_DIGITS`), of 十/百/千 (:data:`CN_SMALL_UNITS`) and of 万/亿
(:data:`CN_BIG_UNITS`), full-width digits (:func:`to_ascii`), and the character sets the
figure patterns are built from (:data:`DIGIT_CLASS`, :data:`CN_NUMERAL_CHARS`,
:data:`MASK_CHARS`). Pure functions, no jieba. Every parser returns ``None`` for text it
cannot read instead of raising, so the extractor can hand it whatever it matched.

Conventions:

- Full-width digits and punctuation (``１２３``, ``．``, ``，``, ``％``) read as ASCII.
- Chinese numerals: 零/〇, 一…九, 两 (= 2), 十/百/千/万/亿, and the formal
  capitals 壹贰叁…拾佰仟. A bare unit counts one of it: ``百`` → 100, ``十二`` → 12.
- Colloquial shortening: a digit after a unit scales one step down,
  ``一万二`` → 12000, ``两千五`` → 2500, but ``一百零五`` → 105.
- A run of digits without units reads digit by digit: ``二〇二三`` → 2023.
- Mixed forms: ``1.2万`` → 12000, ``3千`` → 3000, ``1亿2000万`` → 120000000.
- Percentages give percent points: ``百分之六点九`` → 6.9, ``三成`` → 30.0,
  ``5%`` → 5.0.
- Trailing vague words (多, 余, 来, 左右 …) are ignored by :func:`parse_number`;
  the extractor reads them as qualifiers.

Example::

    >>> parse_number("一千二百三十四")
    1234.0
    >>> parse_number("3.1055万")
    31055.0
    >>> parse_percent("百分之六点九")
    6.9
"""

from __future__ import annotations

import math
import re

__all__ = [
    "CN_BIG_UNITS", "CN_DIGITS", "CN_NUMERAL_CHARS", "CN_SMALL_UNITS", "DIGIT_CLASS", "MASK_CHARS",
    "MULTIPLIERS", "NUMBER", "NUMBER_SEARCHED", "arabic_value", "is_bare_unit", "parse_arabic", "parse_number",
    "parse_percent", "parse_plain", "strip_vague", "tidy", "to_ascii",
]

#: full-width digits and punctuation → ASCII (same length: offsets are kept)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％＋－", "0123456789.,%+-")

#: value of each Chinese digit character (formal capitals included)
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}

#: value of each unit character below 万
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

#: value of each section unit (万, 亿)
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

#: the multiplier a unit character written after a number applies: 3千 → 3000, 1.3万亿 → 1.3e12
MULTIPLIERS: dict[str, int] = {**CN_SMALL_UNITS, **CN_BIG_UNITS}

#: Arabic digits, ASCII and full-width, as the body of a regex character class
DIGIT_CLASS = "0-9０-９"
#: the characters of a Chinese numeral in prose (digits, units, formal capitals)
CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
#: the Chinese digits that may follow 点 in a decimal (三点五)
CN_DECIMAL_DIGITS = "零〇○一二三四五六七八九"
#: characters a site uses to mask a digit (15xxxx元, ××万元)
MASK_CHARS = "xX×＿_*＊ｘＸ"
#: the digit characters, ASCII and full-width, as a set
DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
#: what may follow a number that opens with a mask (××万元, XX人次, ××次): a unit's first character
MASK_UNIT_FIRST = "元%％人名户家万次项件个场期条份所篇"

_D = DIGIT_CLASS                                    # Arabic digits, ASCII and full-width
_CN = CN_NUMERAL_CHARS                              # Chinese numeral characters
_CN_DIGIT = CN_DECIMAL_DIGITS                       # digits allowed after 点
_MASK = MASK_CHARS                                  # characters a site uses to mask a digit
#: 千 after Arabic digits is a multiplier unless it opens a unit: 3千 → 3000, but 100万千瓦, 3千米
_QIAN = "千(?![瓦米克])"

#: a number: 百分之…, a masked number, an Arabic number (with 万/亿 etc.), a Chinese numeral
NUMBER = (
    rf"百分之(?:[{_D}]+(?:[.．][{_D}]+)?|[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
    rf"|(?:[{_D}]{{1,3}}(?:[,，][{_D}]{{3}})*[,，](?=[{_D}{_MASK}]{{3}}(?![{_D}{_MASK}]))[{_D}]*[{_MASK}]"
    rf"|[{_D}]*[{_D}][{_MASK}]"
    rf"|[{_MASK}]{{1,4}}(?:[.．][{_MASK}]{{1,2}})?(?=[{_D}]*[{MASK_UNIT_FIRST}]))"
    rf"[{_D}{_MASK}]*[万千百亿]?"
    rf"|[{_D}]+(?:[,，][{_D}]{{3}}(?![{_D}]))*(?:[.．][{_D}]+)?"
    rf"(?:(?:[十百万亿]|{_QIAN})+(?:[{_D}]+(?:[.．][{_D}]+)?[万千百]+)*)?"
    rf"|[{_CN}]+(?:点[{_CN_DIGIT}]+[万亿]?)?"
)

#: the same numbers as ``NUMBER``, written to be searched fast: every alternative
#: opens with the one character class below, and a lookbehind picks the alternative.
#: A pattern that opens with a character class lets the regex engine skip the text
#: between numerals in C, so the scan is one ``finditer`` instead of a gate search and
#: a match per numeral. ``tests/test_figures.py`` checks both forms match alike.
NUMBER_SEARCHED = (
    rf"[{_D}{_MASK}{_CN}]"
    rf"(?:(?<=百)分之(?:[{_D}]+(?:[.．][{_D}]+)?|[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
    rf"|(?:(?<=[{_D}])(?:[{_D}]{{0,2}}(?:[,，][{_D}]{{3}})*[,，]"
    rf"(?=[{_D}{_MASK}]{{3}}(?![{_D}{_MASK}]))[{_D}]*[{_MASK}]"
    rf"|[{_D}]*[{_MASK}])"
    rf"|(?<=[{_MASK}])[{_MASK}]{{0,3}}(?:[.．][{_MASK}]{{1,2}})?(?=[{_D}]*[{MASK_UNIT_FIRST}]))"
    rf"[{_D}{_MASK}]*[万千百亿]?"
    rf"|(?<=[{_D}])[{_D}]*(?:[,，][{_D}]{{3}}(?![{_D}]))*(?:[.．][{_D}]+)?"
    rf"(?:(?:[十百万亿]|{_QIAN})+(?:[{_D}]+(?:[.．][{_D}]+)?[万千百]+)*)?"
    rf"|(?<=[{_CN}])[{_CN}]*(?:点[{_CN_DIGIT}]+[万亿]?)?)"
)


#: words after a number that only qualify it (the extractor keeps them as qualifiers)
_TRAILING_VAGUE = ("左右", "上下", "以上", "以下", "以内", "之多", "多", "余", "来", "几")

#: an Arabic number with optional thousands separators and decimals: 1,234.5
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
#: text without any Arabic digit or decimal point (Chinese numerals only)
_NO_ARABIC = re.compile(r"[^\d.]*")


def to_ascii(text: str) -> str:
    """Full-width digits and ．，％ as ASCII, same length: ``"１２．５％"`` → ``"12.5%"``."""
    return text.translate(_FULLWIDTH)


def parse_arabic(text: str) -> float | None:
    """An Arabic number with separators: ``parse_arabic("1，234.5")`` → 1234.5 (None if not one)."""
    s = to_ascii(text).strip()
    if not s or _ARABIC.fullmatch(s) is None:
        return None
    return float(s.replace(",", ""))


def _digits_only(text: str) -> float | None:
    """Digit-by-digit reading: ``_digits_only("二〇二三")`` → 2023.0."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    return float("".join(str(CN_DIGITS[ch]) for ch in text))


def _parse_below_wan(text: str) -> float | None:
    """A section below 万 in Chinese or Arabic: ``_parse_below_wan("三百五")`` → 350.0.

    Arabic pieces may carry a small unit (``3千`` → 3000); a trailing lone digit after
    a unit scales one step down (``两千五`` → 2500) unless 零 came before it.
    """
    if not text:
        return 0.0
    arabic = parse_arabic(text)
    if arabic is not None:
        return arabic
    total = 0.0
    pending: float | None = None
    last_unit = 0
    saw_zero = False
    i = 0
    ascii_text = to_ascii(text)  # once, not per character
    has_digits = not _NO_ARABIC.fullmatch(ascii_text)
    while i < len(text):
        m = _ARABIC.match(ascii_text, i) if has_digits else None
        if m:
            pending = float(m.group().replace(",", ""))
            i = m.end()
            continue
        ch = text[i]
        if ch in CN_DIGITS:
            if CN_DIGITS[ch] == 0:
                saw_zero = True
            if pending is not None and pending != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row inside a unit numeral: not a number
            pending = float(CN_DIGITS[ch]) if CN_DIGITS[ch] else pending
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            total += (1.0 if pending is None else pending) * unit
            pending, last_unit, saw_zero = None, unit, False
        else:
            return None
        i += 1
    if pending is not None:
        scale = last_unit // 10 if (last_unit >= 100 and not saw_zero) else 1
        total += pending * scale
    return total


def _parse_section(text: str, units: tuple[tuple[str, int], ...]) -> float | None:
    """Split on the largest section unit present (亿, then 万) and read both sides."""
    if not units:
        return _parse_below_wan(text)
    chars, value = units[0]
    pos = max((text.rfind(c) for c in chars), default=-1)
    if pos < 0:
        return _parse_section(text, units[1:])
    left, right = text[:pos], text[pos + 1:]
    high = 1.0 if left == "" else _parse_section(left, units[1:])
    if high is None:
        return None
    low = _parse_tail(right, value)
    return None if low is None else high * value + low


def _parse_tail(right: str, section_value: int) -> float | None:
    """The part after 万/亿: ``"二"`` after 万 → 2000 (colloquial), ``"零五"`` → 5."""
    if right in CN_DIGITS and CN_DIGITS[right] != 0:
        return CN_DIGITS[right] * section_value / 10
    stripped = right.lstrip("零〇")
    sub_units = (("亿億", 100_000_000), ("万萬", 10_000))
    return _parse_section(stripped, tuple(u for u in sub_units if u[1] < section_value))


def _parse_integer_or_decimal(text: str) -> float | None:
    """Chinese or mixed number with 点 as decimal point: ``"三点五"`` → 3.5."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        scale = 1
        while frac and frac[-1] in CN_BIG_UNITS:  # 三点五万 → 3.5 × 10000
            scale *= CN_BIG_UNITS[frac[-1]]
            frac = frac[:-1]
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            return None
        head = _parse_integer_or_decimal(whole) if whole else 0.0
        if head is None:
            return None
        return (head + float("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))) * scale
    if len(text) > 1:
        by_digit = _digits_only(text)
        if by_digit is not None:
            return by_digit
    return _parse_section(text, (("亿億", 100_000_000), ("万萬", 10_000)))


def strip_vague(text: str) -> str:
    """Drop trailing vague words: ``strip_vague("300多")`` → ``"300"``; ``"3千多"`` → ``"3千"``."""
    changed = True
    while changed:
        changed = False
        for word in _TRAILING_VAGUE:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
    return text


def parse_number(text: str) -> float | None:
    """Any numeral of Chinese prose as a float, or None.

    ``parse_number("两万")`` → 20000.0, ``parse_number("1,234")`` → 1234.0,
    ``parse_number("3千多")`` → 3000.0, ``parse_number("百分之六点九")`` → 6.9,
    ``parse_number("三成")`` → 30.0, ``parse_number("近百")`` → 100.0.
    """
    if not isinstance(text, str):
        return None
    s = to_ascii(text).strip().replace(" ", "")
    for prefix in ("大约", "将近", "接近", "约", "近", "超过", "逾", "不到", "不足"):
        if s.startswith(prefix) and len(s) > len(prefix):
            s = s[len(prefix):]
            break
    s = strip_vague(s)
    if not s:
        return None
    percent = parse_percent(s)
    if percent is not None:
        return percent
    try:
        value = _parse_integer_or_decimal(s)
    except (ValueError, OverflowError):
        return None
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.12g}")  # 1.2 × 10000 is 12000.0, not 12000.000000000002


def parse_plain(text: str) -> float | None:
    """A bare numeral, no qualifier words or percent forms: ``parse_plain("3.1055万")`` → 31055.0.

    The fast path of :func:`parse_number` for text already cut by a regex.
    """
    try:
        value = _parse_integer_or_decimal(text)
    except (ValueError, OverflowError):
        return None
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.12g}")


def parse_percent(text: str) -> float | None:
    """A percentage in percent points: ``"百分之六点九"`` → 6.9, ``"三成"`` → 30.0, ``"5％"`` → 5.0.

    Returns None when ``text`` is not written as a percentage.
    """
    s = to_ascii(text).strip()
    if s.startswith("百分之") and len(s) > 3:
        return parse_number(s[3:])
    if s.endswith("%") and len(s) > 1:
        return parse_number(s[:-1])
    for suffix in ("个百分点", "百分点"):
        if s.endswith(suffix) and len(s) > len(suffix):
            return parse_number(s[: -len(suffix)])
    if s.endswith("成") and len(s) > 1:
        tenths = parse_number(s[:-1])
        return None if tenths is None else tenths * 10
    return None


def is_bare_unit(text: str) -> bool:
    """True for a numeral made of units only: ``百``, ``千``, ``万`` (近百, 上千, 千家万户)."""
    return bool(text) and all(ch in CN_SMALL_UNITS or ch in CN_BIG_UNITS for ch in text)


#: an Arabic number once full-width forms are read as ASCII: 1,260 / 6.1 / 95.5
ARABIC_NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")
#: the 万/亿 tails an Arabic number may carry, with their multipliers
_BIG_TAILS = {"万": float(CN_BIG_UNITS["万"]), "亿": float(CN_BIG_UNITS["亿"]),
              "万亿": float(CN_BIG_UNITS["万"] * CN_BIG_UNITS["亿"])}


def tidy(value: float) -> float:
    """Drop float noise: 4.06 × 10¹² is 4060000000000.0, not 4059999999999.9995."""
    if value.is_integer() and abs(value) < 1e15:
        return value
    return float(f"{value:.12g}")


def arabic_value(num: str) -> float | None:
    """An Arabic number with separators, decimals and a 万/亿 tail: ``"6.1万"`` → 61000.0.

    None for anything else (Chinese digits, masks): those take :func:`parse_plain`. The
    result is rounded like :func:`parse_number` rounds it.
    """
    s = num if num.isascii() else to_ascii(num)
    scale = 1.0
    if s[-1] in "万亿":
        tail = "万亿" if s.endswith("万亿") else s[-1]
        scale = _BIG_TAILS[tail]
        s = s[:-len(tail)]
    if not s or ARABIC_NUMBER.fullmatch(s) is None:
        return None
    return tidy(float(f"{float(s.replace(',', '')) * scale:.12g}"))
