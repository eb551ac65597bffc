"""Recurrences in words ("every 2 months on the second Tuesday at 10:00") to a rule, and the rule to meetings.

Meetings are computed as London *wall-clock* times (dateutil rrule on naive datetimes, then Europe/London
attached), never by a cron trigger in the host's zone: a 10:00 meeting stays at 10:00 across the March and
October clock changes and no occurrence is doubled or dropped.

A wall time the clock change makes odd (`london_wall_time`): one that does not exist (01:30 on the last Sunday of
March, when clocks jump from 01:00 to 02:00) is moved on by the gap, to 02:30 BST: the first valid moment the
same time after midnight; one that happens twice (01:30 on the last Sunday of October) is the first of the two
(BST). Either way the meeting is one instant, so its reminders are sent once.

Days of the month past the 28th ("monthly on the 31st", "every 6 months" from 31 August, "annually" from
29 February) are clamped to the month's last day, so no short month skips the meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule, weekday
from dateutil.rrule import weekdays as RR_WEEKDAYS

from bot.mrkdwn import echo
from bot.timeutil import LONDON

EXAMPLES = ("every 2 months on the second Tuesday at 10:00", "quarterly on the first Monday",
            "monthly on the last Friday at 14:30", "every 6 months", "annually on 1 July", "monthly on the 31st")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}
# Words people (and the knowledge base's `frequency`) use for a period, as (unit, interval).
PERIODS = {
    "weekly": ("weekly", 1), "fortnightly": ("weekly", 2), "monthly": ("monthly", 1),
    "bi-monthly": ("monthly", 2), "bimonthly": ("monthly", 2), "quarterly": ("monthly", 3),
    "six-monthly": ("monthly", 6), "half-yearly": ("monthly", 6), "annually": ("yearly", 1),
    "yearly": ("yearly", 1),
}
UNITS = {"week": "weekly", "month": "monthly", "year": "yearly"}


class RecurrenceError(ValueError):
    """The words could not be understood; the message is shown under the field."""


def _hint() -> str:
    return "Try e.g. " + "; ".join(f"“{e}”" for e in EXAMPLES[:3]) + "."


def _said(raw: str) -> str:
    """A time as typed, quoted back only when it is made of a time's characters (else it may be anything)."""
    return f"“{raw.strip()}”" if re.fullmatch(r"[0-9:. apmAPM]{1,12}", raw.strip()) else "That"


def parse_time(raw: str) -> time:
    """'10:00', '9.30', '2pm', '2:30 pm' -> time; RecurrenceError otherwise."""
    m = re.fullmatch(r"\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*", raw.lower())
    if not m or (m.group(2) is None and m.group(3) is None):
        raise RecurrenceError(f"{_said(raw)} is not a time. Use 24-hour HH:MM, e.g. 10:00 or 14:30.")
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if not 1 <= hour <= 12:
            raise RecurrenceError(f"{_said(raw)} is not a time.")
        hour = hour % 12 + (12 if m.group(3) == "pm" else 0)
    if hour > 23 or minute > 59:
        raise RecurrenceError(f"{_said(raw)} is not a time. Hours go to 23 and minutes to 59.")
    return time(hour, minute)


def parse(text: str) -> dict[str, Any]:
    """Parse a recurrence; returns a JSON-able rule. Raises RecurrenceError with a message for the field."""
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    if not raw:
        raise RecurrenceError("Say how often it meets. " + _hint())
    rule: dict[str, Any] = {"unit": None, "interval": 1, "weekday": None, "nth": None, "monthday": None,
                            "month": None, "time": None}
    rest = raw
    m = re.search(r"\s*\bat\s+(\S+(?:\s*[ap]m)?)$", rest)
    if m:
        rule["time"] = parse_time(m.group(1)).strftime("%H:%M")
        rest = rest[: m.start()]
    m = re.match(r"(?:every|each)\s+(\d+|other)\s+(week|month|year)s?\b", rest)
    if m:
        rule["unit"] = UNITS[m.group(2)]
        rule["interval"] = 2 if m.group(1) == "other" else int(m.group(1))
        rest = rest[m.end():]
    else:
        m = re.match(r"(?:every|each)\s+(week|month|year)\b", rest)
        if m:
            rule["unit"] = UNITS[m.group(1)]
            rest = rest[m.end():]
        else:
            m = re.match(r"(?:every\s+)?([a-z-]+)\b", rest)
            word = m.group(1) if m else ""
            if word in PERIODS:
                rule["unit"], rule["interval"] = PERIODS[word]
                rest = rest[m.end():]  # type: ignore[union-attr]
            elif m and rest.startswith("every ") and word.rstrip("s") in WEEKDAYS:
                rule["unit"], rule["weekday"] = "weekly", WEEKDAYS.index(word.rstrip("s"))
                rest = rest[m.end():]  # type: ignore[union-attr]
            else:
                raise RecurrenceError(f"I couldn't tell how often from “{echo(text)}”. " + _hint())
    if rule["interval"] < 1 or rule["interval"] > 24:
        raise RecurrenceError("The interval must be between 1 and 24.")
    rest = rest.strip()
    if rest.startswith("on "):
        _parse_on(rest[3:].strip(), rule, text)
    elif rest:
        raise RecurrenceError(f"I didn't understand “{rest}”. " + _hint())
    return rule


def _parse_on(on: str, rule: dict[str, Any], original: str) -> None:
    on = on.removeprefix("the ").strip()
    m = re.fullmatch(r"([a-z0-9]+)\s+([a-z]+?)s?(?:\s+of\s+the\s+month)?", on)
    if m and m.group(1) in ORDINALS and m.group(2) in WEEKDAYS:
        if rule["unit"] == "weekly":
            raise RecurrenceError("A weekly meeting takes a day, e.g. “every week on Tuesday”.")
        rule["nth"], rule["weekday"] = ORDINALS[m.group(1)], WEEKDAYS.index(m.group(2))
        return
    if m and m.group(1) in ORDINALS and m.group(2) not in WEEKDAYS:
        raise RecurrenceError(f"“{m.group(2)}” is not a day of the week.")
    m = re.fullmatch(r"([a-z]+?)s?", on)
    if m and m.group(1) in WEEKDAYS:
        rule["weekday"] = WEEKDAYS.index(m.group(1))
        if rule["unit"] != "weekly":
            rule["nth"] = 1
        return
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)", on) or re.fullmatch(
        r"([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?", on)
    if m:
        day_s, month_s = (m.group(1), m.group(2)) if m.group(1).isdigit() else (m.group(2), m.group(1))
        month = next((i + 1 for i, name in enumerate(MONTHS) if name.startswith(month_s[:3])), None)
        if month is None or len(month_s) < 3:
            raise RecurrenceError(f"“{month_s}” is not a month.")
        if rule["unit"] != "yearly":
            raise RecurrenceError("A day and month (“on 1 July”) only fits an annual meeting.")
        try:
            date(2024, month, int(day_s))
        except ValueError:
            raise RecurrenceError(f"There is no {day_s} {MONTHS[month - 1].title()}.") from None
        rule["month"], rule["monthday"] = month, int(day_s)
        return
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+the\s+month)?", on)
    if m:
        if rule["unit"] != "monthly":
            raise RecurrenceError("A day of the month (“on the 15th”) fits a monthly or quarterly meeting.")
        if not 1 <= int(m.group(1)) <= 31:
            raise RecurrenceError("Use a day of the month from 1 to 31 (the 29th to 31st mean the last day in "
                                  "shorter months), or e.g. “the last Friday”.")
        rule["monthday"] = int(m.group(1))
        return
    raise RecurrenceError(f"I didn't understand “on {on}” in “{original.strip()}”. " + _hint())


def describe(rule: dict[str, Any] | None) -> str:
    """Plain words for a rule (list and cards)."""
    if not rule:
        return "once"
    unit, n = rule["unit"], rule["interval"]
    period = {("weekly", 1): "every week", ("weekly", 2): "every 2 weeks", ("monthly", 1): "monthly",
              ("monthly", 2): "every 2 months", ("monthly", 3): "quarterly", ("monthly", 6): "every 6 months",
              ("yearly", 1): "annually"}.get((unit, n)) or f"every {n} {unit.removesuffix('ly')}s"
    if rule.get("nth") is not None and rule.get("weekday") is not None:
        nth = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}[rule["nth"]]
        period += f" on the {nth} {WEEKDAYS[rule['weekday']].title()}"
    elif rule.get("weekday") is not None:
        period += f" on {WEEKDAYS[rule['weekday']].title()}"
    elif rule.get("month"):
        period += f" on {rule['monthday']} {MONTHS[rule['month'] - 1].title()}"
    elif rule.get("monthday"):
        period += f" on day {rule['monthday']}"
        if rule["monthday"] > 28:
            period += " (or the month's last day)"
    return period


def london_wall_time(naive: datetime) -> datetime:
    """A London wall-clock time as one real instant, normalised (its fold and offset are the true ones).

    Non-existent (March gap): read with the offset before the change, i.e. moved on by the gap (01:30 -> 02:30
    BST). Ambiguous (October overlap): the first occurrence (fold=0, BST).
    """
    aware = naive.replace(tzinfo=LONDON, fold=0)
    return aware.astimezone(UTC).astimezone(LONDON)


def _monthday(day: int) -> dict[str, Any]:
    """rrule arguments for "the `day`th, or the month's last day if it is shorter"."""
    if day <= 28:
        return {"bymonthday": day}
    return {"bymonthday": tuple(range(28, day + 1)), "bysetpos": -1}


def meetings(rule: dict[str, Any] | None, first: date, at: time, start: date | None = None) -> Iterator[datetime]:
    """Meeting times (aware, London wall clock) on or after max(first, start), in order, without end."""
    if not rule:
        if start is None or first >= start:
            yield london_wall_time(datetime.combine(first, at))
        return
    kwargs: dict[str, Any] = {"interval": rule["interval"], "dtstart": datetime.combine(first, at)}
    unit = rule["unit"]
    if unit == "weekly":
        kwargs["byweekday"] = RR_WEEKDAYS[rule["weekday"] if rule.get("weekday") is not None else first.weekday()]
        freq = WEEKLY
    elif unit == "monthly":
        freq = MONTHLY
        if rule.get("nth") is not None:
            kwargs["byweekday"] = weekday(rule["weekday"], rule["nth"])
        else:
            kwargs.update(_monthday(rule.get("monthday") or first.day))
    else:
        freq = YEARLY
        kwargs["bymonth"] = rule.get("month") or first.month
        if rule.get("nth") is not None:
            kwargs["byweekday"] = weekday(rule["weekday"], rule["nth"])
        else:
            kwargs.update(_monthday(rule.get("monthday") or first.day))
    after = datetime.combine(max(first, start or first), time(0, 0))
    for naive in rrule(freq, **kwargs).xafter(after, inc=True):
        yield london_wall_time(naive)
