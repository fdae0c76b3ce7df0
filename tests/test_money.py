import pytest

from app.errors import UserInputError
from app.money import (
    allocate,
    cash_round_down,
    div_round,
    format_money,
    format_quantity,
    format_rate,
    line_gross,
    parse_quantity,
    parse_rate,
    parse_yuan,
    tax_in_gross,
    tax_on_net,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12.50", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("¥3.05", 305),
        ("￥0.01", 1),
        ("1,234.00", 123400),
        (" 7.10 元", 710),
        (".5", 50),
    ],
)
def test_parse_yuan_reads_what_people_type(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "12,50", "-1", "1e3", "¥"])
def test_parse_yuan_refuses_garbage_with_a_typed_error(text):
    with pytest.raises(UserInputError):
        parse_yuan(text)


def test_money_formats_the_same_in_both_languages():
    assert format_money(1250) == "¥12.50"
    assert format_money(5) == "¥0.05"
    assert format_money(-120) == "-¥1.20"


def test_division_rounds_half_away_from_zero():
    assert div_round(5, 10) == 1
    assert div_round(4, 10) == 0
    assert div_round(-5, 10) == -1
    assert line_gross(333, 1500) == 500  # 499.5 rounds up


def test_allocate_adds_up_exactly():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert sum(allocate(101, [7, 0, 13, 5])) == 101
    assert allocate(-10, [1, 1]) == [-5, -5]
    assert allocate(5, [0, 0]) == [5, 0]


def test_tax_contained_in_an_inclusive_price():
    assert tax_in_gross(1130, 1300) == 130
    assert tax_in_gross(109, 900) == 9
    assert tax_in_gross(1000, 0) == 0
    assert tax_on_net(1000, 600) == 60


def test_cash_rounding_only_goes_down():
    assert cash_round_down(1287, 10) == -7
    assert cash_round_down(1287, 100) == -87
    assert cash_round_down(1200, 100) == 0
    assert cash_round_down(1287, 0) == 0


def test_rates_and_quantities():
    assert parse_rate("13") == parse_rate("13%") == 1300
    assert parse_rate("9.5%") == 950
    assert format_rate(1300) == "13%"
    with pytest.raises(UserInputError):
        parse_rate("120")
    assert parse_quantity("3") == 3000
    assert parse_quantity("1.25", weighed=True) == 1250
    with pytest.raises(UserInputError):
        parse_quantity("1.5")
    assert format_quantity(1250) == "1.25"
    assert format_quantity(3000) == "3"
