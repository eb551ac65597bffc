"""What reminders say. Names of groups, references, step names and dates only: never case detail."""

from __future__ import annotations

HELP_TITLE = "*Reminders*"
HELP_FOOTER = ("A meeting on the 29th, 30th or 31st (or \"every 6 months\" from one) is on the last day of shorter "
               "months.")
QUICK_ADD = ("`/reminders add <name> | <recurrence> | <first date YYYY-MM-DD> | <time> | <days before> | "
             "<papers working days> | <link>`, e.g. "
             "`/reminders add QA and Scrutiny Group | every 2 months on the second Tuesday | 2026-01-01 | 10:00 | "
             "7,1 | 5`")
SUMMARY = "*Reminders*\n• `/reminders add` · `/reminders list` — meetings, papers and deadlines for a group channel"

ADDED = "Reminder #{id} set up: *{name}* {rule}. Next reminder {next}."
EDITED = "Reminder #{id} changed: *{name}* {rule}. Next reminder {next}."
GONE = "This reminder has been deleted since the form was opened; nothing was saved."
NEEDS_CHANNEL = (
    "Reminders are posted in a channel: run this in that channel, or use `/reminders add` on its own to pick the "
    "channel in the form. Nothing was saved."
)
NOTHING_HERE = "No reminders for this channel yet. `/reminders add` sets one up."
NOT_FOUND = "There is no reminder #{id} here. `/reminders list` shows their numbers."
NOT_A_NUMBER = "Give the reminder's number, e.g. `#12`: `/reminders list` shows them."
PAUSED = "Reminder #{id} (*{name}*) paused. `/reminders resume {id}` starts it again."
RESUMED = "Reminder #{id} (*{name}*) resumed. Next reminder {next}."
DELETED = "Reminder #{id} (*{name}*) deleted."
SKIPPED = "The *{name}* meeting on {meeting} is skipped; its reminders will not be sent. Next reminder {next}."
NOTHING_TO_SKIP = "Reminder #{id} has no meeting left to skip."
NO_NEXT = "none (finished)"
NO_NEXT_PAUSED = "none while paused (`/reminders resume {id}`)"
SNOOZED = "Snoozed: I'll remind this channel again {when}."
SNOOZE_GONE = "That reminder no longer exists."
CONFIRM_ELSEWHERE = ("(I couldn't confirm this in <#{channel}>: if I'm not a member there, invite me with "
                     "`/invite @Safeguarding` or the reminders will fail.)")
SNOOZE_ELSEWHERE = "Snooze a reminder from the channel it was posted in."
NOT_IN_CHANNEL = (
    "I couldn't post the reminder *{what}* in <#{channel}>: I'm not a member of that channel. "
    "Invite me with `/invite @Safeguarding` in the channel; the reminder is recorded as failed in `/reminders list`."
)
SEND_FAILED = "I couldn't post the reminder *{what}* in <#{channel}> after several tries ({error}). Nothing was sent."
DIGEST_TITLE = "Weekly safeguarding digest: week of {monday}"
DIGEST_NONE_OPEN = "No open case reviews or escalations."
DIGEST_NO_MEETINGS = "No meetings this week."
NOT_YOURS = ("Only the person who set up this reminder, a safeguarding lead of its partnership or an admin can"
             " change it, from the channel it posts in. Nothing was changed.")
OTHER_PARTNERSHIP = ("That channel belongs to another partnership: a reminder goes only to a channel of your own "
                     "partnership (an admin can place one anywhere). Nothing was saved.")
NOT_THIS_CHANNELS_GROUP = ("That group is not one of this channel's partnership's groups: choose one from the list "
                           "again, or type a name. Nothing was saved.")
QA_PACK_EDIT = ("#{id} is the business unit's scheduled QA pack: change when it is posted with "
                "`/safeguarding report schedule <when>` (e.g. `monthly`); pause, skip or delete it here as usual.")
