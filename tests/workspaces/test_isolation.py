"""One workspace's records are never visible or changeable from another: a correctly signed request from team B,
answered with B's own token, naming team A's case review, escalation or reminder gets "not found"."""

from __future__ import annotations

from datetime import date

from bot.case_reviews import service as cases
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.localslack import LocalSlack
from bot.services import Services
from storage.case_reviews import CaseReview
from storage.db import Database
from storage.escalations import Escalation
from storage.reminders import ReminderSeries
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser
from tests.workspaces.test_tokens import A, B, add_series, token_of


def _records_of_a(db: Database, services: Services) -> tuple[str, str, int]:
    with db.session() as s:
        case = cases.notify(s, team_id=A, actor_id="UINSTALLA", form=cases.Notification(
            partnership="halton", notifying_agency="police", notifier_role=None, incident_on=date(2026, 3, 2),
            aware_on=date(2026, 3, 3), criteria=["seriously_harmed"], age_band="5_10"))
        esc = escalations.raise_escalation(s, team_id=A, user_id="UINSTALLA", request=escalations.RaiseRequest(
            partnership="halton", case_ref="-", agency="police", category=Category.THRESHOLD, tried="Talked.",
            outcome_wanted="Reviewed."), route=snapshot_route(services.kb, "halton"))
        refs = (case.ref, esc.ref)
    return (*refs, add_series(db, A, "CGROUPA1"))


def test_team_b_cannot_see_or_change_team_as_records(browser: Browser, team_b: SignedSlack, db: Database,
                                                     oauth_services: Services, fake_slack: LocalSlack) -> None:
    browser.install(A, "UINSTALLA", "halton")
    browser.install(B, "UINSTALLB", "halton")  # same partnership, and B's installer is an admin there
    case_ref, esc_ref, series_id = _records_of_a(db, oauth_services)
    before = len(fake_slack.calls)  # the installs' own auth.test calls

    asks = [("/case-review", f"show {case_ref}", f"There is no case `{case_ref}` in this workspace"),
            ("/escalate", f"show {esc_ref}", f"I can't find escalation `{esc_ref}` in this workspace"),
            ("/escalate", f"resolve {esc_ref} sorted", f"I can't find escalation `{esc_ref}` in this workspace"),
            ("/reminders", f"pause {series_id}", f"There is no reminder #{series_id} here"),
            ("/reminders", f"delete {series_id}", f"There is no reminder #{series_id} here")]
    for n, (command, text, expected) in enumerate(asks, start=1):
        assert team_b.command(command, text, user="UINSTALLB", channel="CGROUPB1").status == 200
        told = fake_slack.wait_for("response_url", count=n)[-1]
        assert expected in str(told.get("text")) + str(told.get("blocks")), (command, text, told.params)

    with db.session() as s:  # nothing of A's changed
        assert s.query(CaseReview).filter_by(team_id=A, ref=case_ref).one().state == "notified"
        assert s.query(Escalation).filter_by(team_id=A, ref=esc_ref).one().state == "open"
        series = s.get(ReminderSeries, series_id)
        assert series is not None and series.state == "active"
    # whatever B's requests sent went with B's token, never A's
    assert token_of(fake_slack, A) not in {c.get("token") for c in fake_slack.calls[before:]}
