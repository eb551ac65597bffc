"""What knowledge upkeep says to people."""

from __future__ import annotations

HELP_TITLE = "*Keeping the answers current* (business unit and admins of the partnership)"
SUMMARY = ("• `/safeguarding kb [words]` — the business unit finds an entry of its partnership, edits it as a draft "
           "a second person approves, writes a new one, retires or reverts one")
NO_AREA = ("I don't know which partnership you edit. Ask an admin to set the workspace's partnership, or set "
           "yours with `/safeguarding area`.")
SHIPPED_ONLY = ("This workspace answers from the shipped knowledge files only: no change has been approved here yet. "
                "Changes approved in another workspace or deployment are never copied in. To start from theirs, an "
                "admin runs `safeguarding-bot kb export --team <theirs> --out DIR` there, then `safeguarding-bot kb "
                "import DIR --team {team} --as <user> --reason \"...\"` here: each entry is a draft approved here.")
NOTHING_FOUND = "No entry of {area} matches _{words}_. Try other words, or browse a topic."
GONE = "That entry is not in the knowledge base any more."
DRAFT_GONE = "That draft no longer exists."
DRAFT_SAVED = ("Draft saved: *{title}* ({change}). It goes live when {who} approves it in the business unit "
               "channel{where}.")
SECOND_PERSON = "a second person of the business unit"
ANYONE = "someone of the business unit (you may approve it yourself: this partnership has single approval)"
NO_CHANNEL = (" No business-unit channel is set, so the card is here in your DMs: ask an admin to set one "
              "(`/safeguarding admin`).")
OWN_DRAFT = "You wrote this draft: a second person of the business unit must approve it."
NOT_PENDING = "This draft was already {state}."
STALE = ("The entry changed since this draft was written (version {now}, the draft was written against version "
         "{then}). Reject it and edit the entry again.")
APPROVED_DM = "Your draft for *{title}* was approved by <@{by}> and is live now (version {version})."
REJECTED_DM = "Your draft for *{title}* was rejected by <@{by}>. Nothing changed."
APPROVALS_USAGE = "Usage: `/safeguarding kb approvals single|two [partnership]` (admins)."
APPROVALS_SET = "{area} now needs {rule} before a knowledge change goes live."
GAPS_USAGE = "Usage: `/safeguarding kb gaps channel|dm [partnership]` (admins)."
GAPS_SET = "{area}: the weekly questions without an answer now go {where}."
GAPS_CHANNEL = "to the business-unit channel (redacted questions, read by everyone in it)"
GAPS_DM = "by DM to each business-unit member"
ONE_PERSON = "one person (the author may approve their own draft)"
TWO_PEOPLE = "two people (the author and a second approver)"
REASON_HINT = "One line: why this change (kept in the entry's history, never in the audit log)."
RETIRE_INTRO = ("*Retire {title}*\nIt stops answering once a second person approves; its history is kept and it "
                "can be brought back with Revert.")
REVERT_INTRO = "*Revert {title} to version {version}*\nThat version's text goes live again once approved."
NEW_SOURCE_HINT = "A seed document, a public document with a link, or \"partnership business unit, <date>\"."
REFUSE_RETIRE_LINKED = "It cannot be retired: {others} link to it (see also). Edit those first."
REFUSE_RETIRE_SAFETY = "A front door cannot be retired: the safety reply names it. Edit it instead."
REFUSE_EXISTS = "An entry with this id already exists."
REFUSE_DUPLICATE = ("Not approved, nothing changed: an entry with this id already exists (another draft of it went "
                    "live first), and ids must be unique.")
REFUSE_BREAKS = "Not approved, nothing changed: it would break the knowledge base ({why})."
REFUSE_NOT_RETIRED = "Nothing to do: the entry already reads like that."
STILL_RIGHT_REASON = "Still right (reviewed from the monthly list)"
STILL_RIGHT = "Thanks: *{title}* is marked still right; next review {day}."
