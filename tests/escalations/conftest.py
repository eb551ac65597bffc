"""Escalation fixtures: a Warrington workspace with an escalation channel, a manager and a business unit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from bot.authz import Role, grant
from bot.escalations.ids import BlockId
from bot.partnerships import get_workspace, set_channel_partnership
from bot.timeutil import LONDON
from tests.conftest import TEAM_ID
from tests.slackclient import select_value, state, text_value

MANAGER = "UMANAGER1"
BU = "UBUSUNIT1"
OTHER_MANAGER = "UMANAGER2"
PRACTITIONER = "UPRACT01"
ESC_CHANNEL = "CESCALATE1"
WIRRAL_CHANNEL = "CWIRRAL01"


def london(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


@pytest.fixture
def workspace(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        ws = get_workspace(s, TEAM_ID)
        ws.partnership = "warrington"
        ws.escalation_channel = ESC_CHANNEL
        set_channel_partnership(s, TEAM_ID, WIRRAL_CHANNEL, "wirral")
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
        grant(s, TEAM_ID, OTHER_MANAGER, Role.MANAGER)
        grant(s, TEAM_ID, BU, Role.BUSINESS_UNIT)
    return TEAM_ID


def raise_values(
    *, partnership: str = "warrington", case_ref: str = "LCS-204518", agency: str | None = None,
    other: str | None = "Cheshire Constabulary", category: str = "threshold", step: str | None = None,
    tried: str = "Discussed with the duty social worker twice; referral still not accepted.",
    wanted: str = "Strategy discussion held this week.",
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        BlockId.PARTNERSHIP.value: select_value(partnership),
        BlockId.CASE_REF.value: text_value(case_ref),
        BlockId.CATEGORY.value: select_value(category),
        BlockId.TRIED.value: text_value(tried),
        BlockId.OUTCOME_WANTED.value: text_value(wanted),
        BlockId.AGENCY_OTHER.value: text_value(other or ""),
    }
    if agency:
        fields[BlockId.AGENCY.value] = select_value(agency)
    if step:
        fields[BlockId.START_STEP.value] = select_value(step)
    return state(**fields)


def raise_one(slack, fake_slack, *, user: str = MANAGER, channel: str = ESC_CHANNEL, **values: Any) -> str:
    """Open the modal with /escalate, submit it, wait for the cards; return the new reference."""
    view = slack.open_modal("/escalate", user=user, channel=channel)

    def card_to_raiser(c) -> bool:  # type: ignore[no-untyped-def]
        return c["channel"] == user and str(c.get("text", "")).startswith("Escalation ESC-")

    before = len([c for c in fake_slack.calls_to("chat.postMessage") if card_to_raiser(c)])
    resp = slack.submit(view, raise_values(**values), user=user)
    assert resp.status == 200 and not resp.text, resp.text
    call = fake_slack.wait_for("chat.postMessage", card_to_raiser, count=before + 1)[-1]
    return str(call["text"]).split()[1].rstrip(":")


def eventually(check, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    """Listeners finish after the ack: poll until `check()` is truthy (and return it)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.02)
