"""How the knowledge base's dates read to a person: "as of June 2019", and a plain note when an entry is
past its review date. Today is London's today, whatever the host's TZ (time_machine travels it)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from knowledge.models import Entry

LONDON = ZoneInfo("Europe/London")

# Shown in help text, the topic browser and App Home: the documents are 2019's, not today's.
ARRANGEMENTS_CAVEAT = (
    "The answers come from the partnerships' published arrangements of 2019 (and Cheshire West and Chester's "
    "2017-18 annual report); they may have changed since, so check anything important with your partnership."
)


def london_today() -> date:
    return datetime.now(LONDON).date()


def month_year(day: date) -> str:
    """'June 2019': an as-of date is the month of the document, never a weekday."""
    return f"{day:%B %Y}"


def long_date(day: date) -> str:
    """'15 December 2023'."""
    return f"{day.day} {day:%B %Y}"


def as_of_label(entry: Entry) -> str:
    return f"as of {month_year(entry.as_of)}"


def is_past_review(entry: Entry, today: date | None = None) -> bool:
    return entry.review_by is not None and (today or london_today()) > entry.review_by


def review_note(entry: Entry, today: date | None = None) -> str | None:
    """The sentence an answer carries once its entry is past its review date, else None."""
    if entry.review_by is None or not is_past_review(entry, today):
        return None
    # the business unit's confirmation when it has vouched for the entry, else the document's date
    last = entry.confirmed.on if entry.confirmed is not None else entry.as_of
    return (f"Last reviewed {month_year(last)}; it was due for review on {long_date(entry.review_by)}, so check "
            "with the partnership.")
