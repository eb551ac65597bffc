"""An entry's structured payloads (an escalation route's steps and windows, a group's chair and meetings, relevant
agencies, a timescale, a threshold framework) as the text the edit modal shows, and back.

The text is the YAML the shipped files and `kb export` use, so what the business unit edits is what `kb validate`
reads; the pydantic models in knowledge.models judge it like any other field (steps numbered 1..n in order, a
window that ends before it starts, a frequency not in the list). A contact is not here: it has its own fields.
"""

from __future__ import annotations

from typing import Any

import yaml

PAYLOADS: tuple[str, ...] = ("route", "group", "agencies", "timescale", "threshold")
TEXT_MAX = 3000  # Slack's limit on a plain-text input; a longer payload is edited through kb export / kb import


def payloads_of(data: dict[str, Any]) -> dict[str, Any]:
    """The structured payloads an entry (as data) carries, in a fixed order."""
    return {key: data[key] for key in PAYLOADS if data.get(key) not in (None, [], {})}


def as_text(payloads: dict[str, Any]) -> str:
    return yaml.safe_dump(payloads, sort_keys=False, allow_unicode=True, width=1000) if payloads else ""


def editable_text(data: dict[str, Any]) -> str | None:
    """The payloads as the modal's text; None when there are none or they are too long for Slack's field."""
    text = as_text(payloads_of(data))
    return text if text and len(text) <= TEXT_MAX else None


def read_text(raw: str | None, shown: set[str]) -> tuple[dict[str, Any], str | None]:
    """The payloads typed (only those the modal showed: a kind's payloads are not swapped here), or the problem."""
    try:
        parsed = yaml.safe_load(raw or "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return {}, f"Not readable{where}: keep each name, a colon and its value, indented as shown."
    if parsed is None:
        parsed = {}
    if not isinstance(parsed, dict):
        return {}, f"Start each part with its name: {', '.join(sorted(shown))}."
    unknown = sorted(str(k) for k in parsed if k not in shown)
    if unknown:
        return {}, f"Only {', '.join(sorted(shown))} can be changed here, not {', '.join(unknown)}."
    return {key: parsed.get(key, [] if key == "agencies" else None) for key in shown}, None
