"""``role`` claims against the fixture KB (public record) and a fictional one (edge cases)."""

from __future__ import annotations

from newscheck.model import Verdict

from .conftest import Check, at, make_claim, period, ref

KISHIDA, KONO, HAYASHI = "Q359480", "Q1161024", "Q1141271"
PM_JAPAN, FM_JAPAN, JAPAN = "Q274948", "Q1355043", "Q17"


def role(person: str | None, office: str | None, time: object, **q: object) -> object:
    return make_claim("role", ref(person, "Fumio Kishida" if person == KISHIDA else ""),
                      ref(office) if office else None, time, **q)


def test_supported_exact_office(check: Check) -> None:
    v = check(role(KISHIDA, PM_JAPAN, at("2023-05-07")))
    assert v.label == "supported"
    assert v.confidence >= 0.9
    assert "Prime Minister of Japan from 2021-10-04" in v.explanation
    assert "2023-05-07" in v.explanation
    [ev] = v.evidence
    assert ev.kind == "kb_statement" and ev.id == "Q359480$P39-0002"
    assert ev.extra["property"] == "P39" and ev.extra["value"] == PM_JAPAN
    assert ev.extra["start"] == "2021-10-04" and ev.extra["start_precision"] == "day"


def test_refuted_names_holder_and_dates(check: Check) -> None:
    v = check(role(KISHIDA, FM_JAPAN, at("2023-05-07")))
    assert v.label == "refuted"
    assert v.confidence >= 0.85
    assert v.explanation == (
        "Fumio Kishida was Minister for Foreign Affairs of Japan from 2012-12-26 to 2017-08-03; "
        "on 2023-05-07 that office was held by Yoshimasa Hayashi (from 2021-11-10 to "
        "2023-09-13), and Fumio Kishida was Prime Minister of Japan (from 2021-10-04 to "
        "2024-10-01). Source: Wikidata dump fixture-20250630.json (as of 2025-06-30).")
    ids = {e.id for e in v.evidence}
    assert {"Q359480$P39-0000", "Q359480$P39-0002"} <= ids
    assert any(e.extra["subject"] == HAYASHI for e in v.evidence)


def test_generic_office_by_kind_and_country(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA), ref(None, "foreign minister"), at("2015-06-01"),
                       office_kind="foreign_minister", country=JAPAN)
    v = check(claim)
    assert v.label == "supported"
    assert "the office the article calls" in v.explanation
    claim.time = at("2023-05-07")
    assert check(claim).label == "refuted"


def test_office_kind_without_country_uses_the_persons_country(check: Check) -> None:
    claim = make_claim("role", ref(KISHIDA), ref(None, "foreign minister"), at("2023-05-07"),
                       office_kind="foreign_minister")
    assert check(claim).label == "refuted"


def test_office_candidates(check: Check) -> None:
    claim = make_claim("role", ref(KONO), ref(None, "foreign minister"), at("2018-01-10"),
                       office_candidates=[FM_JAPAN, "L:uk-foreign-secretary"], country=JAPAN)
    assert check(claim).label == "supported"


def test_never_held_single_holder_office_held_by_another(check: Check) -> None:
    v = check(role(KONO, PM_JAPAN, at("2018-01-10")))
    assert v.label == "refuted"
    assert "records no term of Taro Kono as Prime Minister of Japan" in v.explanation
    assert "Shinzō Abe" in v.explanation
    assert "Taro Kono was Minister for Foreign Affairs of Japan" in v.explanation


def test_near_boundary_is_not_refuted(check: Check) -> None:
    v = check(role(KISHIDA, FM_JAPAN, at("2017-08-06")))
    assert v.label == "not_enough_evidence"
    assert "within 7 days" in v.explanation
    far = check(role(KISHIDA, FM_JAPAN, at("2017-08-25")))
    assert far.label == "refuted"
    assert far.confidence < check(role(KISHIDA, FM_JAPAN, at("2023-05-07"))).confidence


def test_support_near_boundary_has_lower_confidence(check: Check) -> None:
    near = check(role(KONO, FM_JAPAN, at("2017-08-05")))
    mid = check(role(KONO, FM_JAPAN, at("2018-08-05")))
    assert near.label == mid.label == "supported"
    assert near.confidence < mid.confidence


def test_year_period(check: Check) -> None:
    assert check(role(KISHIDA, FM_JAPAN, period("2015-01-01", "2015-12-31"))).label == "supported"
    # Any overlap with the year supports: Kishida's term ended in August 2017.
    v = check(role(KISHIDA, FM_JAPAN, period("2017-01-01", "2017-12-31")))
    assert v.label == "supported" and v.confidence < 0.9
    r = check(role(KISHIDA, FM_JAPAN, period("2019-01-01", "2019-12-31")))
    assert r.label == "refuted" and r.confidence <= 0.8
    assert "in 2019" in r.explanation


def test_after_as_of_is_not_enough_evidence(check: Check) -> None:
    v = check(role("Q1335527", PM_JAPAN, at("2025-09-01")))
    assert v.label == "not_enough_evidence"
    assert "2025-06-30" in v.explanation
    w = check(role(KISHIDA, PM_JAPAN, at("2025-09-01")))
    assert w.label == "not_enough_evidence"


def test_before_the_record_of_the_office(check: Check) -> None:
    v = check(role(KISHIDA, PM_JAPAN, at("1995-01-01")))
    assert v.label == "not_enough_evidence"
    assert "begins on 2001-04-26" in v.explanation


def test_unknown_person_or_office(check: Check) -> None:
    assert check(role(None, PM_JAPAN, at("2023-05-07"))).label == "not_enough_evidence"
    v = check(make_claim("role", ref(KISHIDA), ref(None, "grand vizier"), at("2023-05-07")))
    assert v.label == "not_enough_evidence" and "grand vizier" in v.explanation


def test_ambiguous_name_never_refutes(check: Check) -> None:
    two = ref(None, "Kono", candidates=(KONO, "Q186146"))
    v = check(make_claim("role", two, ref(PM_JAPAN), at("2018-01-10")))
    assert v.label == "not_enough_evidence"
    s = check(make_claim("role", two, ref(FM_JAPAN), at("2018-01-10")))
    assert s.label == "supported" and s.confidence < 0.9
    flagged = make_claim("role", ref(KISHIDA), ref(FM_JAPAN), at("2023-05-07"), ambiguous=True)
    assert check(flagged).label == "not_enough_evidence"


def test_undated_article_is_never_refuted(check: Check) -> None:
    v = check(role(KISHIDA, FM_JAPAN, at("2023-05-07", basis="today")))
    assert v.label == "not_enough_evidence"
    assert "--published" in v.explanation
    assert check(role(KISHIDA, PM_JAPAN, at("2023-05-07", basis="today"))).label == "supported"


def test_coarse_start_supports_when_likely(check_fiction: Check) -> None:
    # Anna Testova's premiership starts "2010" (year precision).
    late: Verdict = check_fiction(role("L:anna-test", "L:ruritania-pm", at("2010-11-01")))
    assert late.label == "supported"
    assert 0.5 < late.confidence < 0.9
    assert "not precise to the day" in late.explanation
    early = check_fiction(role("L:anna-test", "L:ruritania-pm", at("2010-02-01")))
    assert early.label == "not_enough_evidence"


def test_unknown_start_is_not_enough_evidence(check_fiction: Check) -> None:
    v = check_fiction(role("L:anna-test", "L:ruritania-fm", at("2008-01-01")))
    assert v.label == "not_enough_evidence"
    assert "does not record when that term began" in v.explanation


def test_coarse_end_near_date_is_not_refuted(check_fiction: Check) -> None:
    # Carl Testin's term ends "2016-05": 2016-06-03 is 3 days after the latest possible end.
    v = check_fiction(role("L:carl-test", "L:ruritania-fm", at("2016-06-03")))
    assert v.label == "not_enough_evidence"
    in_month = check_fiction(role("L:carl-test", "L:ruritania-fm", at("2016-05-20")))
    assert in_month.label == "not_enough_evidence"


def test_open_term_beyond_as_of(check_fiction: Check) -> None:
    assert check_fiction(role("L:boris-test", "L:ruritania-pm", at("2020-01-01"))).label == \
        "supported"
    assert check_fiction(role("L:boris-test", "L:ruritania-pm", at("2025-03-01"))).label == \
        "not_enough_evidence"


def test_title_as_written_guards_a_misread_office(check: Check) -> None:
    # "Chancellor Jeremy Hunt" read as a head of government (as in Germany): Hunt was
    # Chancellor of the Exchequer, so the claim is supported, not refuted.
    claim = make_claim("role", ref("L:jeremy-hunt"), ref(None, "Chancellor"), at("2023-06-08"),
                       office_kind="head_of_government")
    v = check(claim)
    assert v.label == "supported"
    assert "Chancellor of the Exchequer" in v.explanation
    # Linked to a wrong office id: no verdict rather than a refutation.
    wrong = make_claim("role", ref("L:jeremy-hunt"), ref("Q4970706", "Chancellor"),
                       at("2023-06-08"))
    assert check(wrong).label == "not_enough_evidence"
    former = make_claim("former_role", ref("L:rishi-sunak"), ref(None, "former chancellor"),
                        at("2023-06-08", basis="narrated", cue="former"),
                        office_kind="head_of_government")
    assert check(former).label == "supported"


def test_office_by_title_among_the_persons_offices(check: Check) -> None:
    # "Premier Li Keqiang": no office id and no usable kind; the title names his own office.
    premier = make_claim("role", ref("Q18111"), ref(None, "Premier"), at("2018-05-09"))
    assert check(premier).label == "supported"
    premier.time = at("2024-03-05")
    v = check(premier)
    assert v.label == "refuted"
    assert "Premier of the People's Republic of China from 2013-03-15 to 2023-03-11" in \
        v.explanation


def test_office_of_another_country_is_not_refuted(check: Check) -> None:
    # S. Jaishankar's recorded offices are Indian; "Foreign Secretary" read as the British one.
    v = check(make_claim("role", ref("L:s-jaishankar"), ref("L:uk-foreign-secretary",
                                                              "Foreign Secretary"),
                         at("2020-01-15")))
    assert v.label == "not_enough_evidence"
    assert "India" in v.explanation
    f = check(make_claim("former_role", ref("L:s-jaishankar"),
                         ref("L:uk-foreign-secretary", "foreign secretary"),
                         at("2020-01-16", basis="narrated", cue="former")))
    assert f.label == "not_enough_evidence"
