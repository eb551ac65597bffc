"""Block, action and view ids for reminders, and the modal's private metadata."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

# One limit on a series' name for every entry point (modal, one-line forms, edit), checked in service.validate:
# a longer name would be refused by Slack on every post, and overflows the database column on PostgreSQL.
NAME_MAX = 150


class ViewId(StrEnum):
    ADD = "reminders_add"


class Block(StrEnum):
    GROUP = "rem_group"
    NAME = "rem_name"
    CHANNEL = "rem_channel"
    RECURRENCE = "rem_recurrence"
    FIRST_DATE = "rem_first_date"
    TIME = "rem_time"
    DAYS_BEFORE = "rem_days_before"
    PAPERS = "rem_papers"
    LINK = "rem_link"


class Action(StrEnum):
    GROUP = "rem_group_pick"
    NAME = "rem_name_input"
    CHANNEL = "rem_channel_pick"
    RECURRENCE = "rem_recurrence_input"
    FIRST_DATE = "rem_first_date_pick"
    TIME = "rem_time_pick"
    DAYS_BEFORE = "rem_days_before_input"
    PAPERS = "rem_papers_input"
    LINK = "rem_link_input"
    SNOOZE_HOUR = "rem_snooze_hour"
    SNOOZE_TOMORROW = "rem_snooze_tomorrow"
    SNOOZE_NEXT_WORKING_DAY = "rem_snooze_next_working_day"


SNOOZE_ACTIONS = (Action.SNOOZE_HOUR, Action.SNOOZE_TOMORROW, Action.SNOOZE_NEXT_WORKING_DAY)


class AddMetadata(BaseModel):
    """What the modal needs back on submit (Slack gives the view, not the command's channel).

    It comes back from the client, so it decides nothing about where a series goes or whose it is: the channel picked
    in the form and the server's record of that channel do (handlers/reminders.py). `channel_id` only preselects
    the picker; `series_id` names the series to edit, checked against its owner on submit."""

    channel_id: str
    series_id: int | None = None  # set by `/reminders edit <id>`: the same form saves over that series
