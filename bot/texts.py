"""Message templates shared across capabilities (each capability keeps its own in its package)."""

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

Never type a child's name or details: use an anonymised reference. \
If a child is in immediate danger, call 999."""
