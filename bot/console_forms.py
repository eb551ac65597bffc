"""A modal as a short terminal form: one prompt per input, with its label, hint and choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.render import mrkdwn

CANCEL = "/cancel"


@dataclass
class Dispatched:
    """An input with `dispatch_action` was answered: Slack sends a block action now (the app may rebuild the form
    for that answer, e.g. another partnership's agencies and steps), and the form goes on after it."""

    block_id: str
    action: dict[str, Any]
    values: dict[str, dict[str, dict[str, Any]]]


def fill_form(
    view: dict[str, Any],
    previous: dict[str, dict[str, dict[str, Any]]],
    errors: dict[str, str],
    read: Callable[[str], str],
    write: Callable[[str], None],
    title: str,
    answered: frozenset[str] = frozenset(),
) -> dict[str, dict[str, dict[str, Any]]] | Dispatched | None:
    """Prompt for every input (or only those with errors on a retry, never those in `answered`); None if the
    person cancels, Dispatched when an answer must go to the app before the rest of the form."""
    if not answered:
        write(f"┌ {title}  (type {CANCEL} to cancel; Enter skips an optional field)")
    values = dict(previous)
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            if block.get("type") in ("section", "context") and not errors:
                text = (block.get("text") or {}).get("text") or " ".join(
                    e.get("text", "") for e in block.get("elements", []) if isinstance(e, dict)
                )
                if text:
                    write("│ " + mrkdwn(text))
            continue
        block_id = block["block_id"]
        if (errors and block_id not in errors) or block_id in answered:
            continue
        element = block.get("element", {})
        label = (block.get("label") or {}).get("text", block_id)
        optional = block.get("optional", False)
        hint = (block.get("hint") or {}).get("text")
        write(f"│ {label}{' (optional)' if optional else ''}" + (f" — {hint}" if hint else ""))
        if block_id in errors:
            write(f"│   ✗ {errors[block_id]}")
        while True:
            answer = _ask(element, read, write)
            if answer is _CANCELLED:
                return None
            if answer is None and not optional:
                write("│   This field is required.")
                continue
            break
        action_id = element.get("action_id", block_id)
        values[block_id] = {action_id: _state(element, answer)}
        if block.get("dispatch_action") and answer is not None and not errors:
            action = {**_state(element, answer), "action_id": action_id, "block_id": block_id}
            return Dispatched(block_id, action, values)
    write("└ submitted")
    return values


_CANCELLED = object()


def _options(element: dict[str, Any]) -> list[dict[str, Any]]:
    if element.get("options"):
        return list(element["options"])
    return [opt for group in element.get("option_groups", []) for opt in group.get("options", [])]


def _ask(element: dict[str, Any], read: Callable[[str], str], write: Callable[[str], None]) -> Any:
    kind = element.get("type")
    if kind in ("static_select", "multi_static_select", "radio_buttons", "checkboxes"):
        options = _options(element)
        for i, opt in enumerate(options, 1):
            write(f"│   {i}. {opt['text']['text']}")
        multi = kind in ("multi_static_select", "checkboxes")
        raw = read("│ " + ("numbers, comma-separated> " if multi else "number> ")).strip()
        if raw == CANCEL:
            return _CANCELLED
        if not raw:
            initial = element.get("initial_options") if multi else element.get("initial_option")
            return initial or None
        try:
            picked = [options[int(p) - 1] for p in raw.replace(" ", "").split(",") if p]
        except (ValueError, IndexError):
            write("│   Choose from the numbers shown.")
            return _ask(element, read, write)
        return picked if multi else picked[0]
    prompt = {"datepicker": "YYYY-MM-DD> ", "timepicker": "HH:MM> ", "number_input": "number> ",
              "users_select": "user id> ", "conversations_select": "channel id> ",
              "channels_select": "channel id> "}.get(kind or "", "> ")
    raw = read("│ " + prompt)
    if raw.strip() == CANCEL:
        return _CANCELLED
    if not raw.strip():
        return element.get("initial_value") or element.get("initial_date") or None
    return raw.strip() if kind != "plain_text_input" else raw


def _state(element: dict[str, Any], answer: Any) -> dict[str, Any]:
    kind = element.get("type", "plain_text_input")
    state: dict[str, Any] = {"type": kind}
    if kind in ("static_select", "radio_buttons"):
        state["selected_option"] = answer
    elif kind in ("multi_static_select", "checkboxes"):
        state["selected_options"] = answer or []
    elif kind == "datepicker":
        state["selected_date"] = answer
    elif kind == "timepicker":
        state["selected_time"] = answer
    elif kind == "users_select":
        state["selected_user"] = answer
    elif kind == "conversations_select":
        state["selected_conversation"] = answer
    elif kind == "channels_select":
        state["selected_channel"] = answer
    else:
        state["value"] = answer
    return state
