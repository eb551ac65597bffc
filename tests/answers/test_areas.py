"""Areas as people type them, through signed HTTP (`/safeguarding area ...`), and CLI slugs that fail loudly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.partnerships import resolve_partnership
from storage.core import AuditLog, UserSetting
from tests.conftest import TEAM_ID

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent / "safeguarding-bot"


def _area(db) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        us = s.get(UserSetting, (TEAM_ID, "UPRACT01"))
        return us.partnership if us else None


@pytest.mark.parametrize(("typed", "slug"), [
    ("cheshire west", "cheshire-west-and-chester"), ("Cheshire West and Chester", "cheshire-west-and-chester"),
    ("CWAC", "cheshire-west-and-chester"), ("wirrall", "wirral"), ("halton borough", "halton"),
    ("Warington", "warrington"), ("the Wirral", "wirral"), ("cheshire-west-and-chester", "cheshire-west-and-chester"),
])
def test_near_spellings_set_the_area(slack, fake_slack, db, typed: str, slug: str) -> None:
    assert slack.command("/safeguarding", f"area {typed}").status == 200
    reply = fake_slack.wait_for("response_url")[-1]["text"]
    assert "Your area is now" in reply and _area(db) == slug
    with db.session() as s:
        audited = s.query(AuditLog).filter(AuditLog.action == "user.set_area").all()
    assert [a.after for a in audited] == [{"partnership": slug}]


def test_two_areas_at_once_are_asked_about_not_guessed(slack, fake_slack, db) -> None:
    slack.command("/safeguarding", "area halton and wirral")
    reply = fake_slack.wait_for("response_url")[-1]["text"]
    assert "Which area did you mean" in reply and "`/safeguarding area halton`" in reply
    assert "`/safeguarding area wirral`" in reply and _area(db) is None


@pytest.mark.parametrize("typed", ["manchester", "cheshire east", ""])
def test_an_area_we_do_not_serve_lists_the_four(slack, fake_slack, db, typed: str) -> None:
    slack.command("/safeguarding", f"area {typed}".strip())
    reply = fake_slack.wait_for("response_url")[-1]["text"]
    assert "Your area is now" not in reply and _area(db) is None
    if typed == "cheshire east":  # near Cheshire West by one word: asked, not set
        assert "Which area did you mean: *Cheshire West and Chester*" in reply
    else:
        assert "Cheshire West and Chester, Halton, Warrington, Wirral" in reply


def test_resolver_needs_every_word_to_fit() -> None:
    assert resolve_partnership("manchester").slug is None  # one letter short of "chester" is not Chester
    assert resolve_partnership("hlaton").slug == "halton"  # swapped letters
    assert resolve_partnership("cheshire east").candidates == ("cheshire-west-and-chester",)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(BIN), *args] if BIN.exists() else [sys.executable, "-m", "bot.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_cli_slug_arguments_fail_naming_the_valid_slugs() -> None:
    proc = _run("kb", "list", "--partnership", "wirrall")
    assert proc.returncode != 0 and proc.stdout == ""
    assert "unknown partnership 'wirrall' (did you mean wirral?)" in proc.stderr
    assert "cheshire-west-and-chester, halton, warrington, wirral, national" in proc.stderr
    assert _run("kb", "list", "--kind", "groups").returncode != 0
    assert _run("kb", "list", "--partnership", "national", "--kind", "update").returncode == 0
    console = _run("console", "--partnership", "cwac")
    assert console.returncode != 0 and "did you mean cheshire-west-and-chester?" in console.stderr
