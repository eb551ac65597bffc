"""Each workspace has its own overlay: two workspaces of the same partnership in one deployment, an edit approved
in one changes that workspace's answers, entry list, history and edit modal, never the other's, in this app and
in another instance sharing the database. Through signed HTTP and the fake Slack."""

from __future__ import annotations

import time

from bot.authz import Role, grant
from bot.cli import main
from bot.kbedit.ids import ActionId, BlockId
from bot.partnerships import get_workspace
from bot.services import Services
from tests.conftest import TEAM_ID
from tests.kbedit.helpers import BU2, BU_CHANNEL, ENTRY, QUESTION, buttons, configure, initial, text_of, view_of
from tests.kbedit.test_four_eyes import _draft
from tests.kbedit.test_import import _env

TEAM_B = "T0HALTONB"  # a second Halton workspace (say, the health partner's) in the same deployment
BU_B = "UHALTONBU"
PRACT_B = "UHALTONPR"
SHIPPED = "equitable and proportionate"
EDITED = "Since April 2024"


def _ask(slack, fake_slack, n: int, team: str, user: str) -> str:  # type: ignore[no-untyped-def]
    slack.command("/safeguarding", QUESTION, user=user, team_id=team)
    return str(fake_slack.wait_for("response_url", count=n)[-1].params.get("blocks"))


def test_an_edit_approved_in_one_workspace_never_changes_anothers(slack, fake_slack, db, settings, monkeypatch,
                                                                   tmp_path):
    configure(db, fake_slack)
    fake_slack.add_user(BU_B, PRACT_B)
    with db.session() as s:
        get_workspace(s, TEAM_B).partnership = "halton"
        grant(s, TEAM_B, BU_B, Role.BUSINESS_UNIT, granted_by="test")
    other = Services(settings=settings, db=db)  # another process sharing the database
    other.knowledge.check_seconds = 0.0

    _view, card = _draft(slack, fake_slack)
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL)
    fake_slack.wait_for("chat.update")
    assert EDITED in _ask(slack, fake_slack, 1, TEAM_ID, "UPRACT01")
    in_b = _ask(slack, fake_slack, 2, TEAM_B, PRACT_B)
    assert SHIPPED in in_b and EDITED not in in_b

    deadline = time.monotonic() + 10  # the other instance: workspace A's answer changes, B's does not
    while EDITED not in other.knowledge.current(TEAM_ID).answerer.answer(QUESTION, "halton").text:
        assert time.monotonic() < deadline, "the other instance never saw the approved version"
        time.sleep(0.05)
    assert SHIPPED in other.knowledge.current(TEAM_B).answerer.answer(QUESTION, "halton").text

    slack.command("/safeguarding", "kb funding", user=BU_B, team_id=TEAM_B)
    listed = text_of(fake_slack.wait_for("response_url", count=3)[-1])
    assert f"`{ENTRY}`" in listed and "version 0" in listed and "version 1" not in listed
    slack.action(ActionId.HISTORY, ENTRY, user=BU_B, team_id=TEAM_B)
    history = text_of(fake_slack.wait_for("response_url", count=4)[-1])
    assert "v0" in history and "v1" not in history
    slack.action(ActionId.EDIT, ENTRY, user=BU_B, team_id=TEAM_B)
    view = view_of(fake_slack.wait_for("views.open", count=2)[-1])
    assert SHIPPED in str(initial(view, BlockId.ANSWER))

    _env(monkeypatch, settings)  # `kb export --team`: each workspace's own knowledge
    for team, shown, hidden in ((TEAM_ID, EDITED, SHIPPED), (TEAM_B, SHIPPED, EDITED)):
        assert main(["kb", "export", "--out", str(tmp_path / team), "--team", team]) == 0
        exported = (tmp_path / team / "halton.yaml").read_text()
        assert shown in exported and hidden not in exported


def test_a_workspace_with_no_approved_change_says_it_answers_from_the_shipped_files(slack, fake_slack, db):
    """A new workspace starts from the shipped files: another workspace's approved versions are never copied in,
    and its browser (from `/safeguarding kb` and from App Home) says so and names `kb import` as the route."""
    configure(db, fake_slack)
    fake_slack.add_user(BU_B)
    with db.session() as s:
        get_workspace(s, TEAM_B).partnership = "halton"
        grant(s, TEAM_B, BU_B, Role.BUSINESS_UNIT, granted_by="test")
    _view, card = _draft(slack, fake_slack)
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL)
    fake_slack.wait_for("chat.update")  # a change approved in workspace A

    slack.command("/safeguarding", "kb", user=BU_B, team_id=TEAM_B)
    in_b = text_of(fake_slack.wait_for("response_url")[-1])
    assert "shipped knowledge files only" in in_b and f"kb import DIR --team {TEAM_B}" in in_b
    slack.action(ActionId.HOME, "home", user=BU_B, channel=None, team_id=TEAM_B)
    home_b = text_of(fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_B)[-1])
    assert "Knowledge: Halton" in home_b and "shipped knowledge files only" in home_b
    slack.command("/safeguarding", "kb", user=BU2)
    assert "shipped knowledge files only" not in text_of(fake_slack.wait_for("response_url", count=2)[-1])
