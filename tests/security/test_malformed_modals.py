"""Modal values from the edge of what Slack can send: huge strings, control characters, emoji, right-to-left
text, dates far in the past and future. Always a field error or a clean save; never a traceback or a partial
write."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot import texts as bot_texts
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
# Anything a datepicker (or a forged payload) can send, and often a plausible recent date so clean saves happen too.
dates = st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                  st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 31))).map(date.isoformat)
APOLOGIES = (bot_texts.SOMETHING_WENT_WRONG, bot_texts.DB_UNAVAILABLE)


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _check(resp, db, model, before: int, errors_logged) -> None:  # type: ignore[no-untyped-def]
    assert resp.status == 200
    assert "Traceback" not in resp.text
    if resp.text:  # the modal stays open with field errors: nothing was written
        errors = json.loads(resp.text)
        assert errors["response_action"] == "errors" and errors["errors"]
        assert not set(errors["errors"].values()) & set(APOLOGIES), errors  # a field message, not a fault
        assert _count(db, model) == before
    else:  # a clean save: exactly one record
        assert _count(db, model) == before + 1
    assert errors_logged() == []  # the fault handler was never needed


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(role=texts, summary=texts, incident=dates, aware=dates)
def test_case_review_form(slack, fake_slack, db, errors_logged, role, summary, incident, aware):
    configure(db)
    view = slack.open_modal("/case-review", user="UFUZZ010")
    values = form(cr_role=text_value(role), cr_summary=text_value(summary), cr_incident=date_value(incident),
                  cr_aware=date_value(aware))
    before = _count(db, CaseReview)
    _check(slack.submit(view, values, user="UFUZZ010"), db, CaseReview, before, errors_logged)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case_ref=texts, tried=texts, wanted=texts, other=texts)
def test_escalation_form(slack, fake_slack, db, errors_logged, case_ref, tried, wanted, other):
    configure(db, partnership="warrington")
    with db.session() as s:
        grant(s, TEAM_ID, "UFUZZMGR1", Role.MANAGER)
    view = slack.open_modal("/escalate", user="UFUZZMGR1", channel=BU_CHANNEL)
    values = raise_values(case_ref=case_ref, tried=tried, wanted=wanted, other=other)
    before = _count(db, Escalation)
    _check(slack.submit(view, values, user="UFUZZMGR1"), db, Escalation, before, errors_logged)


def test_a_year_0134_date_is_a_field_error_not_a_fault(slack, fake_slack, db, errors_logged):
    """Found by Hypothesis on PostgreSQL (which refuses year 134; SQLite stored it and showed 492827 working days
    overdue): now refused at the edge with a field message, on both databases."""
    configure(db)
    view = slack.open_modal("/case-review", user="UFUZZ010")
    resp = slack.submit(view, form(cr_incident=date_value("0134-02-03"), cr_aware=date_value("0134-02-04")),
                        user="UFUZZ010")
    errors = json.loads(resp.text)["errors"]
    assert errors == {"cr_incident": "Use a date from Sat 1 Jan 2000 onwards.",
                      "cr_aware": "Use a date from Sat 1 Jan 2000 onwards."}
    assert _count(db, CaseReview) == 0 and errors_logged() == []
