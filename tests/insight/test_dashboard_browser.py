"""The dashboard in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`, driven by
Selenium) signs in through the local fake Slack, loads the page, checks the figures against the database and
saves a screenshot (artefacts/dashboard.png, or under TEST_ARTEFACTS). Nothing is downloaded at run time.

With CI set (CI runs .ci/run with CI=true, which installs the packages) a missing browser fails the test; on a
developer's machine without it, the test is skipped with the command that installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.case_reviews import service as cases
from bot.insight import measures
from tests.insight.conftest import Web
from tests.insight.test_dashboard import PERIOD, _seed_ten
from tests.insight.test_measures import Q2

CHROMIUM = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver (and pip install -e '.[dev]')"
ARTEFACTS = Path(os.environ.get("TEST_ARTEFACTS") or Path(__file__).resolve().parents[2] / "artefacts")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _unavailable(why: str) -> None:
    message = f"the browser test needs {why}: {INSTALL}"
    if _in_ci():
        pytest.fail(message + " (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(message)


@pytest.fixture
def chromium(request: pytest.FixtureRequest) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("the selenium package")
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            _unavailable(path)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver or a browser
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,9000", "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(90)
    try:
        yield driver
        if getattr(request.node, "failed_call", False):  # keep what the browser saw, beside the screenshot
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(ARTEFACTS / "dashboard-failed.png"))
            (ARTEFACTS / "dashboard-failed.html").write_text(f"<!-- {driver.current_url} -->\n{driver.page_source}")
    finally:
        driver.quit()


def test_chromium_signs_in_through_the_fake_and_sees_the_databases_figures(web: Web, db, chromium: Any):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shows
    from selenium.webdriver.support.ui import WebDriverWait

    def wait_for(element_id: str) -> Any:
        """A click starts a navigation without waiting for it: wait for the next page's element."""
        return WebDriverWait(chromium, 60).until(shows.presence_of_element_located((By.ID, element_id)))

    *refs, _wirral = _seed_ten(db)
    web.fake.openid.sign_in_as("UBUSUNIT1")
    chromium.get(f"{web.base}/dashboard")
    chromium.find_element(By.ID, "action").click()  # "Sign in with Slack": the fake's page sends us straight back
    wait_for("case-review-timeliness-title")  # signed in: the dashboard, with the default quarter
    assert chromium.current_url.rstrip("/").endswith("/dashboard"), chromium.current_url
    chromium.get(f"{web.base}/dashboard?{PERIOD}")

    with db.session() as s:
        m = measures.build(s, Q2, cases.timescales(), date.today())
    title = chromium.find_element(By.ID, "case-review-timeliness-title").text
    assert title == f"Panel notified within 5 working days: {m.case_reviews.panel_within.words()}" \
        == "Panel notified within 5 working days: 9 of 10"
    rows = chromium.find_elements(By.CSS_SELECTOR, "#case-review-timeliness tbody tr")
    first = [td.text for td in rows[0].find_elements(By.TAG_NAME, "td")]
    assert first[1:] == [str(m.case_reviews.panel_within.total), str(m.case_reviews.panel_within.met), "90.0"]
    assert refs[1] in chromium.find_element(By.ID, "late-list").text
    images = chromium.find_elements(By.CSS_SELECTOR, "section img")
    assert len(images) == 9
    assert all(chromium.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
               for img in images)  # every chart drew, from the page itself: no network
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "dashboard.png"
    assert chromium.save_screenshot(str(shot)) and shot.stat().st_size > 10_000

    chromium.find_element(By.ID, "sign-out").click()
    assert wait_for("message").text == "You have signed out of the dashboard."
    chromium.get(f"{web.base}/dashboard?{PERIOD}")
    assert not chromium.find_elements(By.CSS_SELECTOR, "section img")
