"""The debris filter, line by line: what goes to ``removed``, what to ``credits``, and prose that
must stay although it shares words with the furniture."""

from __future__ import annotations

import pytest

from newscheck.intake.debris import classify, is_date_line, same_as_title, sort_lines

DEBRIS = [
    "Share article", "Share this", "Share this article", "Share on Facebook",
    "Share Facebook Twitter Email", "Like this story? Share it with a friend!",
    "Skip to content", "Skip to main content", "Advertisement",
    "Story continues below advertisement",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Accept all cookies",
    "Sign up for our newsletter", "Subscribe to our daily newsletter",
    "Get the day's top headlines delivered to your inbox every morning.",
    "Related articles", "Related", "Latest articles", "More on this story", "Read more",
    "You may also like", "Don't miss", "Most read",
    "Read more: Council approves harbour budget", "Related: Ferry timetable changes",
    "Town council approves budget [VIDEO]",
    "2 hours ago", "5 minutes ago", "Updated 9:41 BST", "November 20, 2019 - 11:28 AMT",
    "Published 7 May 2023", "3 min read", "Comments", "12 comments", "Tags: harbour, library",
    "Follow us on Twitter @gazette", "Email the author at jane@example.com or on Twitter",
    "© 2023 The Northshore Gazette. All rights reserved.",
    "This copy is for your personal, non-commercial use only.",
    "CLICK HERE TO GET THE NORTHSHORE GAZETTE APP ON YOUR PHONE",
]

CREDITS = [
    "Image source: Getty Images", "Image source, Reuters", "Image caption, Crowds gathered early",
    "Image soruce: Getty Images", "Imgae source: EPA", "Image captoin: The harbour at dawn",
    "Photo: Jon Arnesen/Reuters", "Photograph: Getty Images", "Getty Images",
    "Protesters gather outside the town hall. (AP Photo/Jane Doe)",
    "The new library at dusk (credit: Northshore Gazette)",
    "Reporting by Mara Lindqvist; Editing by Tom Berg",
    "Additional reporting by Jon Arnesen",
    "Jane Doe contributed to this report.",
]

PROSE = [
    "The council shared the cost of the new library with a regional culture fund.",
    "Residents can sign up for reading classes at the front desk, the librarian said.",
    "Getty Images, the photo agency, said on Monday it would cut 200 jobs across its offices.",
    "The ferry left at 9:41 on Tuesday, two hours later than planned, because of the storm.",
    "Related costs rose by 4% in the year to March, the statistics office said.",
    "Follow-up talks are planned for June, when the two ministers meet again in Oslo.",
    "The minister said the newsletter had been read by more than 10,000 people last year.",
    "WASHINGTON (AP) — The two leaders met on Tuesday.",
    "WHO IS THE FRONT-RUNNER?",
    "Short subheading",
]


@pytest.mark.parametrize("line", DEBRIS)
def test_debris(line: str) -> None:
    assert classify(line) == "debris"


@pytest.mark.parametrize("line", CREDITS)
def test_credits(line: str) -> None:
    assert classify(line) == "credit"


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_kept(line: str) -> None:
    assert classify(line) == "keep"


@pytest.mark.parametrize(("line", "expected"), [
    ("November 20, 2019 - 11:28 AMT", True),
    ("7 May 2023", True),
    ("2023-05-07 10:32", True),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", True),
    ("The vote is on 7 May 2023", False),
    ("2023", False),
])
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_teaser_list_under_a_heading_is_removed() -> None:
    out = sort_lines([
        "The library opened on Saturday after two years of building work, the council said.",
        "Related articles",
        "Town council approves harbour budget",
        "Ferry timetable changes from June",
        "Local volunteers will run a weekly reading club, organisers said on Sunday.",
    ])
    assert out.kept == [
        "The library opened on Saturday after two years of building work, the council said.",
        "Local volunteers will run a weekly reading club, organisers said on Sunday.",
    ]
    assert out.removed == ["Related articles", "Town council approves harbour budget",
                           "Ferry timetable changes from June"]


def test_bullets_after_a_promo_line_are_removed() -> None:
    out = sort_lines(["Read more: Council approves budget", "- Ferry timetable changes",
                      "- School holidays begin", "The harbour reopened on Monday, officials said."])
    assert out.kept == ["The harbour reopened on Monday, officials said."]
    assert len(out.removed) == 3


def test_title_case_teasers_at_the_end() -> None:
    lines = ["The harbour reopened on Monday, officials said.",
             "- Czech Republic (Group A): Seventh appearance",
             "- Ukraine (Group B): Third appearance",
             "The list ends here, and the article goes on for a while.",
             "- The Biggest Unanswered Questions About Dark Matter",
             "- Fascinating Facts About Our Milky Way Galaxy"]
    out = sort_lines(lines)
    assert out.kept == lines[:4]                 # the same shape mid-article stays


def test_title_repeat_at_the_top() -> None:
    out = sort_lines(["Harbour town opens new library",
                      "The library opened on Saturday, the council said."],
                     titles=["Harbour town opens new library | The Gazette"])
    assert out.kept == ["The library opened on Saturday, the council said."]
    assert out.removed == ["Harbour town opens new library"]


@pytest.mark.parametrize(("line", "title", "expected"), [
    ("Harbour town opens new library", "Harbour town opens new library", True),
    ("Harbour town opens new library", "Harbour town opens new library - The Gazette", True),
    ("Harbour", "Harbour town opens new library", False),
    ("Something else entirely here", "Harbour town opens new library", False),
])
def test_same_as_title(line: str, title: str, expected: bool) -> None:
    assert same_as_title(line, title) is expected
