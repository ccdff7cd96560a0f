"""A KB position label several countries use, and the country the article states
(tests/realfacts.py: true facts from the office-holder tables)."""

from __future__ import annotations

from newscheck.knowledge import KnowledgeBase
from tests.realfacts import only_role, real_kb

kb = real_kb
_role = only_role


def test_label_of_another_country_gives_way_to_the_stated_country(kb: KnowledgeBase) -> None:
    """"Minister of Finance" is Japan's position label; a South Korean Minister of Finance is
    South Korea's finance minister, not Japan's."""
    c = _role(kb, "South Korean Minister of Finance Kim Dong-yeon said on Monday that talks "
                  "would continue.", "2017-09-19")
    assert c.qualifiers["office_candidates"] == ["Q12592471"]
    assert c.verdict is not None and c.verdict.label == "supported"
    later = _role(kb, "South Korean Minister of Finance Kim Dong-yeon said on Monday that talks "
                      "would continue.", "2020-05-12")
    assert later.verdict is not None and later.verdict.label == "refuted"


def test_shared_label_is_narrowed_to_the_stated_country(kb: KnowledgeBase) -> None:
    c = _role(kb, "South Korean Minister of Justice Park Sang-ki said on Monday that talks would "
                  "continue.", "2018-05-08")
    assert c.qualifiers["office_candidates"] == ["Q12592448"]
    assert c.verdict is not None and c.verdict.label == "supported"


def test_shared_label_without_a_country_is_the_persons_countrys_office(
        kb: KnowledgeBase) -> None:
    """Tables' labels naming no country get it ("Minister of Justice of Japan"), so a bare
    "Minister of Justice" is a title (kind), resolved in the person's own country."""
    c = _role(kb, "Minister of Justice Park Sang-ki said on Monday that talks would continue.",
              "2018-05-08")
    assert c.qualifiers.get("office_kind") == "justice_minister"
    assert c.verdict is not None and c.verdict.label == "supported"
    assert "Q12592448" in {e.extra.get("value") for e in c.verdict.evidence}
