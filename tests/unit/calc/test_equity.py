"""Vesting schedules, vested shares and option pricing dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.calc.equity import grant_figures, price_date, vested_on, vested_shares_on, vesting_schedule
from app.domain.letter import EquityGrant
from tests.unit.calc.letters import grant, letter_with

D = date


def schedule(start: date, shares: int, grant_kind: str, /, **vesting: object) -> list[tuple[date, int]]:
    g = EquityGrant.model_validate(grant(grant_kind, shares, vesting))
    return [(i.date, i.shares) for i in vesting_schedule(g, start)]


def test_sample_vests_50000_on_each_anniversary() -> None:
    # 150,000 / 3 = 50,000 on the 1st, 2nd and 3rd anniversaries of 2002-10-14
    (figures,) = grant_figures(letter_with())
    assert [(i.date, i.shares, i.cumulative) for i in figures.installments] == [
        (D(2003, 10, 14), 50_000, 50_000),
        (D(2004, 10, 14), 50_000, 100_000),
        (D(2005, 10, 14), 50_000, 150_000),
    ]
    assert figures.price_date.value == D(2002, 10, 11)  # Monday start -> the Friday before


@pytest.mark.parametrize(
    ("start", "shares", "years", "expected"),
    [
        # floor(100,000 x 1/3) = 33,333; floor(100,000 x 2/3) = 66,666 -> 33,333; the rest 33,334
        (D(2002, 10, 14), 100_000, 3, [(D(2003, 10, 14), 33_333), (D(2004, 10, 14), 33_333), (D(2005, 10, 14), 33_334)]),
        # Feb 29 start: Feb 28 in common years, Feb 29 in the leap year 2028; 100,000 / 4 = 25,000
        (D(2024, 2, 29), 100_000, 4, [(D(2025, 2, 28), 25_000), (D(2026, 2, 28), 25_000),
                                       (D(2027, 2, 28), 25_000), (D(2028, 2, 29), 25_000)]),
        # Feb 29 start, three years: 2025-02-28, 2026-02-28, 2027-02-28; 33,333 / 33,333 / 33,334
        (D(2024, 2, 29), 100_000, 3, [(D(2025, 2, 28), 33_333), (D(2026, 2, 28), 33_333), (D(2027, 2, 28), 33_334)]),
        # one installment: the whole grant on the first anniversary
        (D(2020, 6, 30), 7, 1, [(D(2021, 6, 30), 7)]),
        # cumulative floor(10 x k / 4) = 2, 5, 7, 10 -> 2, 3, 2, 3 (each the stated quarter, rounded down)
        (D(2020, 1, 15), 10, 4, [(D(2021, 1, 15), 2), (D(2022, 1, 15), 3), (D(2023, 1, 15), 2), (D(2024, 1, 15), 3)]),
    ],
)
def test_equal_annual(start: date, shares: int, years: int, expected: list[tuple[date, int]]) -> None:
    assert schedule(start, shares, "rsu", kind="equal_annual", years=years) == expected


def test_cliff_then_monthly() -> None:
    # 48,000 over 48 months = 1,000 a month; the 12-month cliff vests 12 x 1,000 on 2025-01-31,
    # then 1,000 monthly, clamped to month end (2025-02-28, 2025-04-30 ...), the last on 2028-01-31.
    got = schedule(D(2024, 1, 31), 48_000, "rsu", kind="cliff_then_periodic", years=4, cliff_months=12)
    assert got[0] == (D(2025, 1, 31), 12_000)
    assert got[1:4] == [(D(2025, 2, 28), 1_000), (D(2025, 3, 31), 1_000), (D(2025, 4, 30), 1_000)]
    assert got[-1] == (D(2028, 1, 31), 1_000)
    assert len(got) == 1 + 36  # the cliff, then months 13..48
    # months are counted from the start, not chained: after Feb 28 comes Mar 31, not Mar 28
    assert D(2025, 3, 28) not in [d for d, _ in got]


def test_cliff_then_quarterly() -> None:
    # 100 over 48 months, quarterly: cumulative floor(100 x m / 48): m=12 -> 25 (the cliff, one quarter of
    # the grant), m=15 -> 31 (+6), m=18 -> 37 (+6), m=21 -> 43 (+6), m=24 -> 50 (+7) ... m=48 -> 100
    got = schedule(D(2024, 1, 31), 100, "rsu", kind="cliff_then_periodic", years=4, cliff_months=12,
                   period="quarterly")
    assert got[0] == (D(2025, 1, 31), 25)
    assert got[1:5] == [(D(2025, 4, 30), 6), (D(2025, 7, 31), 6), (D(2025, 10, 31), 6), (D(2026, 1, 31), 7)]
    assert got[-1][0] == D(2028, 1, 31)
    assert len(got) == 13 and sum(s for _, s in got) == 100


def test_the_cliff_installment_is_exactly_the_cliff_fraction() -> None:
    # The case: 65,000 shares, 12-month cliff, then monthly over 48 months. The letter says
    # one-quarter at the cliff: floor(65,000 x 12 / 48) = 16,250 (not 12 x floor(65,000 / 48) = 16,248).
    # Month 13: floor(65,000 x 13 / 48) = floor(17,604.17) = 17,604 -> +1,354; month 14: 18,958 -> +1,354;
    # month 15: floor(20,312.5) = 20,312 -> +1,354; month 16: floor(21,666.67) = 21,666 -> +1,354;
    # month 48: 65,000.
    got = vesting_schedule(EquityGrant.model_validate(grant("rsu", 65_000, {
        "kind": "cliff_then_periodic", "years": 4, "cliff_months": 12})), D(2025, 3, 3))
    assert (got[0].date, got[0].shares, got[0].cumulative) == (D(2026, 3, 3), 16_250, 16_250)
    assert [i.cumulative for i in got[1:5]] == [17_604, 18_958, 20_312, 21_666]
    assert got[-1].cumulative == 65_000 and got[-1].date == D(2029, 3, 3)
    assert "65,000 x 12 / 48 months = 16,250" in got[0].why.render({"shares": lambda n: f"{n:,}"})


def test_all_at_once_cliff() -> None:
    # a 3-year cliff: all 30,000 RSUs on the third anniversary, nothing before
    assert schedule(D(2024, 5, 15), 30_000, "rsu", kind="cliff", years=3) == [(D(2027, 5, 15), 30_000)]


def test_vesting_from_the_grant_date() -> None:
    # start 2025-01-06, granted 2025-02-20 after the Board meeting; 4 equal annual installments from the grant
    # date: 2026-02-20 ... 2029-02-20, 10,000 each. Without "from the grant date" the start date counts.
    letter = letter_with({"equity.grants": [{**grant("rsu", 40_000, {"kind": "equal_annual", "years": 4,
                                                                      "starts": "grant_date"}),
                                             "grant_date": "2025-02-20"}],
                          "position.start_date": "2025-01-06"})
    (figures,) = grant_figures(letter)
    assert [(i.date, i.shares) for i in figures.installments] == [
        (D(2026, 2, 20), 10_000), (D(2027, 2, 20), 10_000), (D(2028, 2, 20), 10_000), (D(2029, 2, 20), 10_000)]
    assert figures.vesting_start.value == D(2025, 2, 20)


@pytest.mark.parametrize(
    ("sizing", "price", "shares"),
    [
        # $500,000 / $37.00 = 13,513.5... -> 13,513 shares (rounded down)
        ({"sizing": "dollar_value", "value": "500000.00"}, "37.00", 13_513),
        # 150% of the 300,000 salary = 450,000 / 12.50 = 36,000 shares exactly
        ({"sizing": "percent_of_salary", "percent_of_salary": "150"}, "12.50", 36_000),
        # no share price for estimates: the shares cannot be counted
        ({"sizing": "dollar_value", "value": "500000.00"}, None, None),
    ],
)
def test_grant_sized_in_dollars(sizing: dict[str, str], price: str | None, shares: int | None) -> None:
    g = {**grant("rsu", 1, {"kind": "equal_annual", "years": 3}), **sizing}
    g.pop("shares")
    letter = letter_with({"equity.grants": [g], "equity.assumed_share_price": price})
    (figures,) = grant_figures(letter)
    assert figures.shares.value == shares
    if shares is None:
        assert figures.installments == () and "share price for estimates is not set" in figures.shares.explain()
    else:
        assert figures.installments[-1].cumulative == shares and "rounded down" in figures.shares.explain()


def test_fewer_shares_than_periods_skips_empty_installments() -> None:
    # 10 shares over 24 months, 6-month cliff: cumulative floor(10 x m / 24): m=6 -> 2, m=8 -> 3 (7 stays 2),
    # m=10 -> 4, m=12 -> 5, m=15 -> 6, m=17 -> 7, m=20 -> 8, m=22 -> 9, m=24 -> 10; months without a new share
    # are not vesting dates
    got = schedule(D(2024, 1, 1), 10, "rsu", kind="cliff_then_periodic", years=2, cliff_months=6)
    assert [s for _, s in got] == [2, 1, 1, 1, 1, 1, 1, 1, 1]
    assert [d.month for d, _ in got[:3]] == [7, 9, 11]  # 2024-07-01 (m=6), 2024-09-01 (m=8), 2024-11-01 (m=10)


@pytest.mark.parametrize(
    ("start", "priced"),
    [
        (D(2002, 10, 14), D(2002, 10, 11)),  # the sample: Monday -> Friday
        (D(2024, 7, 5), D(2024, 7, 3)),  # July 4 holiday (Thursday) -> Wednesday
        (D(2024, 7, 6), D(2024, 7, 5)),  # Saturday start -> Friday
        (D(2024, 11, 29), D(2024, 11, 27)),  # day after Thanksgiving -> the Wednesday before it
        (D(2024, 12, 2), D(2024, 11, 29)),  # Monday after Thanksgiving -> Friday (a half day, still trading)
        (D(2024, 9, 3), D(2024, 8, 30)),  # Tuesday after Labor Day -> Friday
        (D(2024, 4, 1), D(2024, 3, 28)),  # Monday after Good Friday -> Thursday
        (D(2024, 1, 2), D(2023, 12, 29)),  # after New Year's Day -> Friday of the year before
        (D(2024, 6, 20), D(2024, 6, 18)),  # after Juneteenth (Wednesday) -> Tuesday
        (D(2001, 9, 17), D(2001, 9, 10)),  # after the 9/11 closure (Sep 11-14)
        (D(2012, 10, 31), D(2012, 10, 26)),  # after Hurricane Sandy (Oct 29-30) -> Friday
        (D(2018, 12, 6), D(2018, 12, 4)),  # after President Bush's funeral (Dec 5)
        (D(2025, 1, 10), D(2025, 1, 8)),  # after President Carter's funeral (Jan 9)
        (D(1990, 1, 2), D(1989, 12, 29)),  # across a decade of the calendar cache
    ],
)
def test_price_date_is_the_trading_day_before_the_start(start: date, priced: date) -> None:
    g = EquityGrant.model_validate(grant())
    figure = price_date(g, start)
    assert figure.value == priced
    assert "trading day immediately before the start date" in figure.explain()


def test_close_on_grant_date() -> None:
    g = EquityGrant.model_validate({**grant(), "pricing": "close_on_grant_date"})
    assert price_date(g, D(2024, 7, 5)).value == D(2024, 7, 5)  # a trading day: that day
    assert price_date(g, D(2024, 7, 4)).value == D(2024, 7, 3)  # a holiday: the trading day before


@pytest.mark.parametrize("kind", ["rsu", "restricted_stock"])
def test_stock_has_no_price_date(kind: str) -> None:
    figure = price_date(EquityGrant.model_validate(grant(kind)), D(2002, 10, 14))
    assert figure.value is None and "no exercise price" in figure.explain()


def test_vested_on_counts_the_vesting_day() -> None:
    (figures,) = grant_figures(letter_with())
    assert figures.vested_on(D(2003, 10, 13)) == 0
    assert figures.vested_on(D(2003, 10, 14)) == 50_000  # on the anniversary itself
    assert figures.vested_on(D(2010, 1, 1)) == 150_000
    two = letter_with({"equity.grants": [grant(), grant("rsu", 10, {"kind": "equal_annual", "years": 1})]})
    assert vested_shares_on(two, D(2003, 10, 14)) == 50_000 + 10  # both first installments
    assert vested_shares_on(letter_with({"equity": None}), D(2010, 1, 1)) == 0


# ---------------------------------------------------------------- properties

starts = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@st.composite
def grants(draw: st.DrawFn) -> EquityGrant:
    years = draw(st.integers(1, 10))
    shares = draw(st.integers(years, 10_000_000))
    shape = draw(st.sampled_from(["equal_annual", "cliff", "cliff_then_periodic"]))
    if shape != "cliff_then_periodic":
        vesting: dict[str, object] = {"kind": shape, "years": years}
    else:
        period = draw(st.sampled_from(["monthly", "quarterly"]))
        step = 1 if period == "monthly" else 3
        cliff = step * draw(st.integers(1, min(12 * years - 1, 60) // step))
        vesting = {"kind": "cliff_then_periodic", "years": years, "cliff_months": cliff, "period": period}
    return EquityGrant.model_validate(grant("rsu", shares, vesting))


@given(g=grants(), start=starts)
def test_installments_sum_to_the_grant_in_date_order(g: EquityGrant, start: date) -> None:
    installments = vesting_schedule(g, start)
    assert sum(i.shares for i in installments) == g.shares
    assert all(i.shares > 0 for i in installments)
    dates = [i.date for i in installments]
    assert dates == sorted(set(dates)) and dates[0] > start
    assert dates[-1].year - start.year == g.vesting.years  # vesting ends on the last anniversary
    assert installments[-1].cumulative == g.shares
    # each installment brings the total to the stated fraction of the grant, rounded down
    total = g.vesting.years * 12
    for i in installments[:-1]:
        months = (i.date.year - start.year) * 12 + i.date.month - start.month
        assert i.cumulative == g.shares * months // total


@given(g=grants(), start=starts, offsets=st.lists(st.integers(-400, 12 * 366), min_size=2, max_size=8))
def test_vested_shares_never_decrease_nor_exceed_the_grant(g: EquityGrant, start: date, offsets: list[int]) -> None:
    installments = vesting_schedule(g, start)
    vested = [vested_on(installments, start + timedelta(days=o)) for o in sorted(offsets)]
    assert vested == sorted(vested)
    assert all(0 <= v <= g.shares for v in vested)


@pytest.mark.parametrize("start", [D(1899, 6, 1), D(2255, 1, 2)])
def test_price_date_outside_the_calendar_says_so(start: date) -> None:
    figure = price_date(EquityGrant.model_validate(grant()), start)
    assert figure.value is None and "outside the NYSE calendar (1900..2250)" in figure.explain()
