from newscheck.claims.sentences import split_sentences


def texts(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start:s.end] == s.text
    return [s.text for s in out]


def test_abbreviations_initials_and_acronyms_do_not_split() -> None:
    text = ("U.S. Secretary of State Antony Blinken met S. Jaishankar on Tuesday. "
            "Mr. Blinken and Dr. Lee spoke later.")
    assert texts(text) == [
        "U.S. Secretary of State Antony Blinken met S. Jaishankar on Tuesday.",
        "Mr. Blinken and Dr. Lee spoke later."]


def test_acronym_at_sentence_end_splits_before_a_sentence_starter() -> None:
    assert texts("He flew to the U.S. The next day he left.") == [
        "He flew to the U.S.", "The next day he left."]


def test_quotes_stay_with_their_sentence() -> None:
    assert texts('He said: "We agree." The talks ended. "Why?" she asked.') == [
        'He said: "We agree."', "The talks ended.", '"Why?" she asked.']


def test_headline_without_punctuation_is_its_own_sentence() -> None:
    text = "Kishida meets Yoon in Seoul\n\nThe two leaders met on Sunday."
    assert texts(text) == ["Kishida meets Yoon in Seoul", "The two leaders met on Sunday."]


def test_offsets_with_leading_whitespace_and_empty_lines() -> None:
    text = "  First one.   Second one!\n\n\nThird"
    out = split_sentences(text)
    assert [text[s.start:s.end] for s in out] == ["First one.", "Second one!", "Third"]


def test_overlong_sentence_is_cut_at_spaces_with_exact_offsets() -> None:
    from newscheck.claims.sentences import MAX_SENTENCE_CHARS

    text = "Fumio Kishida Joe Biden " * 2000     # 48,000 characters, no punctuation
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences) == text.strip()


def test_overlong_word_without_spaces_is_cut_too() -> None:
    from newscheck.claims.sentences import MAX_SENTENCE_CHARS

    text = "x" * (3 * MAX_SENTENCE_CHARS + 5)
    sentences = split_sentences(text)
    assert "".join(s.text for s in sentences) == text
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
