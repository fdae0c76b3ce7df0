"""Amounts in Chinese capital numerals (大写)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.money import amount_in_words

DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
PLACES = {"拾": 10, "佰": 100, "仟": 1000}


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (12345, "壹佰贰拾叁元肆角伍分"),
        (10000, "壹佰元整"),
        (10005, "壹佰元零伍分"),
        (10050, "壹佰元伍角整"),
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角整"),
        (100, "壹元整"),
        (100100, "壹仟零壹元整"),
        (1000000, "壹万元整"),
        (1010000, "壹万零壹佰元整"),
        (10001000, "壹拾万零壹拾元整"),
        (101000000, "壹佰零壹万元整"),
        (10000000000, "壹亿元整"),
        (10000100000, "壹亿零壹仟元整"),
        (-12345, "负壹佰贰拾叁元肆角伍分"),
    ],
)
def test_examples(fen, words):
    assert amount_in_words(fen) == words


def read_back(words: str) -> int:
    """A reader of 大写 written independently of the writer: the value the words say."""
    sign = -1 if words.startswith("负") else 1
    words = words.removeprefix("负").removesuffix("整")
    yuan_part, _, fraction = words.rpartition("元") if "元" in words else ("", "", words)
    total, section, digit = 0, 0, 0
    for char in yuan_part:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in PLACES:
            section += digit * PLACES[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
    yuan = total + section + digit
    fen = 0
    for index, char in enumerate(fraction):
        if char == "角":
            fen += DIGITS[fraction[index - 1]] * 10
        elif char == "分":
            fen += DIGITS[fraction[index - 1]]
    return sign * (yuan * 100 + fen)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_words_read_back_to_the_amount(fen):
    words = amount_in_words(fen)
    assert read_back(words) == fen
    assert "零零" not in words
    assert not words.removesuffix("整").endswith("零")
