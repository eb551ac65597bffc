"""Shared set-up for case review tests: a configured workspace, the form's values, Slack call helpers."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.authz import Role, grant
from bot.partnerships import get_workspace
from bot.timeutil import LONDON
from tests.conftest import TEAM_ID
from tests.slackclient import checkboxes_value, date_value, select_value, state, text_value

BU = "UBUSUNIT1"
PRACT = "UPRACT01"
BU_CHANNEL = "CBU00001"


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def configure(db, *, channel: str | None = BU_CHANNEL, team_id: str = TEAM_ID, partnership: str = "halton") -> None:
    with db.session() as s:
        ws = get_workspace(s, team_id)
        ws.partnership = partnership
        ws.business_unit_channel = channel
        grant(s, team_id, BU, Role.BUSINESS_UNIT, granted_by="test")


def multi(values: list[str]) -> tuple[str, dict[str, Any]]:
    options = [{"text": {"type": "plain_text", "text": v}, "value": v} for v in values]
    return "value", {"type": "multi_static_select", "selected_options": options}


def form(**over: tuple[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    fields: dict[str, tuple[str, dict[str, Any]]] = dict(
        cr_partnership=select_value("halton"),
        cr_agency=select_value("police"),
        cr_role=text_value("Detective sergeant, public protection"),
        cr_incident=date_value("2026-03-30"),
        cr_aware=date_value("2026-04-01"),
        cr_criteria=checkboxes_value(["abuse_or_neglect", "seriously_harmed"]),
        cr_age=select_value("5_10"),
        cr_agencies=multi(["police", "education"]),
        cr_summary=text_value("Serious injury, neglect suspected; school raised concerns earlier in the year."),
    )
    fields.update(over)
    return state(**fields)


def blocks_of(call: Any) -> list[dict[str, Any]]:
    b = call.get("blocks")
    return json.loads(b) if isinstance(b, str) else (b or [])


def view_of(call: Any) -> dict[str, Any]:
    v = call.get("view")
    return json.loads(v) if isinstance(v, str) else v


def dumps(call: Any) -> str:
    return json.dumps({**call.params, "blocks": blocks_of(call)})


def buttons(call: Any) -> dict[str, dict[str, Any]]:
    return {el["action_id"]: el for b in blocks_of(call) if b["type"] == "actions" for el in b["elements"]}
