from newscheck.gazetteer import Tokens, build, gazetteer_for, key_of
from newscheck.knowledge import KnowledgeBase


def test_keys_fold_case_accents_and_punctuation() -> None:
    assert key_of("Shinzō Abe") == key_of("shinzo  ABE") == " shinzo abe "
    assert key_of("U.S.") == " u s "


def test_matches_fall_on_word_boundaries(kb: KnowledgeBase) -> None:
    gaz = gazetteer_for(kb)
    text = "Japanese diplomats; a Japanesey thing; Fumio Kishidas and Fumio Kishida."
    hits = gaz.scan(Tokens.of(text))
    spans = {text[h.start:h.end] for h in hits}
    assert "Japanese" in spans and "Fumio Kishida" in spans
    assert all(text[h.start:h.end] != "Fumio Kishidas" for h in hits)
    assert sum(1 for h in hits if text[h.start:h.end] == "Fumio Kishida") == 1


def test_cached_per_kb_file(kb: KnowledgeBase) -> None:
    assert gazetteer_for(kb) is gazetteer_for(kb)
    assert gazetteer_for(kb).size > 200       # KB names + countries + office titles


def test_build_from_names(kb: KnowledgeBase) -> None:
    gaz = build(kb, names=[("Ada Example", "L:ada")])
    hits = gaz.scan(Tokens.of("Ada Example spoke."))
    assert any(("E", "L:ada") in h.entries for h in hits)
