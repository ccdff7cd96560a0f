"""The plain-text path: a page pasted as text, with its furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newscheck.intake import extract


def test_pasted_article(data_dir: Path) -> None:
    article = extract(data_dir / "pasted_article.txt")
    assert article.input_format == "text"
    assert article.title == "Harbour town opens new library after two years of work"
    assert article.author == "Mara Lindqvist"
    assert article.published == date(2023, 5, 7)
    assert article.published_basis == "page"
    assert article.text == (
        "The small harbour town of Eastwick opened its new public library on Saturday, two "
        "years after building work began on the site of a former warehouse by the water.\n\n"
        "The building has three floors, a children's reading room and a workshop, the town "
        "council said in a statement.\n\n"
        "About four hundred people attended the opening, according to organisers.")
    for line in ("Skip to content", "Home", "News", "By Mara Lindqvist", "2 hours ago",
                 "Share this", "Related articles", "Town council approves harbour budget",
                 "Advertisement", "Sign up for our newsletter", "Latest articles",
                 "- School holidays begin next week"):
        assert line in article.removed, line
    assert article.credits == ["Image source: Getty Images",
                               "Image caption, The new library stands beside the old fish market",
                               "Photo: Jon Arnesen/Reuters"]


def test_title_needs_a_blank_line_after_it() -> None:
    article = extract("The council met on Monday.\nIt approved the budget for the harbour.\n")
    assert article.title is None
    assert article.text.startswith("The council met on Monday.")


def test_a_sentence_is_not_a_title() -> None:
    article = extract("The council met on Monday and approved the budget.\n\n"
                      "It will take effect in June, the mayor said.\n")
    assert article.title is None
    assert article.text.startswith("The council met on Monday")


def test_updated_line_is_removed_but_not_used() -> None:
    article = extract("Ferry timetable changes\n\nUpdated 8 May 2023\n\n"
                      "The ferry company will change its timetable from June, it said on "
                      "Monday.\n")
    assert article.published is None
    assert "Updated 8 May 2023" in article.removed


@pytest.mark.parametrize("line", ["7 May 2023", "May 7, 2023", "2023-05-07",
                                  "Published: 7 May 2023 10:32 BST"])
def test_date_line_near_the_top(line: str) -> None:
    article = extract(f"Ferry timetable changes\n\n{line}\n\nThe ferry company will change its "
                      f"timetable from June, it said on Monday.\n")
    assert article.published == date(2023, 5, 7)
    assert line not in article.text


def test_date_in_the_body_is_not_the_publication_date() -> None:
    body = "\n\n".join(f"Paragraph {i} of the article says nothing in particular." for i in
                       range(8))
    article = extract(f"Title line\n\n{body}\n\nThe vote is on 7 May 2023.\n")
    assert article.published is None
    assert "The vote is on 7 May 2023." in article.text


def test_byline_with_date() -> None:
    article = extract("Ferry timetable changes\n\nBy Jon Arnesen | 7 May 2023\n\n"
                      "The ferry company will change its timetable from June.\n")
    assert article.author == "Jon Arnesen"
    assert article.published == date(2023, 5, 7)


def test_hard_wrapped_paragraph_is_joined() -> None:
    article = extract("Title\n\nThe ferry company will change its timetable from June, it\n"
                      "said on Monday, after a review of passenger numbers over\n"
                      "the winter.\n")
    assert article.text == ("The ferry company will change its timetable from June, it said "
                            "on Monday, after a review of passenger numbers over the winter.")
