"""The two reminder state machines as explicit tables: a delivery row (occurrence) and a meeting series.

Storage keeps plain strings; every write of either state goes through `move_occurrence`, `moves_from` (bulk SQL
updates) or `move_series`, which refuse a change the table does not allow. That is what makes "posted exactly
once" checkable: nothing leaves `sent`, and only a claim (a locked `pending` row) reaches `sending`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class Occurrence(StrEnum):
    """One message to post once."""

    PENDING = "pending"  # laid, waiting for its time (or for a retry after an error)
    SENDING = "sending"  # claimed by one clock; being posted
    SENT = "sent"
    MISSED = "missed"  # unsent past the grace period (the clock was down): never sent late
    CANCELLED = "cancelled"  # its case step finished, its series paused, deleted or edited
    FAILED = "failed"  # Slack refused it for good, or an interrupted post could not be checked
    SKIPPED = "skipped"  # its meeting was skipped


class Kind(StrEnum):
    """What a series posts: a meeting's reminders, a one-off reminder, or the business unit's QA pack."""

    MEETING = "meeting"
    ONE_OFF = "one_off"
    QA_PACK = "qa_pack"  # bot.insight.schedule: the charts of the period just ended, composed when posted


class Series(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DELETED = "deleted"
    FINISHED = "finished"  # no reminder left to write


class SeriesAction(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    DELETE = "delete"
    RUN_OUT = "run_out"  # the clock wrote the last reminder


# from -> the states a delivery row may move to; `None` is "no row yet". Settled states lead nowhere.
OCCURRENCE_MOVES: dict[Occurrence | None, frozenset[Occurrence]] = {
    None: frozenset({Occurrence.PENDING}),
    Occurrence.PENDING: frozenset({
        Occurrence.PENDING,  # re-laid before it went: new time, text or channel
        Occurrence.SENDING, Occurrence.CANCELLED, Occurrence.SKIPPED, Occurrence.MISSED,
    }),
    Occurrence.SENDING: frozenset({
        Occurrence.SENT,
        Occurrence.PENDING,  # an error to retry, or a crash with the post not in the channel's history
        Occurrence.FAILED,
    }),
    Occurrence.CANCELLED: frozenset({Occurrence.PENDING}),  # re-laid after a change of plan
    Occurrence.SENT: frozenset(),
    Occurrence.MISSED: frozenset(),
    Occurrence.FAILED: frozenset(),
    Occurrence.SKIPPED: frozenset(),
}
SETTLED = frozenset(s for s, to in OCCURRENCE_MOVES.items() if s is not None and not to)

# (state before, action) -> the states it may end in (a restart ends `finished` when no reminder is ahead).
SERIES_MOVES: dict[tuple[Series | None, SeriesAction], frozenset[Series]] = {
    (None, SeriesAction.CREATE): frozenset({Series.ACTIVE, Series.FINISHED}),
    (Series.ACTIVE, SeriesAction.EDIT): frozenset({Series.ACTIVE, Series.FINISHED}),
    (Series.FINISHED, SeriesAction.EDIT): frozenset({Series.ACTIVE, Series.FINISHED}),
    (Series.PAUSED, SeriesAction.EDIT): frozenset({Series.PAUSED}),  # stays paused
    (Series.ACTIVE, SeriesAction.PAUSE): frozenset({Series.PAUSED}),
    (Series.PAUSED, SeriesAction.RESUME): frozenset({Series.ACTIVE, Series.FINISHED}),
    (Series.ACTIVE, SeriesAction.SKIP): frozenset({Series.ACTIVE, Series.FINISHED}),
    (Series.PAUSED, SeriesAction.SKIP): frozenset({Series.PAUSED}),
    (Series.ACTIVE, SeriesAction.DELETE): frozenset({Series.DELETED}),
    (Series.PAUSED, SeriesAction.DELETE): frozenset({Series.DELETED}),
    (Series.FINISHED, SeriesAction.DELETE): frozenset({Series.DELETED}),
    (Series.ACTIVE, SeriesAction.RUN_OUT): frozenset({Series.FINISHED}),
}
LIVE = (Series.ACTIVE, Series.PAUSED, Series.FINISHED)  # listed; `deleted` is gone for people

_WHY = {  # what a person is told when a series command does not fit its state
    (Series.PAUSED, SeriesAction.PAUSE): "Reminder #{id} is already paused.",
    (Series.ACTIVE, SeriesAction.RESUME): "Reminder #{id} is not paused.",
    (Series.FINISHED, SeriesAction.RESUME): "Reminder #{id} has finished: `/reminders edit {id}` to give it new dates.",
    (Series.FINISHED, SeriesAction.PAUSE): "Reminder #{id} has finished: there is nothing to pause.",
    (Series.FINISHED, SeriesAction.SKIP): "Reminder #{id} has finished: there is nothing to skip.",
}


class TransitionError(ValueError):
    """A change the table does not allow; the message is safe to show (ids and states only)."""


class HasState(Protocol):
    state: str


class SeriesRow(HasState, Protocol):
    id: int


def _occurrence(state: str | None) -> Occurrence | None:
    return None if state is None else Occurrence(state)


def check_occurrence(before: str | None, after: str) -> Occurrence:
    """The new state, or TransitionError if a delivery row may not go from `before` to `after`."""
    target = Occurrence(after)
    if target not in OCCURRENCE_MOVES[_occurrence(before)]:
        raise TransitionError(f"A reminder delivery can't go from {before or 'nothing'} to {target.value}.")
    return target


def move_occurrence(row: HasState, after: str) -> None:
    """Set a delivery row's state through the table (the ORM writers)."""
    row.state = check_occurrence(row.state, after).value


def moves_from(after: str, *befores: str) -> list[str]:
    """The `before` states of a bulk UPDATE to `after`, each checked against the table (the SQL writers)."""
    for before in befores:
        check_occurrence(before, after)
    return [Occurrence(b).value for b in befores]


def _refusal(before: Series | None, action: SeriesAction, series_id: int | str) -> TransitionError:
    why = _WHY.get((before, action)) if before is not None else None
    text = why or f"Reminder #{{id}} is {before.value if before else 'not saved yet'}: you can't {action.value} it."
    return TransitionError(text.format(id=series_id))


def require_series(before: str | None, action: SeriesAction, *, series_id: int | str = "") -> None:
    """Refuse (TransitionError, with the person's message) before any change if `action` does not fit `before`."""
    state = None if before is None else Series(before)
    if (state, action) not in SERIES_MOVES:
        raise _refusal(state, action, series_id)


def check_series(before: str | None, action: SeriesAction, after: str, *, series_id: int | str = "") -> Series:
    """The new state, or TransitionError if the table does not allow `action` to end in `after`."""
    state = None if before is None else Series(before)
    target = Series(after)
    if target not in SERIES_MOVES.get((state, action), frozenset()):
        raise _refusal(state, action, series_id)
    return target


def move_series(row: SeriesRow, action: SeriesAction, after: str) -> None:
    """Set a series' state through the table."""
    row.state = check_series(row.state, action, after, series_id=row.id).value
