"""Block Kit for reminders: the posted reminder, the add modal, the list, the weekly digest."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot import blockkit as bk
from bot import listing
from bot.mrkdwn import escape
from bot.reminders import texts
from bot.reminders.ids import NAME_MAX, Action, AddMetadata, Block, ViewId
from bot.reminders.recurrence import describe
from bot.reminders.schedule import Point
from bot.reminders.states import Series
from bot.summary import OpenItem
from bot.timeutil import format_date, to_london

Blocks = list[dict[str, Any]]


def when(moment: datetime) -> str:
    """'Tue 10 Mar 2026 at 10:00': London, with the weekday."""
    local = to_london(moment)
    return f"{format_date(local.date())} at {local:%H:%M}"


def reminder_message(name: str, point: Point, link: str | None, kind: str) -> tuple[str, Blocks]:
    """The text (notification fallback) and blocks of one reminder; the typed name and link are escaped."""
    meeting, name = when(point.meeting_at), escape(name)
    if point.kind == "at":
        headline = f"⏰ Reminder: *{name}*"
    elif point.kind == "papers":
        headline = f"📄 Papers due today for *{name}* (meeting {meeting})"
    elif point.days_before == 0:
        headline = f"📅 *{name}* meets today"
    else:
        n = point.days_before
        headline = f"📅 *{name}* meets in {n} day{'s' if n != 1 else ''}"
    fields = [f"*When*\n{meeting}"]
    if link:
        fields.append(f"*Agenda and papers*\n<{escape(link).replace('|', '%7C')}|Open>")
    if point.papers_due is not None and kind == "meeting":
        fields.append(f"*Papers due*\n{format_date(point.papers_due)}")
    blocks: Blocks = [bk.fields(*fields, text=headline)]
    text = f"{headline.replace('*', '')}: {meeting}"
    if point.papers_due is not None and kind == "meeting":
        text += f". Papers due {format_date(point.papers_due)}"
    return text, blocks


def snooze_actions(occurrence_id: int) -> dict[str, Any]:
    value = str(occurrence_id)
    return bk.actions(f"rem_snooze_{occurrence_id}", [
        bk.button(Action.SNOOZE_HOUR, "Snooze 1 hour", value),
        bk.button(Action.SNOOZE_TOMORROW, "Tomorrow", value),
        bk.button(Action.SNOOZE_NEXT_WORKING_DAY, "Next working day", value),
    ])


def with_snooze(blocks: Blocks | None, text: str, occurrence_id: int) -> Blocks:
    base = list(blocks) if blocks else [bk.section(text)]
    return [*base, snooze_actions(occurrence_id)]


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = True,
           hint: str | None = None) -> dict[str, Any]:
    """An input whose element carries its own action id (read back with bot.modals.answers)."""
    return bk.input_block(block_id, label, element, optional=optional, hint=hint)


def _prefill(blocks: Blocks, values: dict[str, str]) -> None:
    """Put a series' current answers into the form (`/reminders edit`)."""
    keys = {"plain_text_input": "initial_value", "datepicker": "initial_date", "timepicker": "initial_time",
            "conversations_select": "initial_conversation"}
    for block in blocks:
        element = block["element"]
        value = values.get(block["block_id"])
        if element["type"] == "static_select":
            chosen = [o for o in element["options"] if o["value"] == value]
            if chosen:
                element["initial_option"] = chosen[0]
        elif value:
            element[keys[element["type"]]] = value
        elif element["type"] == "plain_text_input":
            element.pop("initial_value", None)  # an empty answer stays empty (a one-off has no "days before")


def _channel_picker(channel_id: str | None) -> dict[str, Any]:
    """Channels only; preselected only with a channel (never a DM, which the picker cannot offer)."""
    el: dict[str, Any] = {"type": "conversations_select", "action_id": Action.CHANNEL,
                          "filter": {"include": ["public", "private"], "exclude_bot_users": True}}
    if channel_id and channel_id.startswith(("C", "G")):
        el["initial_conversation"] = channel_id
    return el


def add_modal(meta: AddMetadata, groups: list[tuple[str, str | None]],
              values: dict[str, str] | None = None) -> dict[str, Any]:
    """The `/reminders add` form; `groups` are (name, frequency) from the knowledge base. With `values` (block id
    -> current answer) and `meta.series_id` it is the edit form for that series."""
    blocks: Blocks = []
    if groups:
        select = bk.static_select(((name, bk.cut(name, 60) + (f" ({freq})" if freq else "")) for name, freq in groups),
                                  placeholder="Choose a group")
        blocks.append(_input(Block.GROUP, "Group (from your partnership's arrangements)",
                             {**select, "action_id": Action.GROUP},
                             hint="Fills the name, and how often it meets if you leave that empty."))
    blocks += [
        _input(Block.NAME, "Or a name / what to remind about",
               {"type": "plain_text_input", "action_id": Action.NAME, "max_length": NAME_MAX},
               hint="Group or meeting names only: never a child's or family member's details."),
        _input(Block.CHANNEL, "Post in", _channel_picker(meta.channel_id), optional=False),
        _input(Block.RECURRENCE, "How often (empty for a one-off)",
               {"type": "plain_text_input", "action_id": Action.RECURRENCE, "max_length": 200,
                "placeholder": bk.plain("every 2 months on the second Tuesday at 10:00", bk.PLACEHOLDER)},
               hint="e.g. quarterly on the first Monday · monthly on the last Friday at 14:30 · monthly on the 31st "
                    "(shorter months: their last day)"),
        _input(Block.FIRST_DATE, "First date (or starting from)",
               {"type": "datepicker", "action_id": Action.FIRST_DATE}, optional=False),
        _input(Block.TIME, "Time (London)", {"type": "timepicker", "action_id": Action.TIME, "initial_time": "10:00"}),
        _input(Block.DAYS_BEFORE, "Remind how many days before",
               {"type": "plain_text_input", "action_id": Action.DAYS_BEFORE, "initial_value": "7,1"},
               hint="Comma-separated, e.g. 7,1. 0 means on the day. Empty for a one-off means at the time itself."),
        _input(Block.PAPERS, "Papers due (working days before)",
               {"type": "plain_text_input", "action_id": Action.PAPERS,
                "placeholder": bk.plain("e.g. 5", bk.PLACEHOLDER)}),
        _input(Block.LINK, "Agenda / papers link",
               {"type": "plain_text_input", "action_id": Action.LINK,
                "placeholder": bk.plain("https://...", bk.PLACEHOLDER)}),
    ]
    if values is not None:
        _prefill(blocks, values)
    editing = meta.series_id is not None
    return bk.modal(ViewId.ADD, f"Edit reminder #{meta.series_id}" if editing else "Add a reminder",
                    "Save changes" if editing else "Save", blocks, meta)


FIELD_LABELS = {Block.NAME: "Name", Block.RECURRENCE: "How often", Block.FIRST_DATE: "First date",
                Block.TIME: "Time", Block.DAYS_BEFORE: "Days before", Block.PAPERS: "Papers due",
                Block.LINK: "Link", Block.CHANNEL: "Channel"}


def errors_text(errors: dict[str, str]) -> str:
    """A one-line form's field problems as a reply (the modal shows them under each field instead)."""
    return "Nothing was saved:\n" + "\n".join(f"• *{FIELD_LABELS.get(k, k)}*: {v}" for k, v in errors.items())


def next_label(row: Any) -> str:
    """When the series next reminds; a paused one says so (never "none (finished)")."""
    if row.state == Series.PAUSED:
        return texts.NO_NEXT_PAUSED.format(id=row.id)
    return when(row.next_due_at) if row.next_due_at else texts.NO_NEXT


def rule_words(row: Any) -> str:
    return f"({describe(row.rule)} at {row.at_time})" if row.rule else f"(once, {row.first_date})"


def problem_line(o: Any) -> str:
    """One missed or undelivered reminder in `/reminders list`: its name only, never the rest of its text."""
    error = f" ({o.last_error})" if o.last_error else ""
    return (f"• {'⚠️ missed' if o.state == 'missed' else '❗ failed'} {when(o.due_at)}: "
            f"{escape(bk.cut(o.text.split(':')[0], 80))}{error}")


def series_line(row: Any, next_due: str, missed: int, failed: int) -> str:
    shown = "" if row.state == Series.ACTIVE else f" _({row.state})_"
    extra = ""
    if missed:
        extra += f" · ⚠️ {missed} missed"
    if failed:
        extra += f" · ❗ {failed} failed"
    rule = describe(row.rule) if row.rule else "once"
    return (f"*#{row.id} {escape(row.name)}*{shown} — {rule}, {row.at_time} in <#{row.channel_id}>"
            f" · next: {next_due}{extra}")


def list_pages(lines: list[str], title: str, *, max_pages: int) -> list[Blocks]:
    """Every line, whole, over as many messages as needed (bot.listing): nothing is cut or dropped silently."""
    return listing.pages(f"*{title}*", lines, max_pages=max_pages, more="`/reminders list` in each channel")


DIGEST_MORE = "`/case-review list all` · `/escalate list all`"


def digest(monday_label: str, items: list[OpenItem], meetings: list[tuple[datetime, str]]) -> tuple[str, Blocks]:
    """Every open item if it fits Slack's 50 blocks (overdue first), else an honest "…and N more" and where."""
    title = texts.DIGEST_TITLE.format(monday=monday_label)
    lines = []
    for it in items:
        due = format_date(it.next_deadline) if it.next_deadline else "no deadline set"
        flag = "🔴 *Overdue* · " if it.overdue else ""
        lines.append(f"{flag}*{it.ref}* {it.title} — {it.deadline_label}: {due}")
    meeting_lines = [f"• {when(at)} — {escape(name)}" for at, name in meetings]
    meeting_blocks, _ = listing.sections(meeting_lines or [texts.DIGEST_NO_MEETINGS], max_blocks=8,
                                         more="`/reminders list all`")
    budget = listing.MESSAGE_BLOCKS - 4 - len(meeting_blocks)  # header, two list titles, answers' feedback
    item_blocks, _ = listing.sections(lines or [texts.DIGEST_NONE_OPEN], max_blocks=budget, more=DIGEST_MORE)
    blocks: Blocks = [
        bk.header(title),
        bk.section(f"*Open case reviews and escalations ({len(items)})*"),
        *item_blocks,
        bk.section("*This week's meetings*"),
        *meeting_blocks,
    ]
    overdue = sum(1 for it in items if it.overdue)
    return f"{title}: {len(items)} open ({overdue} overdue), {len(meetings)} meetings", blocks
