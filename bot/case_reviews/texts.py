"""What case reviews say, kept apart from the logic."""

from __future__ import annotations

HELP_TITLE = "*Case reviews* — serious child safeguarding incidents (Working Together 2018)"
HELP_FOOTER = "Never put a child's or family member's name or details anywhere: the reference is the only identifier."
SUMMARY = ("*Serious incidents*\n• `/case-review` — notify a possible serious child safeguarding case\n"
           "• `/case-review list` · `/case-review show CR-YYYY-NNN` — business unit")

CRITERIA_NOT_MET = (
    "A serious child safeguarding case needs abuse or neglect known or suspected AND the child has died or "
    "been seriously harmed. If that isn't the case, it may still be right for a local learning review: "
    "talk to your safeguarding lead or the partnership business unit."
)
CRITERIA_REQUIRED = "Tick what applies: abuse or neglect known or suspected, and died or seriously harmed."
DATE_FUTURE = "This date is in the future."
AWARE_BEFORE_INCIDENT = "The local authority can't have become aware before the incident happened."
DATE_REQUIRED = "Choose a date."
RATIONALE_REQUIRED = "Give the rationale for this decision (no names or identifying details)."
PUBLICATION_BEFORE = "Planned publication must be after this date."

NO_CHANNEL = (
    "The business unit has not configured its channel yet, so no case card was posted. Your notification "
    "IS stored as *{ref}* and shows in `/case-review list`; please let the business unit know."
)
STORED_NOT_CONFIRMED = (
    "Your notification IS stored as *{ref}*: please don't submit it again. Something went wrong after it was "
    "saved, so its card or your deadlines may follow later; the business unit sees it in `/case-review list`."
)
CARD_FAILED = (
    "Your notification IS stored as *{ref}*, but the case card could not be posted to the business-unit "
    "channel (is the bot invited there?). It shows in `/case-review list`."
)
YOURS_OPEN = ("You have notified {refs} (still open): each is stored, so please don't notify it again. "
              "Something new about one of them? Tell the business unit and give the reference.")
NOT_FOUND = "There is no case {ref} in this workspace."
USAGE_SHOW = "Which case? Use `/case-review show CR-YYYY-NNN`."
STALE = "{ref} has moved on (now: {state}); nothing was changed. The card shows what can happen next."
NO_CHANGES = "No dates were changed."
NO_OPEN = "No open case reviews."
CLOSED_ALREADY = "{ref} is closed; its dates can no longer be changed."

# Cheshire West and Chester, arrangements (000) section 8.
CWAC_DCS_RULE = (
    "*Cheshire West and Chester (Our new arrangements, s.8):* if the DCS wishes to submit a Serious Incident "
    "Notification but the CCG and Police do not, the DCS will proceed; if there is a majority view to proceed "
    "but the DCS doesn't share the view, the DCS will nevertheless submit the Serious Incident Notification."
)
