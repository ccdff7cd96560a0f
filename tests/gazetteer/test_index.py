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


def test_first_small_scan_by_ngrams_matches_the_automaton(kb: KnowledgeBase) -> None:
    """A gazetteer read from the disk cache answers its first small article without building the
    automaton; the hits (and their order) are exactly the automaton's."""
    from pathlib import Path

    from newscheck.gazetteer import Gazetteer

    built = build(kb)
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((Path(__file__).parents[1] / "data").rglob("*.txt"))[:40]]
    texts.append("Japanese Prime Minister Fumio Kishida met South Korea's foreign minister, "
                 "the U.S. President and Kishida's Japanese counterpart; \ufe70 \u037a x.")
    assert len(texts) > 5
    for text in texts:
        lazy = Gazetteer(None, kb, built.keys, list(built.entries), from_cache=True)
        tokens = Tokens.of(text)
        assert lazy.scan(tokens) == built.scan(tokens)
        folds_to_space = tokens.keyed.count(" ") != len(tokens.spans) + 1   # \ufe70: automaton
        assert (lazy.automaton is None) is not folds_to_space
        assert lazy.scan(tokens) == built.scan(tokens)      # second scan: the automaton
        assert lazy.automaton is not None
