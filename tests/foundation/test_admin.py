"""Workspace configuration from Slack: admins only, every change audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.authz import Role, roles_of
from bot.partnerships import resolve_partnership
from storage.core import AuditLog, Workspace
from tests.conftest import ADMIN, TEAM_ID


def _reply(fake_slack, n=1):
    return fake_slack.wait_for("response_url", count=n)[-1]["text"]


def test_admin_sets_partnership_channels_and_roles(slack, fake_slack, db):
    slack.command("/safeguarding", "admin partnership wirral", user=ADMIN)
    assert "Wirral" in _reply(fake_slack, 1)
    slack.command("/safeguarding", "admin business-unit", user=ADMIN, channel="CBU00001")
    assert "CBU00001" in _reply(fake_slack, 2)
    slack.command("/safeguarding", "admin channel halton", user=ADMIN, channel="CHALTON01")
    assert "now belongs to *Halton*" in _reply(fake_slack, 3)  # listeners run after the ack: one at a time
    slack.command("/safeguarding", "admin grant <@UMANAGER1|sam> manager", user=ADMIN)
    assert "now has the *manager* role" in _reply(fake_slack, 4)
    with db.session() as s:
        ws = s.get(Workspace, TEAM_ID)
        assert ws.partnership == "wirral"
        assert ws.business_unit_channel == "CBU00001"
        assert resolve_partnership(s, TEAM_ID, "CHALTON01", "UX") == "halton"
        assert resolve_partnership(s, TEAM_ID, "COTHER", "UX") == "wirral"
        assert Role.MANAGER in roles_of(s, TEAM_ID, "UMANAGER1")
        actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions == ["workspace.set_partnership", "workspace.set_business_unit_channel",
                       "reminder.created",  # the default quarterly QA pack (bot.insight.schedule)
                       "channel.set_partnership", "role.grant"]


def test_practitioner_is_refused_and_the_refusal_is_audited(slack, fake_slack, db):
    slack.command("/safeguarding", "admin partnership halton", user="UPRACT01")
    assert "don't have permission" in _reply(fake_slack)
    with db.session() as s:
        assert s.get(Workspace, TEAM_ID) is None
        rows = list(s.scalars(select(AuditLog)))
    assert [r.action for r in rows] == ["admin.refused"]
    assert rows[0].actor_id == "UPRACT01"


def test_bad_admin_input_gets_an_actionable_message(slack, fake_slack):
    slack.command("/safeguarding", "admin partnership narnia", user=ADMIN)
    assert "not a partnership slug" in _reply(fake_slack)
    slack.command("/safeguarding", "admin grant <@UX1234567> overlord", user=ADMIN)
    assert "not a role" in _reply(fake_slack, 2)


def test_user_sets_own_area(slack, fake_slack, db):
    slack.command("/safeguarding", "area warrington", user="UPRACT02", channel="DUPRACT02")
    assert "Warrington" in _reply(fake_slack)
    with db.session() as s:
        assert resolve_partnership(s, TEAM_ID, "DUPRACT02", "UPRACT02") == "warrington"
