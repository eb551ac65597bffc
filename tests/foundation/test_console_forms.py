"""The console's forms behave as Slack's modals: an answer to an input with `dispatch_action` goes to the app at
once, so the `/escalate` form offers the chosen partnership's agencies, not the user's own area's."""

from __future__ import annotations

from bot.console import Console
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
