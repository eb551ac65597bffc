"""Structured payloads in the edit modal: an escalation route's steps and windows (as the knowledge files lay them
out) and a front door's phone and address, judged by the same pydantic models as the shipped files: steps out of
order, a window ending before it starts or text that cannot be read is a field error and nothing is saved; a good
edit shows its steps on the card and, once approved, is the route `/escalate` uses."""

from __future__ import annotations

from sqlalchemy import select

from bot.escalations.routes import snapshot_route
from bot.kbedit.ids import ActionId, BlockId
from storage.kbedit import KnowledgeDraft
from tests.conftest import TEAM_ID
from tests.kbedit.helpers import BU, BU2, BU_CHANNEL, buttons, configure, edit_values, initial, open_view_after, text_of

ROUTE = "halton.escalation.professional-differences"
FRONT_DOOR = "halton.front-door.childrens-social-care"
STEP_TWO = """  - number: {n}
    title: Senior managers meet
    who: The senior managers of both agencies
    action: Meet within five working days and record what was agreed.
    window:
      start_day: {start}
      end_day: {end}
"""


def _approve(slack, fake_slack, n: int) -> str:  # type: ignore[no-untyped-def]
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL, count=n)[-1]
    slack.action(ActionId.APPROVE, buttons(card)[ActionId.APPROVE]["value"], user=BU2, channel=BU_CHANNEL)
    fake_slack.wait_for("chat.update", count=n)
    return text_of(card)


def test_an_escalation_routes_steps_are_edited_with_the_schemas_checks(slack, fake_slack, db, services):
    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, ROUTE, BU)
    shown = initial(view, BlockId.DETAILS)
    assert shown.startswith("route:\n") and "- number: 1" in shown

    def submit(text: str) -> dict:  # type: ignore[type-arg]
        resp = slack.submit(view, edit_values(view, kb_details=text, kb_reason="Second step agreed"), user=BU)
        assert resp.status == 200, resp.text
        return resp.json.get("errors") or {} if resp.text else {}

    errors = submit(shown + STEP_TWO.format(n=3, start=2, end=6))
    assert "steps must be numbered 1..n in order, got [1, 3]" in errors[BlockId.DETAILS]
    errors = submit(shown + STEP_TWO.format(n=2, start=6, end=2))
    assert errors[BlockId.DETAILS] == "route, steps item 2, window: end_day must not be before start_day"
    errors = submit(shown + "  - number: 2\n   title: [unclosed\n")
    assert "Not readable" in errors[BlockId.DETAILS]
    errors = submit("group:\n  name: Not a route\n  purpose: Swapped payload")
    assert "not group" in errors[BlockId.DETAILS]
    errors = submit("")
    assert "'route'" in errors[BlockId.DETAILS]  # the kind needs its route
    with db.read() as s:
        assert s.scalars(select(KnowledgeDraft)).all() == []

    assert submit(shown + STEP_TWO.format(n=2, start=2, end=6)) == {}
    card = _approve(slack, fake_slack, 1)
    assert "+     title: Senior managers meet" in card and "*Route*" in card
    services.knowledge.refresh()
    route = snapshot_route(services.kb_for(TEAM_ID), "halton")  # the route /escalate uses in this workspace
    assert route is not None and [s.number for s in route.steps] == [1, 2]
    assert route.steps[1].window is not None and route.steps[1].window.end_day == 6


def test_a_front_doors_phone_and_address_are_fields_of_their_own(slack, fake_slack, db, services):
    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, FRONT_DOOR, BU)
    assert not any(b.get("block_id") == BlockId.DETAILS for b in view["blocks"])  # a contact has its fields
    resp = slack.submit(view, edit_values(view, kb_contact_email="no at sign", kb_reason="Numbers"), user=BU)
    assert "not an email address" in resp.json["errors"][BlockId.CONTACT_EMAIL]
    resp = slack.submit(view, edit_values(view, kb_contact_phone="0151 907 8305",
                                          kb_contact_address="Municipal Building, Kingsway, Widnes WA8 7QF",
                                          kb_reason="Front door number confirmed"), user=BU)
    assert resp.status == 200 and "errors" not in resp.text, resp.text
    card = _approve(slack, fake_slack, 1)
    assert "+ phone: 0151 907 8305" in card and "address: Municipal Building" in card
    services.knowledge.refresh()
    contact = services.kb.get(FRONT_DOOR).contact
    assert contact is not None and contact.phone == "0151 907 8305" and contact.address.startswith("Municipal")
