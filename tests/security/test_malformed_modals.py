"""Modal values from the edge of what Slack can send: huge strings, control characters, emoji, right-to-left
text, dates far in the past and future. Always a field error or a clean save; never a traceback or a partial
write."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.authz import Role, grant
from storage.case_reviews import CaseReview
from storage.escalations import Escalation
from tests.case_reviews.helpers import BU_CHANNEL, configure, form
from tests.conftest import TEAM_ID
from tests.escalations.conftest import raise_values
from tests.slackclient import date_value, text_value

texts = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=2000, max_size=6000),
    st.sampled_from(["\u202eevil\u202c", "🙂" * 500, "\x00\x07\x1b[31m", "‏שלום‏", "' OR 1=1 --", "   "]),
)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _check(resp, db, model, before: int) -> None:  # type: ignore[no-untyped-def]
    assert resp.status == 200
    assert "Traceback" not in resp.text
    if resp.text:  # the modal stays open with field errors: nothing was written
        errors = json.loads(resp.text)
        assert errors["response_action"] == "errors" and errors["errors"]
        assert _count(db, model) == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(role=texts, summary=texts, incident=dates, aware=dates)
def test_case_review_form(slack, fake_slack, db, role, summary, incident, aware):
    configure(db)
    view = slack.open_modal("/case-review", user="UFUZZ010")
    values = form(cr_role=text_value(role), cr_summary=text_value(summary), cr_incident=date_value(incident),
                  cr_aware=date_value(aware))
    _check(slack.submit(view, values, user="UFUZZ010"), db, CaseReview, _count(db, CaseReview))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case_ref=texts, tried=texts, wanted=texts, other=texts)
def test_escalation_form(slack, fake_slack, db, case_ref, tried, wanted, other):
    configure(db, partnership="warrington")
    with db.session() as s:
        grant(s, TEAM_ID, "UFUZZMGR1", Role.MANAGER)
    view = slack.open_modal("/escalate", user="UFUZZMGR1", channel=BU_CHANNEL)
    values = raise_values(case_ref=case_ref, tried=tried, wanted=wanted, other=other)
    _check(slack.submit(view, values, user="UFUZZMGR1"), db, Escalation, _count(db, Escalation))
