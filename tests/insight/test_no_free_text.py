"""No free text on the dashboard or in the pack: what people typed (what was tried, outcomes wanted, reasons,
rationales, questions, meeting names) stays in its own capability; only figures, agencies, references and dates."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

import time_machine

from bot.case_reviews import service as cases
from bot.case_reviews.states import Action
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.insight import measures, pack
from storage.answers import record_feedback, record_unanswered
from storage.reminders import ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.escalations.conftest import london
from tests.insight.conftest import Web
from tests.insight.test_measures import BU, _case

TYPED = "Zebedee"  # a word that appears in nothing the bot authors


def _seed_typed_text(db, kb) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        for n in range(6):  # enough of everything that nothing is withheld
            request = escalations.RaiseRequest(partnership="warrington", case_ref="-", agency="Torus housing",
                                               category=Category.THRESHOLD, tried=f"{TYPED} tried {n}",
                                               outcome_wanted=f"{TYPED} wanted {n}")
            with time_machine.travel(london(2026, 4, 6 + n), tick=False):
                esc = escalations.raise_escalation(s, team_id=TEAM_ID, user_id="UMANAGER1", request=request,
                                                   route=snapshot_route(kb, "warrington"), today=date(2026, 4, 6 + n))
            with time_machine.travel(london(2026, 4, 20), tick=False):
                escalations.advance(s, esc, actor="UMANAGER1", reason=f"{TYPED} reason", today=date(2026, 4, 20))
            case = _case(s, date(2026, 4, 6 + n), notified=date(2026, 4, 8 + n))
            cases.apply_transition(s, case, Action.COMPLETE_RAPID_REVIEW, actor_id=BU, happened_on=date(2026, 4, 30))
            cases.apply_transition(s, case, Action.DECIDE_NO_FURTHER_REVIEW, actor_id=BU,
                                   happened_on=date(2026, 5, 5), rationale=f"{TYPED} rationale")
        with time_machine.travel(london(2026, 5, 20), tick=False):
            record_unanswered(s, team_id=TEAM_ID, partnership="halton", question=f"where is {TYPED} training")
            record_feedback(s, team_id=TEAM_ID, entry_id="halton.group.executive", helpful=False,
                            question=f"who chairs {TYPED}")
        s.add(ReminderSeries(team_id=TEAM_ID, kind="meeting", name=f"{TYPED} group", partnership="halton",
                             channel_id="C1", owner_id=BU, first_date=date(2026, 4, 1), at_time="09:00",
                             state="active"))


def test_no_typed_text_on_the_dashboard_or_in_the_pack(web: Web, db, services, tmp_path: Path):
    _seed_typed_text(db, services.kb)
    browser = web.sign_in(ADMIN)
    for scope in ("all", "halton", "warrington"):
        shown = browser.get(f"{web.base}/dashboard?period=custom&since=2026-04-01&until=2026-05-31"
                            f"&partnership={scope}")
        assert shown.status == 200, scope
        pictures = " ".join(base64.b64decode(data).decode() for data in re.findall(r"base64,([A-Za-z0-9+/=]+)",
                                                                                 shown.body))
        assert "Torus housing" in shown.body + pictures or scope == "halton"  # the agency is not typed text
        assert TYPED not in shown.body and TYPED not in pictures, scope
    with db.session() as s:
        m = measures.build(s, measures.Period(None, date(2026, 4, 1), date(2026, 5, 31)), cases.timescales(),
                           date(2026, 6, 1))
    files = pack.write(m, cases.timescales(), tmp_path)
    assert m.escalations.by_agency["Torus housing"] == 6 and m.case_reviews.decisions["none"] == 6
    assert not [p.name for p in files if TYPED.encode() in p.read_bytes()]
