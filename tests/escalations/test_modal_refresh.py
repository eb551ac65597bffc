"""Changing the partnership in the /escalate modal refreshes the agency list (block_actions from a view ->
views.update), keeping what was typed. Signed requests against the app on loopback and the local Slack API."""

from __future__ import annotations

import json
import time

from bot.escalations.agencies import choices as agency_choices
from bot.escalations.ids import VALUE, BlockId
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, PRACTITIONER, raise_values


def _options(view: dict, block: BlockId) -> list[str]:  # type: ignore[type-arg]
    found = [b for b in view["blocks"] if b.get("block_id") == block.value]
    return [o["value"] for o in found[0]["element"]["options"]] if found else []


def _element(view: dict, block: BlockId) -> dict:  # type: ignore[type-arg]
    return next(b["element"] for b in view["blocks"] if b.get("block_id") == block.value)


def _change_partnership(slack, view: dict, area: str, user: str, values: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    shown = {**view, "id": "V0PARTNER", "hash": "1700000000.abcd", "state": {"values": values}}
    resp = slack.action(VALUE, user=user, channel=None, block_id=BlockId.PARTNERSHIP.value, view=shown,
                        selected_option={"text": {"type": "plain_text", "text": area}, "value": area})
    assert resp.status == 200


def test_choosing_another_partnership_refreshes_agencies_and_keeps_typed_values(slack, fake_slack, workspace,
                                                                                  services):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    warrington = agency_choices(services.kb, "warrington")
    halton = agency_choices(services.kb, "halton")
    assert _options(view, BlockId.AGENCY) == warrington[:100] and set(halton) != set(warrington)
    partnership_block = next(b for b in view["blocks"] if b.get("block_id") == BlockId.PARTNERSHIP.value)
    assert partnership_block["dispatch_action"] is True
    typed = raise_values(partnership="halton", case_ref="LCS-777001", agency=warrington[0], other="",
                         tried="Two calls with the team manager.", wanted="A strategy meeting.")
    _change_partnership(slack, view, "halton", MANAGER, typed)
    (call,) = fake_slack.wait_for("views.update")
    new = call["view"] if isinstance(call["view"], dict) else json.loads(call["view"])
    assert (call["view_id"], call["hash"]) == ("V0PARTNER", "1700000000.abcd")
    assert _options(new, BlockId.AGENCY) == halton[:100]
    assert _element(new, BlockId.PARTNERSHIP)["initial_option"]["value"] == "halton"
    assert _element(new, BlockId.CASE_REF)["initial_value"] == "LCS-777001"
    assert _element(new, BlockId.TRIED)["initial_value"] == "Two calls with the team manager."
    assert _element(new, BlockId.OUTCOME_WANTED)["initial_value"] == "A strategy meeting."
    assert _element(new, BlockId.CATEGORY)["initial_option"]["value"] == "threshold"
    if warrington[0] not in halton:  # another partnership's agency is not kept as the choice
        assert "initial_option" not in _element(new, BlockId.AGENCY)
    assert json.loads(new["private_metadata"])["channel_id"] == ESC_CHANNEL
    # the refreshed form still submits: raised in Halton with Halton's route
    resp = slack.submit(new, raise_values(partnership="halton", agency=halton[0], other=""), user=MANAGER)
    assert resp.status == 200 and resp.text == "", resp.text
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == ESC_CHANNEL)[-1]
    assert "Halton" in str(card["blocks"]) and halton[0][:40] in str(card["blocks"])


def test_practitioner_or_unknown_partnership_gets_no_refresh(slack, fake_slack, workspace):
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    _change_partnership(slack, view, "halton", PRACTITIONER, raise_values())
    _change_partnership(slack, view, "atlantis", MANAGER, raise_values())
    time.sleep(0.3)  # the listener runs after the ack
    assert fake_slack.calls_to("views.update") == []
    _change_partnership(slack, view, "wirral", MANAGER, raise_values())  # the control: a manager gets one
    assert len(fake_slack.wait_for("views.update")) == 1
