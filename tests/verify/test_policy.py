"""The verdict policy: time windows, coverage probabilities, confidence and blockers."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from newscheck.model import Coverage, PartialDate, Term, TimeAnchor
from newscheck.verify.policy import (
    BASE_REFUTE,
    BASE_SUPPORT,
    Window,
    fit,
    refutation_blocker,
    refuted_confidence,
    supported_confidence,
    window_of,
)

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
PARTIAL = st.builds(PartialDate, DAYS, st.sampled_from(["day", "month", "year"])).map(
    lambda pd: PartialDate.parse(pd.value.isoformat(), pd.precision))


@given(start=st.none() | PARTIAL, end=st.none() | PARTIAL, at=DAYS, as_of=st.none() | DAYS)
def test_fit_agrees_with_term_covers_on_single_days(start: PartialDate | None,
                                                    end: PartialDate | None, at: date,
                                                    as_of: date | None) -> None:
    term = Term("L:p", "L:o", start, end)
    got = fit(term, Window(at, at), as_of)
    assert got.coverage == term.covers(at, as_of=as_of)
    if got.coverage is Coverage.YES:
        assert got.p == 1.0
    if got.p is not None and got.coverage is Coverage.MAYBE:
        assert 0.0 < got.p < 1.0


@given(start=PARTIAL, end=PARTIAL, a=DAYS, b=DAYS)
def test_period_fit_is_yes_iff_some_day_is_certainly_covered_or_both_sides_certain(
        start: PartialDate, end: PartialDate, a: date, b: date) -> None:
    lo, hi = min(a, b), max(a, b)
    term = Term("L:p", "L:o", start, end)
    got = fit(term, Window(lo, hi), None)
    possible = start.earliest() <= hi and end.latest() >= lo
    assert (got.coverage is not Coverage.NO) == possible


def test_coarse_start_probability() -> None:
    term = Term("L:p", "L:o", PartialDate.parse("2010"), None)
    f = fit(term, Window(date(2010, 7, 1), date(2010, 7, 1)), None)
    assert f.coverage is Coverage.MAYBE and f.reason == "precision"
    assert f.p is not None and abs(f.p - 182 / 365) < 0.01


def test_window_of_and_text() -> None:
    anchor = date(2023, 5, 7)
    assert window_of(TimeAnchor("published", date=anchor), None) == Window(anchor, anchor)
    year = window_of(TimeAnchor("narrated", start=date(2015, 1, 1), end=date(2015, 12, 31)), None)
    assert year is not None and year.text() == "in 2015" and year.precision == "year"
    month = Window(date(2015, 5, 1), date(2015, 5, 31))
    assert month.text() == "in 2015-05" and month.precision == "month"
    assert window_of(TimeAnchor("narrated"), anchor) == Window(anchor, anchor, "narrated")
    assert window_of(TimeAnchor("narrated"), None) is None
    half = window_of(TimeAnchor("narrated", end=anchor), None)
    assert half is not None and half.is_point


def test_confidence_formula() -> None:
    day = Window(date(2023, 5, 7), date(2023, 5, 7))
    year = Window(date(2015, 1, 1), date(2015, 12, 31))
    assert supported_confidence(1.0, day, 400) == BASE_SUPPORT
    assert supported_confidence(1.0, day, 3) < supported_confidence(1.0, day, 400)
    assert supported_confidence(1.0, year, 400) < supported_confidence(1.0, day, 400)
    assert supported_confidence(0.6, day, 400) < supported_confidence(1.0, day, 400)
    assert supported_confidence(1.0, day, 400, ambiguous=True) < BASE_SUPPORT
    assert refuted_confidence(day, 400, both=True) == BASE_REFUTE
    assert refuted_confidence(day, 400, both=False) < BASE_REFUTE
    assert refuted_confidence(year, 400, both=True) < BASE_REFUTE


def test_refutation_blockers() -> None:
    as_of = date(2025, 6, 30)
    ok = Window(date(2023, 5, 7), date(2023, 5, 7))
    assert refutation_blocker(ok, as_of, ambiguous=False) is None
    assert refutation_blocker(ok, as_of, ambiguous=True)
    late = Window(as_of + timedelta(days=1), as_of + timedelta(days=1))
    assert "2025-06-30" in str(refutation_blocker(late, as_of, ambiguous=False))
    undated = Window(ok.start, ok.end, basis="today")
    assert "--published" in str(refutation_blocker(undated, as_of, ambiguous=False))
