"""Table-driven tests of :mod:`summarylens.figures.numerals`: every numeral form of the genre."""

from __future__ import annotations

import math

import pytest

from summarylens.figures.numerals import (
    is_bare_unit,
    parse_arabic,
    parse_number,
    parse_percent,
    strip_vague,
    to_ascii,
)

NUMBERS: list[tuple[str, float | None]] = [
    # Arabic, separators, decimals
    ("0", 0.0),
    ("7", 7.0),
    ("46", 46.0),
    ("1386", 1386.0),
    ("1,234", 1234.0),
    ("1，234", 1234.0),
    ("12,345,678", 12345678.0),
    ("3.5", 3.5),
    ("58.46", 58.46),
    ("0.7", 0.7),
    ("1,234.5", 1234.5),
    # full-width
    ("１２３", 123.0),
    ("１２６４", 1264.0),
    ("５.２", 5.2),
    ("８．４", 8.4),
    ("１，２３４", 1234.0),
    # Chinese, simple
    ("一", 1.0),
    ("二", 2.0),
    ("两", 2.0),
    ("三", 3.0),
    ("九", 9.0),
    ("十", 10.0),
    ("十二", 12.0),
    ("二十", 20.0),
    ("二十五", 25.0),
    ("五十六", 56.0),
    ("九十九", 99.0),
    ("一百", 100.0),
    ("百", 100.0),
    ("一百零五", 105.0),
    ("一百一十", 110.0),
    ("三百五", 350.0),
    ("一百五十", 150.0),
    ("六百", 600.0),
    ("千", 1000.0),
    ("一千", 1000.0),
    ("两千五", 2500.0),
    ("一千二百三十四", 1234.0),
    ("四千零五十", 4050.0),
    ("三千零三", 3003.0),
    ("万", 10000.0),
    ("两万", 20000.0),
    ("一万二", 12000.0),
    ("十万", 100000.0),
    ("三十万", 300000.0),
    ("十万零三百", 100300.0),
    ("九千九百九十九万", 99990000.0),
    ("一亿", 100000000.0),
    ("十二亿", 1200000000.0),
    ("一亿零五", 100000005.0),
    ("七千", 7000.0),
    ("近七千", 7000.0),
    # digit by digit, 〇/零
    ("二〇二三", 2023.0),
    ("一九九八", 1998.0),
    ("零", 0.0),
    # formal capitals
    ("壹仟贰佰", 1200.0),
    ("叁拾", 30.0),
    ("伍佰", 500.0),
    # Chinese decimals
    ("三点五", 3.5),
    ("六点九", 6.9),
    ("三点五万", 35000.0),
    ("零点五", 0.5),
    # mixed Arabic and Chinese units
    ("1.2万", 12000.0),
    ("3千", 3000.0),
    ("3千多", 3000.0),
    ("3.1055万", 31055.0),
    ("158万", 1580000.0),
    ("400万", 4000000.0),
    ("18.7亿", 1870000000.0),
    ("1亿2000万", 120000000.0),
    ("1万6千", 16000.0),
    ("5百", 500.0),
    ("114万亿", 114000000000000.0),
    # vague words and prefixes
    ("300多", 300.0),
    ("40余", 40.0),
    ("十余", 10.0),
    ("近百", 100.0),
    ("约35", 35.0),
    ("超过11", 11.0),
    ("不足5", 5.0),
    ("20左右", 20.0),
    ("150以上", 150.0),
    # percentages in percent points
    ("百分之六点九", 6.9),
    ("百分之百", 100.0),
    ("百分之5", 5.0),
    ("三成", 30.0),
    ("九成", 90.0),
    ("5%", 5.0),
    ("98.7％", 98.7),
    ("1.2个百分点", 1.2),
    # not numbers
    ("", None),
    ("完成", None),
    ("xx", None),
    ("15xxxx", None),
    ("三八节", None),
    ("abc", None),
    ("万元户", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


def test_table_is_large_enough() -> None:
    assert len(NUMBERS) >= 80


@pytest.mark.parametrize(("text", "expected"), [
    ("百分之六点九", 6.9), ("三成", 30.0), ("两成", 20.0), ("5％", 5.0), ("12.5%", 12.5),
    ("十个百分点", 10.0), ("0.7个百分点", 0.7), ("58.46", None), ("完成", None), ("三八", None),
])
def test_parse_percent(text: str, expected: float | None) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("1,234", 1234.0), ("１，２３４.５", 1234.5), ("12", 12.0), ("1.2万", None), ("十二", None),
    ("1,23", None), ("", None),
])
def test_parse_arabic(text: str, expected: float | None) -> None:
    assert parse_arabic(text) == expected


def test_to_ascii_keeps_length() -> None:
    text = "１２．５％，３"
    assert to_ascii(text) == "12.5%,3"
    assert len(to_ascii(text)) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("300多", "300"), ("3千多", "3千"), ("40余", "40"), ("20左右", "20"), ("多", "多"),
    ("12", "12"),
])
def test_strip_vague(text: str, expected: str) -> None:
    assert strip_vague(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("百", True), ("千", True), ("万", True), ("千万", True), ("十二", False), ("三百", False),
    ("", False),
])
def test_is_bare_unit(text: str, expected: bool) -> None:
    assert is_bare_unit(text) is expected


def test_garbage_reads_as_no_number() -> None:
    # strings that hold no digit or numeral (only multipliers, a decimal point, a percent
    # sign, a malformed decimal, or nothing) give None rather than a made-up value
    for text in ("点", "点点", "万万万", "亿亿", "百分之", "成", "%", "1..2", "", None):
        assert parse_number(text) is None, text  # type: ignore[arg-type]
    # runs of numerals that no one writes still give a finite, non-negative value or None
    for text in ("十十十", "零零零", "百百", "千十"):
        value = parse_number(text)
        assert value is None or (value >= 0 and math.isfinite(value)), (text, value)
