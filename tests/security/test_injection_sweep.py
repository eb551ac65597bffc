"""Red team, fifth session: every command and verb given text that tries to ping, disguise a link, break
formatting or carry a child's details. Whatever comes back (replies, posts, modals) must show it as text:
never a live `<!channel>` / `<!here>` / `<!everyone>`, never `<https://...|label>` made from what was typed,
and never the child's details echoed. Run as an admin (the widest permission) over signed HTTP."""

from __future__ import annotations

import json
import re
import time

import pytest

from bot.authz import Role, grant
from bot.partnerships import get_workspace
from tests.conftest import ADMIN, TEAM_ID

INJECT = ("<!channel> <!here|here> <!everyone> <https://evil.example|Click here> *bold* _it_ `code` "
          "&amp; & \u200b\u202eRTL\u202c")
CHILD = "Kayla Nowak 22 Elm Grove"
LIVE = re.compile(r"<!(channel|here|everyone)|<https://evil")

COMMANDS = [
    ("/safeguarding", "{x}"),
    ("/safeguarding", "area {x}"),
    ("/safeguarding", "topics {x}"),
    ("/safeguarding", "report {x}"),
    ("/safeguarding", "admin {x}"),
    ("/safeguarding", "admin partnership {x}"),
    ("/safeguarding", "admin channel {x}"),
    ("/safeguarding", "admin grant {x} manager"),
    ("/safeguarding", "admin grant <@UOTHER001> {x}"),
    ("/safeguarding", "admin revoke {x}"),
    ("/safeguarding", "admin business-unit {x}"),
    ("/safeguarding", "admin escalation-channel {x}"),
    ("/safeguarding", "kb {x}"),
    ("/safeguarding", "{x} help"),
    ("/case-review", "show {x}"),
    ("/case-review", "list {x}"),
    ("/case-review", "{x}"),
    ("/escalate", "show {x}"),
    ("/escalate", "note {x}"),
    ("/escalate", "note ESC-2026-001 {x}"),
    ("/escalate", "advance {x}"),
    ("/escalate", "resolve ESC-2026-001 {x}"),
    ("/escalate", "withdraw {x}"),
    ("/escalate", "list {x}"),
    ("/escalate", "route {x}"),
    ("/escalate", 'contacts add "{x}" <@UOTHER001>'),
    ("/escalate", 'contacts remove "{x}"'),
    ("/escalate", "contacts {x}"),
    ("/escalate", "{x}"),
    ("/reminders", "{x}"),
    ("/reminders", "add {x} | every month on the first Monday | 2030-01-07"),
    ("/reminders", "add Forum | {x} | 2030-01-07"),
    ("/reminders", "add Forum | every month on the first Monday | {x}"),
    ("/reminders", "add Forum | every month on the first Monday | 2030-01-07 | {x}"),
    ("/reminders", "add Forum | every month on the first Monday | 2030-01-07 | 10:00 | 7 | 5 | https://x.example/{x}"),
    ("/reminders", "once 2030-01-07 10:00 {x}"),
    ("/reminders", "once {x}"),
    ("/reminders", "edit {x}"),
    ("/reminders", "pause {x}"),
    ("/reminders", "resume {x}"),
    ("/reminders", "delete {x}"),
    ("/reminders", "skip {x}"),
    ("/reminders", "list {x}"),
]


def _seen(fake_slack, before: int) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 5
    while len(fake_slack.calls) <= before and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # a second reply or post may follow
    return json.dumps([c.params for c in fake_slack.calls[before:]], ensure_ascii=False)


@pytest.mark.parametrize("configured", [False, True], ids=["new-workspace", "configured"])
@pytest.mark.parametrize(("command", "template"), COMMANDS)
def test_typed_text_never_pings_links_or_echoes_a_child(slack, fake_slack, db, errors_logged, command, template,
                                                        configured):
    with db.session() as s:
        grant(s, TEAM_ID, ADMIN, Role.BUSINESS_UNIT)
        if configured:  # a partnership and channels set: the verbs that need them go further
            ws = get_workspace(s, TEAM_ID)
            ws.partnership, ws.business_unit_channel, ws.escalation_channel = "halton", "CBU00001", "CESCALATE1"
    for text in (template.format(x=INJECT), template.format(x=CHILD)):
        before = len(fake_slack.calls)
        assert slack.command(command, text, user=ADMIN, channel="CGROUP01").status == 200
        out = _seen(fake_slack, before)
        assert out != "[]", "no reply at all"
        assert not LIVE.search(out), (text, LIVE.search(out), out[:600])
        assert "Nowak" not in out and "Elm Grove" not in out, (text, out[:600])
    assert errors_logged() == []


MARKER = "Quokkamarker"


def test_no_typed_text_in_logs_at_debug_for_any_command(slack, fake_slack, db, debug_logs):
    """Every command above, with a harmless marker word where the text goes, the production log at DEBUG:
    the marker never appears in a log line (ids, states and outcomes only)."""
    with db.session() as s:
        grant(s, TEAM_ID, ADMIN, Role.BUSINESS_UNIT)
    for command, template in COMMANDS:
        before = len(fake_slack.calls)
        slack.command(command, template.format(x=f"{MARKER} forum"), user=ADMIN, channel="CGROUP01")
        _seen(fake_slack, before)
    slack.dm(f"what is the threshold for {MARKER} forum")
    slack.mention(f"<@UBOT> who chairs the {MARKER} group")
    time.sleep(0.5)
    assert any("escalation.refused" in r.getMessage() for r in debug_logs.records)  # the capture works
    assert MARKER.lower() not in debug_logs.text.lower()
