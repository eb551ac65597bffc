"""The console's forms behave as Slack's modals: an answer to an input with `dispatch_action` goes to the app at
once, so the `/escalate` form offers the chosen partnership's agencies, not the user's own area's."""

from __future__ import annotations

from bot.console import TEAM_ID, Console
from tests.foundation.test_console import feed


def test_escalate_form_follows_the_partnership_picked(services):
    out: list[str] = []
    # the console's own area is Cheshire West and Chester; pick Wirral (4th), give a case reference, then leave
    lines = ("/as manager", "/escalate", "4", "LCS-204518", "/cancel", "/quit")
    Console(services, read=feed(*lines), write=out.append).run()
    text = "\n".join(out)
    after = text[text.index("│   4. Wirral"):]
    agencies = after[after.index("Agency the disagreement is with"):]
    wirral = {a.name for a in services.kb.relevant_agencies("wirral")}
    cwac_only = {a.name for a in services.kb.relevant_agencies("cheshire-west-and-chester")} - wirral
    assert cwac_only and sum(f". {name[:60]}" in agencies for name in wirral) >= len(wirral) // 2
    assert not [name for name in cwac_only if f". {name[:60]}" in agencies]
    assert "(form cancelled, nothing was sent)" in text


def test_a_reminder_posted_by_the_clock_shows_at_once_and_its_buttons_work(services):
    from datetime import timedelta

    from bot.escalations.blocks import reminder
    from bot.reminders.due import schedule_due
    from bot.reminders.engine import dispatch_once
    from bot.slack import make_client
    from bot.timeutil import now

    out: list[str] = []
    shown_before_next_request: list[bool] = []
    console: Console

    def read(prompt: str) -> str:
        if not shown_before_next_request:  # the clock fires while you are typing
            client = make_client(services.settings, token="xoxb-console", base_url=console.local.api_url)
            dispatch_once(services.db, client, grace_hours=6)  # whatever is due already (this week's digest)
            with services.db.session() as s:
                text = "ESC-2026-900: step 1 window closes tomorrow."
                schedule_due(s, team_id=TEAM_ID, source="escalation", source_ref="ESC-2026-900", key="k",
                             due_at=now() - timedelta(minutes=1), channel_id="CESCALATE01", thread_ts=None,
                             text=text, blocks=reminder("ESC-2026-900", text, has_next=True))
            dispatch_once(services.db, client, grace_hours=6)
            shown_before_next_request.append(any("ESC-2026-900: step 1 window closes" in line for line in out))
            return "/click 2"  # the reminder's second button
        raise EOFError

    console = Console(services, read=read, write=out.append)
    console.run()
    assert shown_before_next_request == [True]
    text = "\n".join(out)
    assert "Nothing to click" not in text
    assert "ESC-2026-900" in text[text.index("window closes tomorrow") + 1:]  # the app answered the click
