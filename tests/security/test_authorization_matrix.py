"""Who may do what, for every role and every command, button and modal of the product.

Each cell is exercised through signed HTTP requests; a refusal must change nothing and be audit-logged.
A user from another workspace crafting a button payload that names this workspace's case or escalation
is refused like anyone else.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.authz import Role, grant
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from storage.escalations import Escalation, EscalationEvent
from tests.case_reviews.helpers import BU_CHANNEL, configure, form
from tests.conftest import ADMIN, TEAM_ID
from tests.escalations.conftest import raise_values
from tests.slackclient import select_value

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
    assert "errors" not in slack.submit(view, form(cr_partnership=select_value("warrington")), user=PRACT).text
    view = slack.open_modal("/escalate", user=MANAGER, channel=BU_CHANNEL)
    assert not slack.submit(view, raise_values(), user=MANAGER).text
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with db.session() as s:
            case = s.scalars(select(CaseReview)).one_or_none()
            esc = s.scalars(select(Escalation)).one_or_none()
            if case is not None and esc is not None:
                return case.ref, esc.ref
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


# -- boundaries follow the data: the record's partnership and owner, not the caller's area setting --------

def _wait_one(db, model, where):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with db.session() as s:
            row = s.scalars(select(model).where(where)).one_or_none()
            if row is not None:
                return row
        time.sleep(0.05)
    raise AssertionError("not created")


@pytest.fixture
def halton_records(slack, fake_slack, db, world):
    """In the Warrington workspace: a Halton case review and a Halton escalation (raised by the manager)."""
    view = slack.open_modal("/case-review", user=PRACT)
    assert "errors" not in slack.submit(view, form(cr_partnership=select_value("halton")), user=PRACT).text
    view = slack.open_modal("/escalate", user=MANAGER, channel=BU_CHANNEL)
    assert not slack.submit(view, raise_values(partnership="halton"), user=MANAGER).text
    case = _wait_one(db, CaseReview, CaseReview.partnership == "halton")
    esc = _wait_one(db, Escalation, Escalation.partnership == "halton")
    return case.ref, esc.ref


@pytest.mark.parametrize(("request_", "user", "expected"), [
    # the Warrington business unit sets its own area to Halton: still not Halton's business unit
    (("action", "escalation_note", "{esc}"), BU, "refused"),
    (("action", "escalation_withdraw", "{esc}"), BU, "refused"),
    (("command", "/escalate", "show {esc}"), BU, "refused"),
    (("action", "case_review_act:consult_partners", "{case}"), BU, "refused"),
    (("action", "case_review_correct", "{case}"), BU, "refused"),
    (("command", "/case-review", "show {case}"), BU, "refused"),
    # the raiser keeps their own escalation; an admin reaches every partnership
    (("action", "escalation_note", "{esc}"), MANAGER, "modal"),
    (("action", "escalation_note", "{esc}"), ADMIN, "modal"),
    (("command", "/case-review", "show {case}"), ADMIN, "replied"),
])
def test_area_setting_does_not_cross_partnership_boundaries(slack, fake_slack, db, halton_records, request_, user,
                                                            expected):
    case_ref, esc_ref = halton_records
    slack.command("/safeguarding", "area halton", user=user, channel="D" + user)
    fake_slack.wait_for("response_url")
    got = outcome(fake_slack, db, _send(slack, request_, user, {"case": case_ref, "esc": esc_ref}))
    assert got == expected
    with db.session() as s:
        assert {c.state for c in s.scalars(select(CaseReview))} == {"notified"}
        assert {e.state for e in s.scalars(select(Escalation))} == {"open"}


def test_case_review_list_shows_only_the_business_units_partnership(slack, fake_slack, db, halton_records):
    case_ref, _ = halton_records
    listed = {}
    for who in (BU, ADMIN):
        before = len(fake_slack.calls_to("response_url"))
        slack.command("/case-review", "list", user=who, channel=BU_CHANNEL)
        listed[who] = json.dumps(fake_slack.wait_for("response_url", count=before + 1)[-1].params)
    assert case_ref not in listed[BU] and "CR-" in listed[BU]  # the Warrington case only
    assert case_ref in listed[ADMIN]


@pytest.mark.parametrize(("user", "channel", "expected"), [
    (MANAGER, BU_CHANNEL, "paused"),  # the owner, from the series' channel
    (MANAGER, "COTHER001", "only the person"),  # the owner, from another channel
    ("UMANAGER2", BU_CHANNEL, "only the person"),  # another manager
    (BU, BU_CHANNEL, "only the person"),  # the business unit is not the owner nor a lead
    (LEAD, BU_CHANNEL, "paused"),  # a lead of the channel's partnership
    (ADMIN, BU_CHANNEL, "paused"),
])
def test_reminder_series_changes_only_by_owner_lead_or_admin(slack, fake_slack, db, world, user, channel, expected):
    from storage.reminders import ReminderSeries

    with db.session() as s:
        grant(s, TEAM_ID, "UMANAGER2", Role.MANAGER)
    added = len(fake_slack.calls_to("response_url"))
    slack.command("/reminders", "add Partnership forum | every month on the first Monday | 2030-01-06",
                  user=MANAGER, channel=BU_CHANNEL)
    series = _wait_one(db, ReminderSeries, ReminderSeries.owner_id == MANAGER)
    before = len(fake_slack.wait_for("response_url", count=added + 1))
    slack.command("/reminders", f"pause {series.id}", user=user, channel=channel)
    reply = fake_slack.wait_for("response_url", count=before + 1)[-1]
    assert expected in reply["text"].lower()
    if expected != "paused":  # the audit row commits as the listener's transaction ends, just after its reply
        assert _wait_one(db, AuditLog, AuditLog.action == "reminder.refused").entity_id == str(series.id)
    else:
        _wait_one(db, AuditLog, AuditLog.action == "reminder.paused")
    with db.session() as s:
        assert s.get(ReminderSeries, series.id).state == ("paused" if expected == "paused" else "active")


@pytest.mark.parametrize(("user", "expected"), [(BU, "refused"), (PRACT, "refused"), (MANAGER, "replied")])
def test_typed_text_is_screened_only_after_the_permission_check(slack, fake_slack, db, halton_records, user,
                                                                expected):
    """Someone who may not act is refused whatever they typed; the raiser's identifying note is screened out."""
    _, esc_ref = halton_records
    typed = "kayla nowak now lives at 22 Elm Grove"
    got = outcome(fake_slack, db, _send(slack, ("command", "/escalate", f"note {esc_ref} {typed}"), user, {}))
    reply = fake_slack.calls_to("response_url")[-1]["text"]
    assert got == expected
    assert ("Nothing was saved" in reply) == (expected == "replied")
    assert "Elm Grove" not in reply and "kayla" not in reply
    with db.session() as s:
        assert not s.scalars(select(EscalationEvent.id).where(EscalationEvent.kind == "note")).all()


def test_every_series_verb_is_refused_to_another_manager_and_from_another_channel(slack, fake_slack, db, world):
    """edit, resume, skip and delete follow the same rule as pause (above): nothing changes, each refusal audited."""
    from storage.reminders import ReminderSeries

    with db.session() as s:
        grant(s, TEAM_ID, "UMANAGER2", Role.MANAGER)
    added = len(fake_slack.calls_to("response_url"))
    slack.command("/reminders", "add Partnership forum | every month on the first Monday | 2030-01-06",
                  user=MANAGER, channel=BU_CHANNEL)
    series = _wait_one(db, ReminderSeries, ReminderSeries.owner_id == MANAGER)
    fake_slack.wait_for("response_url", count=added + 1)
    modals = len(fake_slack.calls_to("views.open"))
    for user, channel in (("UMANAGER2", BU_CHANNEL), (MANAGER, "COTHER001")):
        for verb in ("edit", "resume", "skip", "delete"):
            before = len(fake_slack.calls_to("response_url"))
            slack.command("/reminders", f"{verb} {series.id}", user=user, channel=channel)
            assert "only the person" in fake_slack.wait_for("response_url", count=before + 1)[-1]["text"].lower()
    assert len(fake_slack.calls_to("views.open")) == modals  # no edit form opened
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with db.session() as s:
            refused = s.scalars(select(AuditLog).where(AuditLog.action == "reminder.refused")).all()
        if len(refused) == 8:
            break
        time.sleep(0.05)
    assert len(refused) == 8 and {r.entity_id for r in refused} == {str(series.id)}
    with db.session() as s:
        assert s.get(ReminderSeries, series.id).state == "active"
