"""What `/safeguarding report ...` asks for: a period (quarter, year or dates) and a partnership, parsed once.

`quarter` is the last complete calendar quarter (what a QA group reviews), `year` the last complete year from
April to March (the year of a partnership's annual report), `YYYY-MM-DD YYYY-MM-DD` any period. The partnership
is a name or slug in words people type ("cheshire west"), or `all` (admins only, checked by the flow).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.mrkdwn import echo
from knowledge.partnerships import resolve_partnership

ALL = "all"
USAGE = "[quarter | year | YYYY-MM-DD YYYY-MM-DD] [partnership | all]"


class PeriodError(ValueError):
    """What was typed cannot be read as a period and partnership; the message says what to type."""


@dataclass(frozen=True)
class Request:
    since: date
    until: date
    label: str  # "Jul to Sep 2026", "Apr 2025 to Mar 2026", "1 Jan 2026 to 31 Mar 2026"
    partnership: str | None  # a slug, ALL, or None for the asker's own


def last_quarter(today: date) -> tuple[date, date]:
    start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)  # this quarter's first day
    until = start - timedelta(days=1)
    return date(until.year, 3 * ((until.month - 1) // 3) + 1, 1), until


def last_year(today: date) -> tuple[date, date]:
    """The last complete April-to-March year."""
    end_year = today.year if today.month >= 4 else today.year - 1
    return date(end_year - 1, 4, 1), date(end_year, 3, 31)


def parse(text: str, today: date) -> Request:
    words = text.split()
    dates: list[date] = []
    kind = "quarter"
    rest: list[str] = []
    for word in words:
        low = word.lower()
        if low in ("quarter", "q", "year", "annual"):
            kind = "year" if low in ("year", "annual") else "quarter"
            continue
        try:
            dates.append(date.fromisoformat(word))
            continue
        except ValueError:
            pass
        rest.append(word)
    if len(dates) == 1 or len(dates) > 2:
        raise PeriodError(f"Give two dates, the first and last day: `YYYY-MM-DD YYYY-MM-DD`. Usage: {USAGE}")
    if dates:
        since, until = dates
        if since > until:
            raise PeriodError("The first date is after the last one: give the period forwards.")
        if until > today:
            until = today
        label = f"{since.day} {since:%b %Y} to {until.day} {until:%b %Y}"
    else:
        since, until = last_year(today) if kind == "year" else last_quarter(today)
        label = f"{since:%b %Y} to {until:%b %Y}" if kind == "year" else f"{since:%b} to {until:%b %Y}"
    name = " ".join(rest).strip()
    if not name:
        return Request(since, until, label, None)
    if name.lower() == ALL:
        return Request(since, until, label, ALL)
    match = resolve_partnership(name)
    if match.slug is None:
        raise PeriodError(f"I don't know the partnership '{echo(name)}'. Usage: {USAGE}")
    return Request(since, until, label, match.slug)
