"""End to end on the shipped starter pack: office changes ("resigned as", "sworn in as",
"succeeded … as") and titles held "under" a head. Every date is public record and in
src/newscheck/data/starter/terms.csv."""

from __future__ import annotations

import pytest

import newscheck
from newscheck.knowledge import KnowledgeBase

DAY = "2024-11-20"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return newscheck.open_kb()


def verdicts(kb: KnowledgeBase, text: str, day: str = DAY) -> list[str]:
    report = newscheck.check(text, published=day, kb=kb)
    return [c.verdict.label for c in report.claims if c.verdict
            and c.kind in ("role", "former_role")]


@pytest.mark.parametrize("text", [
    # Johnson left the Foreign Office on 2018-07-09
    "Boris Johnson resigned as foreign secretary in July 2018.",
    "Boris Johnson resigned as foreign secretary on July 9, 2018.",
    "Boris Johnson, who resigned as foreign secretary, criticised the plan.",
    # Johnson's premiership ended on 2022-09-06
    "Boris Johnson stepped down as prime minister in 2022.",
    # Ishiba became prime minister on 2024-10-01
    "Shigeru Ishiba was sworn in as prime minister on 1 October 2024.",
    "Shigeru Ishiba took office as Japan's prime minister in October 2024.",
    # Yoon took office on 2022-05-10
    "Yoon Suk Yeol was sworn in as president on May 10, 2022.",
    # Truss 2022-09-06 → 2022-10-25, Sunak from 2022-10-25
    "Rishi Sunak succeeded Liz Truss as prime minister.",
    "Liz Truss was replaced as prime minister by Rishi Sunak in October 2022.",
    "Rishi Sunak's predecessor as prime minister, Liz Truss, spoke.",
    # Kishida 2021-10-04 → 2024-10-01, Ishiba from 2024-10-01
    "Shigeru Ishiba succeeded Fumio Kishida as prime minister.",
    # Pompeo 2018-04-26 → 2021-01-20 under Trump (2017-01-20 → 2021-01-20)
    "Trump's secretary of state, Mike Pompeo, said the deal was bad.",
    "Mike Pompeo, secretary of state under Trump, said the deal was bad.",
    "Hillary Clinton, who served as secretary of state under President Barack Obama, spoke.",
    "Antony Blinken, Biden's secretary of state, arrived in Tokyo.",
    # Kishida was foreign minister 2012-12-26 → 2017-08-03 under Abe (from 2012-12-26)
    "Fumio Kishida, Japan's foreign minister under Abe, negotiated the deal.",
])
def test_true_statements_are_supported(kb: KnowledgeBase, text: str) -> None:
    got = verdicts(kb, text)
    assert got and all(v == "supported" for v in got), got


@pytest.mark.parametrize("text", [
    # Johnson was no longer foreign secretary in 2020 (Raab was)
    "Boris Johnson resigned as foreign secretary in 2020.",
    # Ishiba was not prime minister in 2023 (Kishida was)
    "Shigeru Ishiba was sworn in as prime minister in 2023.",
    # Sunak took over from Truss, not the other way round
    "Liz Truss succeeded Rishi Sunak as prime minister.",
    # Pompeo left office the day Biden was inaugurated
    "Biden's secretary of state, Mike Pompeo, said the deal was bad.",
    "Mike Pompeo, secretary of state under Biden, said the deal was bad.",
    # Kishida left the foreign ministry in 2017; Suga was prime minister 2020-2021
    "Fumio Kishida, Japan's foreign minister under Suga, negotiated the deal.",
])
def test_false_statements_are_refuted(kb: KnowledgeBase, text: str) -> None:
    got = verdicts(kb, text)
    assert "refuted" in got and "supported" not in got, got


@pytest.mark.parametrize("text", [
    # announced on 2022-07-07, in office until 2022-09-06: true, and not refuted
    "Boris Johnson resigned as prime minister in July 2022.",
    # Draghi resigned on 2022-07-21 and stayed in office until 2022-10-22
    "Mario Draghi resigned as prime minister in July 2022.",
    # Conte resigned on 2019-08-20 and was reappointed (one merged term in the pack)
    "Giuseppe Conte resigned as prime minister in August 2019.",
    # Obama's second inauguration (2013-01-21) is inside one merged term
    "Barack Obama was sworn in as president in January 2013.",
    # Johnson and Truss were prime minister in between
    "Rishi Sunak succeeded Theresa May as prime minister.",
    # after the pack's as-of date
    "Donald Trump was sworn in as president on January 20, 2025.",
])
def test_undecidable_statements_are_not_refuted(kb: KnowledgeBase, text: str) -> None:
    day = "2025-02-01" if "2025" in text else DAY
    got = verdicts(kb, text, day)
    assert got and "refuted" not in got, got
