"""One real browser test: Debian's chromium, driven by Playwright, against a real uvicorn server
on 127.0.0.1. Paste an article whose title is false, click Check, and the refuted claim is in the
summary at the top with its explanation visible — at desktop width and at 400 px.

Screenshots go to ``$NEWSCHECK_SCREENSHOTS`` (default: the test's temporary directory). Never
``playwright install``: the browser is the system's ``/usr/bin/chromium`` (``apt-get install
chromium``; .ci/run does).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does)"),
]
playwright_sync = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
uvicorn = pytest.importorskip("uvicorn", reason="needs the server extra")

ARTICLE = """British Prime Minister Boris Johnson welcomes Seoul summit

Japanese Prime Minister Fumio Kishida held talks with South Korean President Yoon Suk Yeol in
Seoul on Sunday, as the two neighbours moved to put years of friction behind them.

British Prime Minister Boris Johnson welcomed the meeting in a statement on Monday, officials in
London said. The two leaders agreed to restart regular visits.
"""


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    from newscheck.service.app import Settings, create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(Settings()), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.mark.parametrize("width", [1200, 400])
def test_paste_check_and_see_the_false_title_first(browser: object, base_url: str, width: int,
                                                   tmp_path: Path) -> None:
    shots = Path(os.environ.get("NEWSCHECK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "/")
    page.get_by_label("Paste the text or HTML").fill(ARTICLE)
    page.get_by_label("Publication date").fill("2023-05-08")
    page.screenshot(path=str(shots / f"form-{width}.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    problems = page.locator("#problems")
    assert problems.is_visible()
    first = problems.locator("li").first
    assert "British Prime Minister Boris Johnson" in first.locator("a.what").inner_text()
    why = first.locator(".why")
    assert why.is_visible() and "Rishi Sunak" in why.inner_text()
    box = problems.bounding_box()
    assert box is not None and box["y"] < 900               # above the fold
    # the summary links to the claim's place in the article, and the page fits the width
    first.locator("a.what").click()
    assert page.evaluate("location.hash").startswith("#at-")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not errors, errors                               # no CSP violation or script error
    page.goto(page.url.split("#")[0] + "#top")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / f"report-{width}.png"), full_page=True)
    page.close()


def test_keyboard_reaches_the_check_button(browser: object, base_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base_url + "/")
    page.get_by_label("Paste the text or HTML").focus()
    page.keyboard.type(ARTICLE[:200])
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.close()


def test_api_docs_render_from_local_assets(browser: object, base_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)
    remote: list[str] = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(base_url + "/docs")
    page.get_by_text("/v1/kb/search").first.wait_for(timeout=15000)
    assert page.get_by_text("/v1/check").first.is_visible()
    assert not remote and not messages, (remote, messages)
    page.close()


def test_hostile_article_runs_nothing_in_the_browser(browser: object, base_url: str) -> None:
    """Script, attribute and URL payloads pasted as the article: no alert ever fires, no script
    is blocked by the CSP either (there is none to block), and the payload shows as text."""
    from tests.service.test_security import HOSTILE_PAGE, SCRIPT

    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/")
    page.get_by_label("Paste the text or HTML").fill(HOSTILE_PAGE)
    page.get_by_label("Publication date").fill("2023-05-08")
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    page.wait_for_timeout(300)
    for link in page.locator("a.what").all():
        link.click()
    page.mouse.move(200, 200)
    page.mouse.move(300, 500)
    assert dialogs == []
    assert SCRIPT in page.title() or "Boris" in page.locator("h1").inner_text()
    assert page.locator("#problems li").count() >= 1
    page.close()


def test_source_article_box_lists_what_the_source_does_not_say(browser: object,
                                                                base_url: str) -> None:
    from tests.evidence.test_against import REWRITE, SOURCE

    page = browser.new_page(viewport={"width": 400, "height": 900})  # type: ignore[attr-defined]
    page.goto(base_url + "/")
    page.get_by_label("Paste the text or HTML").fill(REWRITE)
    page.get_by_label("Publication date").fill("2024-03-05")
    page.get_by_label("Source article").fill(SOURCE)
    with page.expect_navigation():
        page.get_by_role("button", name="Check").click()
    box = page.locator("#problems")
    assert "Not in the source (1)" in box.inner_text()
    assert box.get_by_text("new stadium").first.is_visible()
    page.close()
