"""An uninstalled (paused) workspace's records are kept, and the clock's nightly retention reduces its closed ones
as it does everyone's, a year after they closed; its open ones and its audit trail stay whole."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import select

from bot.clock import build_scheduler
from bot.escalations.retention import REMOVED
from bot.localslack import LocalSlack
from bot.services import Services
from storage.audit import entries
from storage.case_reviews import CaseReview
from storage.core import Workspace
from storage.db import Database
from storage.escalations import Escalation
from tests.conftest import SIGNING_SECRET
from tests.escalations.conftest import eventually, london, raise_one
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser
from tests.workspaces.test_clock_jobs import _manager, _run, _set_up
from tests.workspaces.test_tokens import A, B
from tests.workspaces.test_uninstall import _paused


def _case(team: str, ref: str, closed_on: date | None) -> CaseReview:
    return CaseReview(team_id=team, ref=ref, partnership="halton", state="closed" if closed_on else "notified",
                      notifier_id="U1", notifying_agency="police", notifier_role="Sergeant",
                      criteria=["abuse_or_neglect"], age_band="5_10", agencies_involved=["police"],
                      summary="Injury, neglect suspected", incident_on=date(2026, 1, 2), aware_on=date(2026, 1, 3),
                      closed_on=closed_on)


def _eventually_resolved(db: Database, team: str, ref: str) -> bool:
    """The listener finishes after the reply: wait for the resolve to be stored."""
    def stored() -> bool:
        with db.session() as s:
            return s.scalars(select(Escalation.state).where(Escalation.team_id == team, Escalation.ref == ref)
                             ).one() == "resolved"
    return bool(eventually(stored))


def test_a_paused_workspaces_closed_records_are_reduced_as_usual_and_its_open_ones_kept(
        served: str, browser: Browser, oauth_services: Services, db: Database, fake_slack: LocalSlack) -> None:
    slacks = {team: SignedSlack(served, SIGNING_SECRET, fake_slack, team_id=team) for team in (A, B)}
    refs: dict[str, list[str]] = {A: [], B: []}
    for team in (A, B):
        browser.install(team, "UINST" + team[1:5], "warrington")
        _set_up(db, fake_slack, team)
        with time_machine.travel(london(2026, 2, 2, 10), tick=True):
            for _ in range(2 if team == A else 1):
                refs[team].append(raise_one(slacks[team], fake_slack, user=_manager(team),
                                            channel="CESC" + team[1:6]))
        first = refs[team][0]
        with time_machine.travel(london(2026, 2, 3, 11), tick=True):  # the first of each is resolved
            slacks[team].command("/escalate", f"resolve {first} Strategy discussion held",
                                 user=_manager(team), channel="CESC" + team[1:6])
            assert fake_slack.wait_for("response_url", lambda c, ref=first: str(c.get("text")).startswith(ref))
            assert _eventually_resolved(db, team, first)
    with db.session() as s:
        s.add_all([_case(A, "CR-2026-001", date(2026, 2, 3)), _case(A, "CR-2026-002", None)])
    fake_slack.oauth.revoke(A)
    assert slacks[A].event({"type": "app_uninstalled"}).status == 200
    assert _paused(db, A)
    with db.session() as s:
        kept = [e.action for e in entries(s, team_id=A)]
    assert "escalation.raised" in kept and kept[-1] == "workspace.paused"

    scheduler = build_scheduler(oauth_services)
    with time_machine.travel(london(2027, 2, 3, 3, 30), tick=False):  # a year after closing: not yet
        _run(scheduler, "governance.retention")
    with db.session() as s:
        assert s.scalars(select(Escalation.tried).where(Escalation.ref == refs[A][0],
                                                        Escalation.team_id == A)).one() != REMOVED
    with time_machine.travel(london(2027, 3, 5, 3, 30), tick=False):  # the nightly job, past the year
        _run(scheduler, "governance.retention")

    with db.session() as s:
        escs = {(e.team_id, e.ref): e for e in s.scalars(select(Escalation))}
        closed, still_open = escs[(A, refs[A][0])], escs[(A, refs[A][1])]
        assert closed.tried == closed.outcome_wanted == REMOVED and closed.state == "resolved"
        assert still_open.state == "open" and still_open.outcome_wanted == "Strategy discussion held this week."
        assert escs[(B, refs[B][0])].tried == REMOVED  # the installed workspace's: the same rule
        cases = {c.ref: c for c in s.scalars(select(CaseReview).where(CaseReview.team_id == A))}
        assert cases["CR-2026-001"].summary is None and cases["CR-2026-001"].state == "closed"
        assert cases["CR-2026-002"].summary == "Injury, neglect suspected"
        actions = [(e.action, e.entity_id) for e in entries(s, team_id=A)]
        ws = s.get(Workspace, A)
        assert ws is not None and ws.paused_at is not None  # retention does not resume or remove it
    assert ("retention.reduced", refs[A][0]) in actions and ("retention.reduced", "CR-2026-001") in actions
    assert ("retention.reduced", refs[A][1]) not in actions and ("retention.reduced", "CR-2026-002") not in actions
    assert [a for a, _ in actions[:len(kept)]] == kept  # the audit trail from before is all still there
