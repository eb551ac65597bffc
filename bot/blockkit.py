"""The one set of Block Kit builders every capability's blocks.py uses, with one truncation rule.

Each capability used to carry its own `_pt`, `_md`, `_context`, `_input`, `_modal` that cut text at different
lengths (some silently mid-word, some at a limit Slack does not have). Here a text that is longer than Slack
accepts in that place (bot.slacklimits) is cut once, the same way: to the limit with a closing "…", so a
message is never refused for length and a cut is always visible. Builders take the capability's ids as `str`
(every id enum is a `StrEnum`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

from bot import slacklimits as limits

Block = dict[str, Any]

MODAL_TITLE = 24  # Slack: a modal's title, submit and close labels
LABEL = 2_000  # Slack: an input block's label and hint
PLACEHOLDER = 150


def cut(text: str, limit: int) -> str:
    """`text` unchanged when it fits, else its first `limit - 1` characters and "…" (the one truncation rule)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plain(text: str, limit: int = limits.BUTTON_TEXT) -> dict[str, Any]:
    """A plain_text object (Slack turns `:emoji:` codes into emoji, its default)."""
    return {"type": "plain_text", "text": cut(str(text), limit), "emoji": True}


def mrkdwn(text: str, limit: int = limits.SECTION_TEXT) -> dict[str, Any]:
    """A mrkdwn text object; the caller escapes anything a person typed (bot.mrkdwn.escape)."""
    return {"type": "mrkdwn", "text": cut(text, limit)}


def section(text: str, block_id: str | None = None, *, accessory: dict[str, Any] | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if block_id:
        block["block_id"] = str(block_id)
    if accessory is not None:
        block["accessory"] = accessory
    return block


def fields(*texts: str, text: str | None = None) -> Block:
    """A section of up to ten short mrkdwn fields (two columns), with an optional text above them."""
    block: Block = {"type": "section", "fields": [mrkdwn(t, limits.SECTION_FIELD) for t in texts]}
    if text is not None:
        block["text"] = mrkdwn(text)
    return block


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, limits.HEADER_TEXT)}


def divider() -> Block:
    return {"type": "divider"}


def button(action_id: str, text: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "button", "action_id": str(action_id), "text": plain(text),
                               "value": value[: limits.BUTTON_VALUE]}
    if style:
        element["style"] = style
    return element


def actions(block_id: str, elements: list[dict[str, Any]]) -> Block:
    return {"type": "actions", "block_id": str(block_id), "elements": elements}


def option(value: str, text: str) -> dict[str, Any]:
    return {"text": plain(text, limits.OPTION_TEXT), "value": str(value)[: limits.OPTION_VALUE]}


def options(choices: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Options from {value: label} or (value, label) pairs, at most the 100 Slack shows."""
    pairs = choices.items() if isinstance(choices, Mapping) else choices
    return [option(value, label) for value, label in pairs][: limits.OPTIONS]


def static_select(choices: Mapping[str, str] | Iterable[tuple[str, str]], *, initial: str | None = None,
                  placeholder: str | None = None) -> dict[str, Any]:
    """A static select; `initial` preselects the option with that value when it is offered."""
    element: dict[str, Any] = {"type": "static_select", "options": options(choices)}
    chosen = [o for o in element["options"] if initial is not None and o["value"] == initial]
    if chosen:
        element["initial_option"] = chosen[0]
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER)
    return element


def text_input(*, multiline: bool = False, max_length: int | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "multiline": multiline}
    if max_length is not None:
        element["max_length"] = max_length
    return element


def datepicker(initial: date | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "datepicker"}
    if initial is not None:
        element["initial_date"] = initial.isoformat()
    return element


def input_block(block_id: str, label: str, element: dict[str, Any], *, action_id: str | None = None,
                optional: bool = False, hint: str | None = None) -> Block:
    """An input block; `action_id` (the one a capability's modal reader looks for) is set on the element."""
    el = {**element, "action_id": str(action_id)} if action_id is not None else element
    block: Block = {"type": "input", "block_id": str(block_id), "label": plain(label, LABEL), "element": el,
                    "optional": optional}
    if hint:
        block["hint"] = plain(hint, LABEL)
    return block


def modal(callback_id: str, title: str, submit: str, blocks: list[Block], metadata: BaseModel) -> dict[str, Any]:
    """A modal whose private_metadata is the capability's pydantic model (read back by bot.modals.metadata)."""
    return {"type": "modal", "callback_id": str(callback_id), "title": plain(title, MODAL_TITLE),
            "submit": plain(submit, MODAL_TITLE), "close": plain("Cancel", MODAL_TITLE),
            "private_metadata": metadata.model_dump_json(), "blocks": blocks}
