"""Names as news writes them (knowledge/variants.py)."""

from __future__ import annotations

from newscheck.knowledge.variants import unique_variants, variants


def test_variants_of_real_labels() -> None:
    assert variants("Volodymyr Zelenskyy") == {"Volodymyr Zelensky", "Volodymyr Zelenskiy",
                                              "Volodymyr Zelenskyi"}
    assert variants("Mark T. Esper") == {"Mark Esper"}
    assert variants("J. B. Pritzker") == {"JB Pritzker"}
    assert "Ayman Ṣafadī" in variants("Ayman al-Ṣafadī")
    assert "Lula da Silva" in variants("Luiz Inácio Lula da Silva")
    assert "Tayyip Erdoğan" in variants("Recep Tayyip Erdoğan")
    assert "José Manuel Albares" in variants("José Manuel Albares Bueno")
    assert variants("Boris Johnson") == set()


def test_never_a_given_name_alone_a_family_name_or_a_father() -> None:
    lula = variants("Luiz Inácio Lula da Silva")
    assert "Luiz Inácio" not in lula and "da Silva" not in lula
    assert variants("Mohammed bin Salman Al Saud") == set()
    assert all(len(v.split()) >= 2 for v in variants("Andrés Manuel López Obrador"))


def test_two_candidates_no_alias() -> None:
    got = unique_variants([("Q1", "Luiz Inácio Lula da Silva", []),
                           ("Q2", "Marisa Letícia Lula da Silva", []),
                           ("Q3", "Mark T. Esper", [])], reserved=["Inácio Lula da Silva"],
                          prominent=frozenset({"Q1", "Q2"}))
    assert "Q1" not in got and "Q2" in got          # "Lula da Silva" is both's: no one's
    assert "Lula da Silva" not in got["Q2"]
    assert got["Q3"] == ["Mark Esper"]


def test_short_forms_only_for_prominent_people_and_never_of_name_chains() -> None:
    assert "Omar Sharif" not in variants("Osman Omar al-Sharif")
    assert variants("Issa Osman Sharif", short=False) == set()
    assert unique_variants([("Q9", "Recep Tayyip Erdoğan", [])]) == {}
    assert unique_variants([("Q9", "Recep Tayyip Erdoğan", [])],
                           prominent=frozenset({"Q9"})) == {"Q9": ["Tayyip Erdoğan"]}
