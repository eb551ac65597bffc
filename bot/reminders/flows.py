"""What a reminder-series request does, between the listener and bot.reminders.service, in one transaction.

Each function finds the series, checks the person may change it (`MayChange`, built by the listener from the
request's Actor), makes the change (the service writes the audit row and re-lays the series' deliveries through
the one writer, bot/reminders/deliveries.py) and says what to tell the person. A refusal changes nothing and is
returned (`Outcome.refused`, the series number), never written here: the listener audits it and replies through
handlers.authorize.refuse, the one refusal path. Nothing is sent to Slack after a series change: the clock posts
the deliveries it laid (bot/reminders/engine.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.blockkit import cut
from bot.logs import get_logger
from bot.mrkdwn import escape
from bot.reminders import blocks, service, texts
from bot.reminders.blocks import next_label, rule_words, when
from bot.reminders.ids import AddMetadata, Block
from bot.reminders.service import NotFound, SeriesInput
from bot.reminders.states import Kind, TransitionError
from knowledge.base import KnowledgeBase
from storage.db import Database
from storage.reminders import ReminderSeries

log = get_logger(__name__)

MayChange = Callable[[ReminderSeries], bool]
"""Whether the person may change this series (bot.reminders.service.may_change with the request's Actor)."""

SERIES_VERBS = ("pause", "resume", "delete", "skip")


@dataclass(frozen=True)
class Outcome:
    """What to tell the person; or the series refused to them (to audit); or field problems (nothing saved)."""

    message: str = ""
    refused: int | None = None
    errors: dict[str, str] = field(default_factory=dict)
    channel: str | None = None  # the series' channel (a form's confirmation is posted there)


@dataclass(frozen=True)
class EditForm:
    meta: AddMetadata
    values: dict[str, str]


def groups(kb: KnowledgeBase, partnership: str | None) -> list[tuple[str, str | None]]:
    """The partnership's groups and how often they meet (the form offers them); none if the lookup fails."""
    if not partnership:
        return []
    try:
        return [(g.name, g.frequency) for g in kb.groups(partnership)]
    except Exception as exc:  # the form still works with a typed name
        log.warning("reminders.kb_groups_failed", error=type(exc).__name__)
        return []


def _not_found(ref: str | int) -> Outcome:
    number = str(ref).strip().lstrip("#")
    if not (number.isascii() and number.isdigit()):  # not a number: what was typed is not quoted back
        return Outcome(texts.NOT_A_NUMBER)
    return Outcome(texts.NOT_FOUND.format(id=cut(number, 20)))


def create(db: Database, *, team_id: str, owner_id: str, partnership: str | None, inp: SeriesInput,
           now: datetime) -> Outcome:
    """A new series (validated first: field problems save nothing)."""
    spec, errors = service.validate(inp, now)
    if spec is None:
        return Outcome(errors=errors)
    with db.session() as s:
        row = service.create_series(s, team_id=team_id, owner_id=owner_id, partnership=partnership, spec=spec,
                                    now=now)
        return _saved(row, texts.ADDED)


def _saved(row: ReminderSeries, template: str) -> Outcome:
    return Outcome(template.format(id=row.id, name=escape(row.name), rule=rule_words(row), next=next_label(row)),
                   channel=row.channel_id)


def edit_form(db: Database, *, team_id: str, ref: str, may_change: MayChange,
              group_names: set[str]) -> tuple[Outcome, EditForm | None]:
    """The edit form's contents for one series, or why not (not found, or someone else's)."""
    with db.session() as s:
        try:
            row = service.get_series(s, team_id, ref)
        except NotFound:
            return _not_found(ref), None
        if not may_change(row):
            return Outcome(refused=row.id), None
        if row.kind == Kind.QA_PACK:  # not a meeting: its form would turn it into one
            return Outcome(texts.QA_PACK_EDIT.format(id=row.id)), None
        meta = AddMetadata(channel_id=row.channel_id, series_id=row.id)
        return Outcome(), EditForm(meta, service.form_values(row, group_names))


def save_form(db: Database, *, team_id: str, user_id: str, partnership: str | None, series_id: int | None,
              inp: SeriesInput, may_change: MayChange, group_names: set[str], now: datetime) -> Outcome:
    """The add/edit form submitted: a new series, or the change to one (if it is still there and theirs).

    `partnership` is the server's record of the channel picked, already checked by the listener (service.may_place).
    """
    if series_id is None:
        return create(db, team_id=team_id, owner_id=user_id, partnership=partnership, inp=inp, now=now)
    spec, errors = service.validate(inp, now)
    if spec is None:
        return Outcome(errors=errors)
    with db.session() as s:
        try:
            row = service.get_series(s, team_id, series_id)
        except NotFound:
            return Outcome(errors={Block.NAME: texts.GONE})
        if not may_change(row):
            return Outcome(refused=row.id)
        service.update_series(s, row, spec, user_id, now, group_names, partnership)
        return _saved(row, texts.EDITED)


def change(db: Database, *, team_id: str, ref: str, verb: str, actor_id: str, may_change: MayChange,
           now: datetime) -> Outcome:
    """Pause, resume, delete or skip one series; a move the state table forbids says why and keeps nothing."""
    with db.session() as s:
        try:
            row = service.get_series(s, team_id, ref)
        except NotFound:
            return _not_found(ref)
        if not may_change(row):
            return Outcome(refused=row.id)
        try:
            return Outcome(_apply(s, row, verb, actor_id, now))
        except TransitionError as exc:  # e.g. pausing a paused series: the table says why; nothing is kept
            s.rollback()
            return Outcome(str(exc))


def _apply(s: Session, row: ReminderSeries, verb: str, actor_id: str, now: datetime) -> str:
    if verb == "pause":
        service.pause(s, row, actor_id)
        return texts.PAUSED.format(id=row.id, name=escape(row.name))
    if verb == "resume":
        service.resume(s, row, actor_id, now)
        return texts.RESUMED.format(id=row.id, name=escape(row.name), next=next_label(row))
    if verb == "delete":
        service.delete(s, row, actor_id)
        return texts.DELETED.format(id=row.id, name=escape(row.name))
    meeting = service.skip_next(s, row, actor_id, now)
    return (texts.SKIPPED.format(name=escape(row.name), meeting=when(meeting), next=next_label(row))
            if meeting else texts.NOTHING_TO_SKIP.format(id=row.id))


def snooze(db: Database, *, team_id: str, value: str, option: str, actor_id: str, now: datetime,
           channel_id: str) -> str | None:
    """Remind again later (one occurrence, never the series); what to tell the person, or None when the
    reminder belongs to another channel (a refusal: the caller audits it)."""
    try:
        with db.session() as s:
            due = service.snooze(s, team_id=team_id, occurrence_id=int(value), option=option, actor=actor_id,
                                 now=now, channel_id=channel_id)
    except service.OtherChannel:
        return None
    except (NotFound, ValueError):
        return texts.SNOOZE_GONE
    return texts.SNOOZED.format(when=when(due))


def list_pages(db: Database, *, team_id: str, channel: str | None, now: datetime) -> list[tuple[str, Any]]:
    """`/reminders list`: every series (this channel's, or all) and the last 30 days' missed or failed ones."""
    with db.session() as s:
        views = service.list_series(s, team_id, channel)
        issues = service.problems(s, team_id, channel, now - timedelta(days=30))
        lines = [blocks.series_line(v.row, next_label(v.row), v.missed, v.failed) for v in views]
        problem_lines = [blocks.problem_line(o) for o in issues]
    if not lines and not problem_lines:
        return []
    title = "Reminders for this channel" if channel else "All reminders in this workspace"
    pages = blocks.list_pages(lines, title, max_pages=4) if lines else []  # a response_url takes five replies
    if problem_lines:
        pages += blocks.list_pages(problem_lines, "Missed or not delivered (last 30 days)", max_pages=1)
    return [(f"{title}: {len(lines)}", page) for page in pages]
