"""Office kinds from labels and from P279 superclasses."""

from __future__ import annotations

import pytest

from newscheck.knowledge.kinds import (
    default_single_holder,
    kind_from_label,
    kind_from_superclasses,
)


@pytest.mark.parametrize("label,kind", [
    ("Minister of Foreign Affairs", "foreign_minister"),
    ("Minister for Foreign Affairs", "foreign_minister"),
    ("Minister for Foreign Affairs of Japan", "foreign_minister"),
    ("Foreign Minister of Germany", "foreign_minister"),
    ("Foreign minister of South Korea", "foreign_minister"),
    ("Minister of External Affairs", "foreign_minister"),
    ("Minister of External Affairs of India", "foreign_minister"),
    ("United States Secretary of State", "foreign_minister"),
    ("Foreign Secretary", "foreign_minister"),
    ("Secretary of State for Foreign and Commonwealth Affairs", "foreign_minister"),
    ("Secretary of State for Foreign, Commonwealth and Development Affairs", "foreign_minister"),
    ("Secretary of State for Wales", "minister"),
    ("Secretary of State of Kentucky", None),
    ("Prime Minister of Japan", "head_of_government"),
    ("Premier of the State Council", "head_of_government"),
    ("Premier of the People's Republic of China", "head_of_government"),
    ("Premier of North Korea", "head_of_government"),
    ("Premier of Ontario", None),
    ("Chancellor of Germany", "head_of_government"),
    ("Federal Chancellor", "head_of_government"),
    ("Chancellor of the Exchequer", "finance_minister"),
    ("Chancellor of the University of Oxford", None),
    ("President of the Government of Spain", "head_of_government"),
    ("President of South Korea", "head_of_state"),
    ("President of the House of Councillors", "other"),
    ("President of the Constitutional Court", "other"),
    ("Emperor of Japan", "head_of_state"),
    ("King of Sweden", "head_of_state"),
    ("Monarch of the United Kingdom", "head_of_state"),
    ("Deputy Prime Minister of Japan", "deputy_head_of_government"),
    ("Vice Premier", "deputy_head_of_government"),
    ("Vice Foreign Minister", "other"),
    ("Deputy Minister of Economy and Finance", "other"),
    ("Minister of Finance", "finance_minister"),
    ("Finance minister of South Korea", "finance_minister"),
    ("Minister of Defense of Japan", "defence_minister"),
    ("Minister of Defence", "defence_minister"),
    ("Secretary of State for Defence", "defence_minister"),
    ("Minister of the Interior and Safety", "interior_minister"),
    ("Home Secretary", "interior_minister"),
    ("Minister of Justice", "justice_minister"),
    ("Minister of the Environment", "minister"),
    ("Minister of State for Okinawa and Northern Territories Affairs", "minister"),
    ("Governor of the Bank of Japan", None),
    ("Mayor of Seoul", None),
])
def test_kind_from_label(label: str, kind: str | None) -> None:
    assert kind_from_label(label) == kind


def test_bare_secretary_of_state_only_in_the_united_states() -> None:
    assert kind_from_label("Secretary of State", "Q30") == "foreign_minister"
    assert kind_from_label("Secretary of State", "Q145") == "other"


def test_superclasses_win_and_minister_is_refined_by_label() -> None:
    assert kind_from_superclasses(["Q48352"], "Sovereign of Testland") == "head_of_state"
    assert kind_from_superclasses(["Q2285706"], "Grand Widget") == "head_of_government"
    assert kind_from_superclasses(["Q7330070"], "Keeper of Relations") == "foreign_minister"
    assert kind_from_superclasses(["Q83307"], "Minister of Finance") == "finance_minister"
    assert kind_from_superclasses(["Q83307"], "Minister of Widgets") == "minister"
    assert kind_from_superclasses(["Q900000099"], "Minister of Finance") is None


def test_single_holder_defaults() -> None:
    assert default_single_holder("head_of_government")
    assert default_single_holder("foreign_minister")
    assert default_single_holder("head_of_state")
    assert not default_single_holder("minister")
    assert not default_single_holder("other")
    assert not default_single_holder(None)


def test_a_president_of_a_bank_is_not_a_head_of_state_by_superclass() -> None:
    from newscheck.knowledge.kinds import kind_from_superclasses

    assert kind_from_superclasses(["Q30461"], "President of the European Central Bank") == "other"
    assert kind_from_superclasses(["Q30461"], "President of Brazil") == "head_of_state"
