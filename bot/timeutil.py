"""Time as people see it: Europe/London, whatever the host's TZ. Stored timestamps are UTC-aware."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

LONDON = ZoneInfo("Europe/London")
MORNING = time(9, 0)  # when deadline, overdue and digest reminders go out


def at_nine(day: date) -> datetime:
    """09:00 London wall time on `day`: the one helper for every reminder that goes out "in the morning"."""
    return datetime.combine(day, MORNING, tzinfo=LONDON)


def now() -> datetime:
    """Current time in London (time-machine travels this, tests need no patching)."""
    return datetime.now(LONDON)


def utcnow() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def to_london(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # SQLite returns naive datetimes for UTC columns
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON)


def format_date(day: date) -> str:
    """'Tue 3 Feb 2026': weekday included because deadlines are read on phones in a hurry."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_datetime(moment: datetime) -> str:
    local = to_london(moment)
    return f"{format_date(local.date())} {local:%H:%M}"


# Dates a person types or picks are checked against this range at the edge (field-level message), so a slip
# such as year 0134 never reaches the database (PostgreSQL refuses it; SQLite would store it).
EARLIEST_DATE = date(2000, 1, 1)
YEARS_AHEAD = 5


def date_range_problem(day: date, today: date, *, allow_future: bool = False) -> str | None:
    """A field message when `day` is outside the sensible range, else None (future dates only if allowed)."""
    if day < EARLIEST_DATE:
        return f"Use a date from {format_date(EARLIEST_DATE)} onwards."
    if not allow_future and day > today:
        return "This date is in the future."
    latest = today + relativedelta(years=YEARS_AHEAD)
    if day > latest:
        return f"Use a date no later than {format_date(latest)}."
    return None
