"""bot.case_reviews.flows: a step or correction refused inside its transaction is returned, never written there
(the listener audits it through handlers.authorize.refuse); a stale modal is told why; nothing changes."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import select

from bot.case_reviews import flows, service
from bot.case_reviews.states import transition_for
from bot.timeutil import now, today
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from tests.case_reviews.helpers import PRACT, configure, form, london
from tests.conftest import TEAM_ID


def test_refused_and_stale_steps_change_nothing_and_write_no_audit_row(slack, fake_slack, db, services):
    configure(db)
    with time_machine.travel(london(2026, 4, 2, 10), tick=True):
        view = slack.open_modal("/case-review", user=PRACT)
        slack.submit(view, form(), user=PRACT)
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)
        with db.read() as s:
            case = s.scalars(select(CaseReview)).one()
            ref, state = case.ref, case.state
        t = transition_for(state, "consult_partners")
        scales, day = service.timescales(services.kb), today()
        common = dict(team_id=TEAM_ID, actor_id="UBUSUNIT1", ref=ref, t=t, happened_on=day, rationale=None,
                      planned_publication_on=None, scales=scales, now=now(), today=day)
        no = flows.record_step(db, may_manage=lambda c: False, shown_state=state, **common)
        gone = flows.record_step(db, may_manage=lambda c: True, shown_state=state,
                                 **{**common, "ref": "CR-2099-999"})
        stale = flows.record_step(db, may_manage=lambda c: True, shown_state="closed", **common)
        fixed, errors = flows.record_corrections(db, team_id=TEAM_ID, actor_id="UBUSUNIT1", may_manage=lambda c: False,
                                                 ref=ref, values={"aware_on": date(2026, 3, 30)}, scales=scales,
                                                 now=now(), today=day)
        assert flows.refusal(db, TEAM_ID, ref, lambda c: False) == no
        assert flows.refusal(db, TEAM_ID, ref, lambda c: True) is None
    assert no.refused and "permission" in (no.problem or "")
    assert gone.refused and "CR-2099-999" in (gone.problem or "")
    assert not stale.refused and ref in (stale.problem or "")
    assert fixed.refused and errors == {}
    with db.read() as s:
        case = s.scalars(select(CaseReview)).one()
        assert case.state == state and case.aware_on != date(2026, 3, 30)
        assert [a.action for a in s.scalars(select(AuditLog)) if a.action == "case_review.refused"] == []
