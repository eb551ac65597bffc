"""Text is text, channels get structured fields, the audit keeps no typed text: over signed HTTP."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from bot.authz import Role, grant
from bot.escalations.ids import BlockId as EscBlock
from bot.mrkdwn import escape, literal
from storage.core import AuditLog
from tests.case_reviews.helpers import blocks_of
from tests.conftest import TEAM_ID
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, eventually, raise_one, workspace  # noqa: F401
from tests.slackclient import state, text_value

PING = "<!channel> see <https://evil.example|Click here> & co"
RAW_AMP = re.compile(r"&(?!amp;|lt;|gt;)")


def _reply(fake_slack, before: int) -> str:  # type: ignore[no-untyped-def]
    call = fake_slack.wait_for("response_url", count=before + 1)[-1]
    return json.dumps(call.params)


def test_escape_and_literal():
    assert escape(PING) == "&lt;!channel&gt; see &lt;https://evil.example|Click here&gt; &amp; co"
    assert literal("`/x <partnership>` & <@U1> <#C1> <https://a.b/?x=1|Open>") == \
        "`/x &lt;partnership&gt;` &amp; <@U1> <#C1> <https://a.b/?x=1|Open>"
    assert literal(escape(PING)) == escape(PING)  # idempotent on escaped text
    assert "<!channel>" not in literal("<!channel>")


def test_reminder_name_never_pings_or_links(slack, fake_slack, db):
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    slack.command("/reminders", "add Forum <!channel> <https://evil.example> & co | every month on the first "
                  "Monday | 2030-01-06", user=MANAGER, channel="CREMIND01")
    added = _reply(fake_slack, 0)
    slack.command("/reminders", "list", user=MANAGER, channel="CREMIND01")
    listed = _reply(fake_slack, 1)
    for out in (added, listed):
        assert "<!channel>" not in out and "<https://evil" not in out
        assert "&lt;!channel&gt;" in out and "&amp; co" in out


@pytest.mark.usefixtures("workspace")
def test_escalation_channel_card_has_no_free_text_and_the_full_card_is_escaped(slack, fake_slack, db):
    ref = raise_one(slack, fake_slack, tried="Tried twice " + PING, wanted="Wanted Quollwanted meeting")
    cards = fake_slack.wait_for("chat.postMessage", lambda c: str(c.get("text", "")).startswith("Escalation"),
                                count=2)
    by_channel = {c["channel"]: json.dumps(blocks_of(c)) for c in cards}
    channel_card, dm_card = by_channel[ESC_CHANNEL], by_channel[MANAGER]
    assert "Tried twice" not in channel_card and "Quollwanted" not in channel_card  # structured fields only
    assert ref in channel_card and "Warrington" in channel_card
    assert "Tried twice" in dm_card and "Quollwanted" in dm_card  # the raiser sees what they wrote
    assert "<!channel>" not in dm_card and "&lt;!channel&gt;" in dm_card and "<https://evil" not in dm_card
    # a note: on the raiser's card, escaped; never on the channel's
    slack.action("escalation_note", ref, user=MANAGER, channel=ESC_CHANNEL,
                 message={"ts": "1.000001", "type": "message", "text": ""})
    view = fake_slack.wait_for("views.open", count=2)[-1]["view"]
    note = "Numbatnote " + PING
    assert not slack.submit(view, state(**{EscBlock.TEXT.value: text_value(note)}), user=MANAGER).text
    def after_note():  # type: ignore[no-untyped-def]  # the cards are updated or posted again
        calls = [c for c in fake_slack.calls if c.method in ("chat.update", "chat.postMessage")][2:]
        # the raiser's card lives in the DM Slack opened for it (D...), where chat.postMessage to the user id put it
        return calls if {c["channel"] for c in calls} >= {ESC_CHANNEL, "D" + MANAGER} else None

    updates = eventually(after_note)
    assert updates, [(c.method, c.get('channel')) for c in fake_slack.calls]
    for call in updates:
        out = json.dumps(blocks_of(call))
        assert "<!channel>" not in out
        assert ("Numbatnote" in out) == (call["channel"] != ESC_CHANNEL)


def test_help_placeholders_and_knowledge_ampersands_render_as_written(slack, fake_slack):
    slack.command("/safeguarding", "help")
    help_text = json.loads(_reply(fake_slack, 0))["text"]
    assert "&lt;partnership&gt;" in help_text and "<partnership>" not in help_text
    slack.dm("who are the relevant agencies in cheshire west and chester")
    call = fake_slack.wait_for("chat.postMessage")[-1]
    text = "".join(b.get("text", {}).get("text", "") for b in blocks_of(call) if b.get("type") == "section")
    assert "Training &amp; Development Hub" in text
    assert not RAW_AMP.search(text)


@pytest.mark.parametrize(("command", "text", "action"), [
    ("/case-review", "show Ocelotmarker-typed-text", "case_review.refused"),
    ("/case-review", "show CR-2026-001 Ocelotmarker", "case_review.refused"),
    ("/reminders", "delete Ocelotmarker-typed-text", "reminder.refused"),
    ("/reminders", "pause #Ocelotmarker", "reminder.refused"),
])
def test_refused_commands_audit_no_typed_text(slack, fake_slack, db, command, text, action):
    slack.command(command, text, user="UPRACT01")
    fake_slack.wait_for("response_url")

    def rows():  # type: ignore[no-untyped-def]
        with db.session() as s:
            return [(r.entity_id, r.after) for r in s.scalars(select(AuditLog).where(AuditLog.action == action))]

    (entity_id, after), = eventually(rows)
    assert "ocelot" not in json.dumps([entity_id, after]).lower()
    assert entity_id in ("invalid", "CR-2026-001")
