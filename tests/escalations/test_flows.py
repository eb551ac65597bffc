"""bot.escalations.flows: a refused action changes and writes nothing itself (the listener audits it through
handlers.authorize.refuse, committed before the reply); a permitted one is applied in one transaction."""

from __future__ import annotations

from sqlalchemy import select

from bot.authz import Role
from bot.escalations import flows, service
from bot.escalations.states import Action
from storage.core import AuditLog
from tests.conftest import TEAM_ID
from tests.escalations.conftest import MANAGER, OTHER_MANAGER, raise_one


def _audit(db, action: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [(r.actor_id, r.entity_id) for r in s.scalars(select(AuditLog).where(AuditLog.action == action))]


def test_a_refused_action_is_returned_not_written_and_the_listener_audits_it(slack, fake_slack, workspace, db):
    ref = raise_one(slack, fake_slack)
    outsider = frozenset({Role.PRACTITIONER})
    refused = flows.act(db, TEAM_ID, "UPRACT01", outsider, "warrington", ref, Action.RESOLVE, "Agreed in the end.")
    missing = flows.act(db, TEAM_ID, "UPRACT01", outsider, "warrington", "ESC-2099-999", Action.NOTE, "x")
    assert (refused.done, refused.refused, refused.reason) == (False, ref, "not_permitted")
    assert (missing.refused, missing.reason) == ("ESC-2099-999", "not_found")
    assert flows.refusal(db, TEAM_ID, "UPRACT01", outsider, "warrington", ref) == refused
    assert flows.refusal(db, TEAM_ID, MANAGER, frozenset({Role.MANAGER}), "warrington", ref) is None
    assert _audit(db, "escalation.resolve_refused") == []  # flows write no refusal themselves
    with db.read() as s:
        assert service.find(s, TEAM_ID, ref).state == "open"

    # through the app the same refusal is audited before the person is told
    slack.command("/escalate", f"resolve {ref} Agreed in the end.", user=OTHER_MANAGER)
    reply = fake_slack.wait_for("response_url")[-1]["text"]
    assert ref in reply and "Agreed" not in reply
    assert _audit(db, "escalation.resolve_refused") == [(OTHER_MANAGER, ref)]

    done = flows.act(db, TEAM_ID, MANAGER, frozenset({Role.MANAGER}), "warrington", ref, Action.RESOLVE,
                     "Agreed in the end.")
    assert done.done and done.refused is None and ref in done.message
    with db.read() as s:
        assert service.find(s, TEAM_ID, ref).state == "resolved"
