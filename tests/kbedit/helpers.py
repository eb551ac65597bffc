"""Shared set-up for knowledge upkeep tests: a Halton workspace with two business-unit people and a channel."""

from __future__ import annotations

import json
from typing import Any

from bot.authz import Role, grant
from bot.partnerships import get_workspace
from tests.conftest import TEAM_ID
from tests.slackclient import date_value, select_value, state, text_value

BU = "UBUSUNIT1"
BU2 = "UBUSUNIT2"
WIRRAL_BU = "UWIRRALBU"
WIRRAL_TEAM = "T0WIRRAL"  # another workspace, whose partnership is Wirral
PRACT = "UPRACT01"
MANAGER = "UMANAGER1"
BU_CHANNEL = "CBU00001"
ENTRY = "halton.process.funding"
QUESTION = "who pays for the halton arrangements"


def configure(db, fake_slack) -> None:  # type: ignore[no-untyped-def]
    fake_slack.add_user(BU2, WIRRAL_BU)
    with db.session() as s:
        ws = get_workspace(s, TEAM_ID)
        ws.partnership = "halton"
        ws.business_unit_channel = BU_CHANNEL
        grant(s, TEAM_ID, BU, Role.BUSINESS_UNIT, granted_by="test")
        grant(s, TEAM_ID, BU2, Role.BUSINESS_UNIT, granted_by="test")
        grant(s, TEAM_ID, MANAGER, Role.MANAGER, granted_by="test")
        get_workspace(s, WIRRAL_TEAM).partnership = "wirral"
        grant(s, WIRRAL_TEAM, WIRRAL_BU, Role.BUSINESS_UNIT, granted_by="test")


def blocks_of(call: Any) -> list[dict[str, Any]]:
    b = call.get("blocks")
    return json.loads(b) if isinstance(b, str) else (b or [])


def view_of(call: Any) -> dict[str, Any]:
    v = call.get("view")
    return json.loads(v) if isinstance(v, str) else v


def buttons(call: Any) -> dict[str, dict[str, Any]]:
    return {el["action_id"]: el for b in blocks_of(call) if b["type"] == "actions" for el in b["elements"]}


def values_of(call: Any, action_id: str) -> list[str]:
    """Every value of the buttons with this action id (one per entry row)."""
    return [el.get("value", "") for b in blocks_of(call) if b["type"] == "actions" for el in b["elements"]
            if el["action_id"] == action_id]


def text_of(call: Any) -> str:
    return json.dumps({"text": call.get("text"), "blocks": blocks_of(call)}, ensure_ascii=False)


def initial(view: dict[str, Any], block_id: str) -> Any:
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    el = block["element"]
    return el.get("initial_value") or el.get("initial_date") or (el.get("initial_option") or {}).get("value")


def edit_values(view: dict[str, Any], **over: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """The modal as it was opened (every field's initial value), with `over` typed over it."""
    fields: dict[str, tuple[str, dict[str, Any]]] = {}
    for b in view["blocks"]:
        if b.get("type") != "input":
            continue
        bid, el = b["block_id"], b["element"]
        if el["type"] == "datepicker":
            fields[bid] = date_value(el.get("initial_date"))
        elif el["type"] == "static_select":
            fields[bid] = select_value((el.get("initial_option") or {}).get("value") or "faq")
        else:
            fields[bid] = text_value(el.get("initial_value") or "")
    for key, value in over.items():
        if key == "kb_review_by" or key == "kb_kind":
            fields[key] = date_value(value) if key == "kb_review_by" else select_value(value)
        else:
            fields[key] = text_value(value)
    return state(**fields)


def open_view_after(slack, fake_slack, action: str, value: str, user: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    before = len(fake_slack.calls_to("views.open"))
    resp = slack.action(action, value, user=user)
    assert resp.status == 200, resp.text
    return view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
