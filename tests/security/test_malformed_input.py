"""Malformed input never produces a traceback, a non-200 to Slack, or a partial write."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot import texts
from storage.core import AuditLog

awkward_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1000, max_size=4000),
    st.sampled_from(["admin", "admin grant", "admin grant <@U1>", "area", "area \u202eharlow", "help \x00",
                     "topics 🙂🙂🙂", "admin channel ../../etc", "<script>", "\u200f\u200fwhat", "\n\n\t"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=awkward_text)
def test_safeguarding_command_text(slack, fake_slack, db, errors_logged, text):
    before = len(fake_slack.calls_to("response_url"))
    resp = slack.command("/safeguarding", text, user="UFUZZ001", channel="CFUZZ001")
    assert resp.status == 200
    reply = fake_slack.wait_for("response_url", count=before + 1, timeout=10)[-1]
    assert "Traceback" not in str(reply.params)
    assert reply.params.get("text") not in (texts.SOMETHING_WENT_WRONG, texts.DB_UNAVAILABLE)  # handled, not a fault
    assert errors_logged() == []
    with db.session() as s:  # a practitioner's odd text changes nothing but their own area setting
        actions = set(s.scalars(select(AuditLog.action)).all())
        assert actions <= {"admin.refused", "user.set_area"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action_id=st.text(min_size=1, max_size=80), value=st.text(max_size=200))
def test_unknown_action_ids_are_acknowledged_and_change_nothing(slack, db, errors_logged, action_id, value):
    resp = slack.action(action_id, value, user="UFUZZ002")
    assert resp.status in (200, 404)  # 404 is Bolt's "no listener" answer; never a 5xx
    assert "Traceback" not in resp.text
    assert errors_logged() == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.actor_id == "UFUZZ002")) == 0
