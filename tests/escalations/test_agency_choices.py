"""The `/escalate` form offers the commonest targets first (children's social care, police, health) and never a
kind of membership as if it were an agency; a partnership picked in the form brings its own list."""

from __future__ import annotations

from bot.escalations.agencies import load
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, workspace  # noqa: F401  (fixture)


def _agency_options(view) -> list[str]:  # type: ignore[no-untyped-def]
    block = next(b for b in view["blocks"] if b.get("block_id") == "esc_agency")
    return [o["text"]["text"] for o in block["element"]["options"]]


def test_statutory_partners_first_and_no_membership_kinds(slack, fake_slack, db, workspace):  # noqa: F811
    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)  # a Warrington workspace
    options = _agency_options(view)
    assert options[:3] == load().first
    assert not [o for o in options if o.startswith("Local agencies")]
    assert "Citizens Advice" in options  # the knowledge base's relevant agencies follow
