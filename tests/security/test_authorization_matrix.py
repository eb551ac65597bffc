"""Who may do what, for every role and every command, button and modal of the product.

Each cell is exercised through signed HTTP requests; a refusal must change nothing and be audit-logged.
A user from another workspace crafting a button payload that names this workspace's case or escalation
is refused like anyone else.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.authz import Role, grant
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from storage.escalations import Escalation
from tests.case_reviews.helpers import BU_CHANNEL, configure, form
from tests.conftest import ADMIN, TEAM_ID
from tests.escalations.conftest import raise_values

PRACT, MANAGER, LEAD, BU = "UPRACT01", "UMANAGER1", "ULEAD0001", "UBUSUNIT1"
OTHER_TEAM, OTHER_USER = "T0OTHER", "UOTHER001"
ROLES = {"practitioner": PRACT, "manager": MANAGER, "lead": LEAD, "business_unit": BU, "admin": ADMIN}


def _refusals(db) -> int:
    with db.session() as s:
        return len(s.scalars(select(AuditLog.id).where(AuditLog.action.contains("refused"))).all())


def outcome(fake_slack, db, do: Callable[[], object]) -> str:
    """'modal' if a modal opened; 'refused' if the reply came with a refusal on the audit log; else 'replied'."""
    replies, modals, refused = (len(fake_slack.calls_to("response_url")), len(fake_slack.calls_to("views.open")),
                                _refusals(db))
    do()
    deadline = time.monotonic() + 20  # a condition, not a timing: generous for a loaded 2-core machine
    while time.monotonic() < deadline:
        if len(fake_slack.calls_to("views.open")) > modals:
            return "modal"
        if fake_slack.calls_to("response_url")[replies:]:
            # the refusal's audit row commits as the reply goes out: give it a moment before calling it a reply
            settle = time.monotonic() + 1.0
            while _refusals(db) == refused and time.monotonic() < settle:
                time.sleep(0.02)
            return "refused" if _refusals(db) > refused else "replied"
        time.sleep(0.02)
    raise AssertionError("no reply and no modal")


@pytest.fixture
def world(slack, fake_slack, db):
    """One case review (notified by a practitioner) and one escalation (raised by a manager)."""
    configure(db, partnership="warrington")
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
        grant(s, TEAM_ID, LEAD, Role.SAFEGUARDING_LEAD)
    view = slack.open_modal("/case-review", user=PRACT)
    assert "errors" not in slack.submit(view, form(), user=PRACT).text
    view = slack.open_modal("/escalate", user=MANAGER, channel=BU_CHANNEL)
    assert not slack.submit(view, raise_values(), user=MANAGER).text
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with db.session() as s:
            case = s.scalars(select(CaseReview)).one_or_none()
            esc = s.scalars(select(Escalation)).one_or_none()
            if case is not None and esc is not None:
                return case.reference, esc.ref
        time.sleep(0.05)
    raise AssertionError("world not built")


# (name, request, roles allowed). A request is (kind, command-or-action, text-or-value template).
MATRIX: list[tuple[str, tuple[str, str, str], set[str]]] = [
    ("admin settings", ("command", "/safeguarding", "admin show"), {"admin"}),
    ("notify a case review", ("command", "/case-review", ""), set(ROLES)),
    ("list case reviews", ("command", "/case-review", "list"), {"business_unit", "admin"}),
    ("show a case review", ("command", "/case-review", "show {case}"), {"business_unit", "admin"}),
    ("move a case review on", ("action", "case_review_act:consult_partners", "{case}"), {"business_unit", "admin"}),
    ("correct a case's dates", ("action", "case_review_correct", "{case}"), {"business_unit", "admin"}),
    ("raise an escalation", ("command", "/escalate", ""), {"manager", "lead", "business_unit", "admin"}),
    ("note on someone's escalation", ("action", "escalation_note", "{esc}"), {"manager", "business_unit", "admin"}),
    ("withdraw someone's escalation", ("action", "escalation_withdraw", "{esc}"),
     {"manager", "business_unit", "admin"}),
    ("add a reminder", ("command", "/reminders", "add"), {"manager", "lead", "business_unit", "admin"}),
    ("edit a reminder", ("command", "/reminders", "edit 1"), {"manager", "lead", "business_unit", "admin"}),
    ("pause a reminder", ("command", "/reminders", "pause 1"), {"manager", "lead", "business_unit", "admin"}),
    ("list every channel's reminders", ("command", "/reminders", "list all"), {"business_unit", "admin"}),
    ("list my escalations", ("command", "/escalate", "list"), set(ROLES)),
]


def _send(slack, request: tuple[str, str, str], user: str, refs: dict[str, str], team_id: str | None = None):
    kind, name, template = request
    text = template.format(**refs)
    if kind == "command":
        return lambda: slack.command(name, text, user=user, channel=BU_CHANNEL, **({"team_id": team_id} if team_id
                                                                                   else {}))
    return lambda: slack.action(name, text, user=user, channel=BU_CHANNEL, team_id=team_id,
                                message={"ts": "1.000001", "type": "message", "text": ""})


def test_every_role_against_every_command_and_button(slack, fake_slack, db, world):
    case_ref, esc_ref = world
    refs = {"case": case_ref, "esc": esc_ref}
    with db.session() as s:
        audit_before = s.scalars(select(AuditLog.id)).all()
    refused_count = 0
    failures = []
    for name, request, allowed_roles in MATRIX:
        for role, user in ROLES.items():
            got = outcome(fake_slack, db, _send(slack, request, user, refs))
            allowed = got in ("modal", "replied")
            if name == "raise an escalation" and role == "practitioner":
                allowed = got == "modal"  # the practitioner is shown the route instead: still not allowed to raise
            if allowed != (role in allowed_roles):
                failures.append(f"{name} as {role}: {got}")
            if not allowed:
                refused_count += 1
    assert failures == []
    with db.session() as s:
        refusals = s.scalars(select(AuditLog).where(AuditLog.id.not_in(audit_before),
                                                    AuditLog.action.contains("refused"))).all()
        assert len(refusals) == refused_count  # every refusal is on the record
        case = s.scalars(select(CaseReview)).one()
        esc = s.scalars(select(Escalation)).one()
        assert case.state == "notified"  # nothing was changed by anyone: no modal was submitted
        assert esc.state == "open"


@pytest.mark.parametrize("request_", [("action", "case_review_act:consult_partners", "{case}"),
                                      ("action", "case_review_correct", "{case}"),
                                      ("action", "escalation_note", "{esc}"),
                                      ("action", "escalation_resolve", "{esc}"),
                                      ("command", "/case-review", "show {case}")])
def test_another_workspace_cannot_reach_this_workspaces_records(slack, fake_slack, db, world, request_):
    case_ref, esc_ref = world
    with db.session() as s:  # even an admin of the other workspace
        grant(s, OTHER_TEAM, OTHER_USER, Role.ADMIN)
        grant(s, OTHER_TEAM, OTHER_USER, Role.BUSINESS_UNIT)
    got = outcome(fake_slack, db, _send(slack, request_, OTHER_USER, {"case": case_ref, "esc": esc_ref}, OTHER_TEAM))
    assert got != "modal"
    if request_[0] == "action":
        assert got == "refused"
    else:  # records are per workspace: to the other workspace this case does not exist
        reply = fake_slack.calls_to("response_url")[-1]
        assert not reply.get("blocks")
        assert "no case" in reply["text"].lower()
    with db.session() as s:
        assert s.scalars(select(CaseReview)).one().state == "notified"
        assert s.scalars(select(Escalation)).one().state == "open"
        if request_[0] == "action":
            assert s.scalars(select(AuditLog).where(AuditLog.team_id == OTHER_TEAM,
                                                    AuditLog.action.contains("refused"))).all()
