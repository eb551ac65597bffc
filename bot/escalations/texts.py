"""Message templates for escalations. References, step names and dates only in anything timed or logged."""

from __future__ import annotations

from datetime import date

from bot.timeutil import format_date

HELP_TITLE = "*Escalations* (professional differences with another agency)"
HELP_FOOTER = "Never type a child's name or details: use the anonymised case reference."
SUMMARY = ("*Professional differences*\n• `/escalate` — raise an escalation about another agency's decision "
           "(managers and leads)\n• `/escalate list` — your open escalations")

PRACTITIONER_ADVICE = (
    "*Start with your line manager or safeguarding lead.* They raise escalations with the bot; "
    "talk the disagreement through with them first. This is your partnership's route:"
)
NO_ROUTE = "I don't have an escalation route for {area} in the knowledge base yet. Ask your business unit."
NO_PARTNERSHIP = "Which partnership are you in? Set it with `/safeguarding area <partnership>` and try again."
NOT_FOUND = "I can't find escalation `{ref}` in this workspace."
NOT_YOURS = ("Only the person who raised {ref} or the partnership's business unit can change it. "
             "Nothing was changed.")
NOTIFY_SENT = ("I've let <@{manager}> know you'd like to talk about a professional disagreement. "
               "No case details were shared.")
NOTIFY_NOT_SENT = ("I couldn't send your message to <@{manager}> just now (Slack refused it). Please contact them "
                   "directly, or try again in a few minutes.")
NOTIFY_DM = ("<@{user}> would like to talk to you about a professional disagreement with another agency. "
             "If it needs escalating, you can raise it with `/escalate`. (No case details are shared here.)")
NO_WINDOW = "No deadline: the route's document gives no day window for this step"
CARD_NOT_SENT = ("{ref} is stored, but Slack refused its card just now. Please don't raise it again: "
                 "`/escalate show {ref}` shows it, and the card comes with its next change.")
CARD_NOT_PLACED = ("Your card for {refs} has not reached your DMs yet: each is stored, so please don't raise it "
                   "again; the card follows with its next change.")
RAISED = "Raised {ref}: step {step} ({title}). {window} I've sent you the card."
DONE = {
    "advance": "{ref} moved to step {step} ({title}). {window}",
    "note": "Note added to {ref}.",
    "resolve": "{ref} is resolved.",
    "withdraw": "{ref} is withdrawn.",
}
TEXT_LABEL = {
    "advance": "Why escalate to the next step?",
    "note": "Note",
    "resolve": "Outcome",
    "withdraw": "Why withdraw it? (optional)",
}
MODAL_TITLE = {"advance": "Next step", "note": "Add a note", "resolve": "Resolve", "withdraw": "Withdraw"}
BUTTON = {"advance": "Escalate to next step", "note": "Add note", "resolve": "Resolve", "withdraw": "Withdraw"}
NEEDS_TEXT = "Add {what}: `/escalate {word} ESC-YYYY-NNN <{what}>`."


def window_line(due: date | None) -> str:
    return f"The step's window closes *{format_date(due)}*." if due else NO_WINDOW + "."


def reminder_text(ref: str, step: int, title: str, due: date | None, *, closing: bool, has_next: bool) -> str:
    when = format_date(due) if due else "-"
    offer = " You can escalate it to the next step." if has_next else " This is the route's last step."
    if closing:
        return f"{ref}: the window for step {step} ({title}) closes on {when}, the next working day.{offer}"
    return (f"{ref}: the window for step {step} ({title}) closed on {when}.{offer}"
            " I'll remind you each working day while it stays open.")
