"""Message templates shared across capabilities (each capability keeps its own in its package)."""

from knowledge.partnerships import PARTNERSHIPS

DB_UNAVAILABLE = (
    ":warning: The safeguarding bot is temporarily unavailable. Nothing was saved. Please try again in a minute."
)
SOMETHING_WENT_WRONG = ":warning: Something went wrong on our side. Nothing was saved. Please try again."
EMERGENCY_LINE = ":rotating_light: *If a child is in immediate danger, call 999.*"

HELP = """*Safeguarding assistant* — answers from your partnership's published arrangements.

*Ask a question*
• DM me, @mention me in a channel, or type `/safeguarding <question>`
• `/safeguarding topics` — browse what I know
*Serious incidents*
• `/case-review` — notify a possible serious child safeguarding case
• `/case-review list` · `/case-review show CR-YYYY-NNN` — business unit
*Professional differences*
• `/escalate` — raise an escalation about another agency's decision (managers and leads)
• `/escalate list` — your open escalations
*Reminders*
• `/reminders add` · `/reminders list` — meetings, papers and deadlines for a group channel
*Settings*
• `/safeguarding area <partnership>` — set your own area
• `/safeguarding admin help` — workspace configuration (admins)

The answers come from the partnerships' published arrangements of 2019 (and Cheshire West and Chester's \
2017-18 annual report); they may have changed since, so check anything important with your partnership.

Never type a child's name or details: use an anonymised reference. \
If a child is in immediate danger, call 999."""


def area_question(candidates: tuple[str, ...], typed: bool) -> str:
    """`/safeguarding area ...` that named no one partnership: ask between the near ones, else list all four."""
    if candidates:
        options = " or ".join(f"*{PARTNERSHIPS[s]}* (`/safeguarding area {s}`)" for s in candidates)
        return f"Which area did you mean: {options}?"
    names = ", ".join(PARTNERSHIPS.values())
    lead = "I don't know that area. " if typed else ""
    return f"{lead}I cover {names}. Use `/safeguarding area <area>`, e.g. `/safeguarding area cheshire west`."
