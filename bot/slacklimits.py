"""What Slack's Web API refuses and how fast it lets an app post, for the local fake (bot.localslack).

Limits are Slack's published ones (Block Kit reference, chat.postMessage and rate-limit docs), so a message
the fake accepts is one real Slack accepts too. Only the checks the bot can trip are modelled.
"""

from __future__ import annotations

import math
import threading
import time
from typing import Any

MAX_TEXT = 40_000  # chat.postMessage text: longer is msg_too_long
MAX_BLOCKS_MESSAGE = 50
MAX_BLOCKS_VIEW = 100
SECTION_TEXT = 3_000
SECTION_FIELD = 2_000
SECTION_FIELDS = 10
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2_000
ACTION_ID = 255
BLOCK_ID = 255
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100
URL = 3_000
ALT_TEXT = 1_000  # an uploaded image's alt text (files.getUploadURLExternal)

# Web API methods per rate-limit tier (requests per minute per workspace, bursts tolerated).
TIERS: dict[str, int] = {"auth.test": 1200, "conversations.history": 50, "conversations.replies": 50,
                         "conversations.open": 50, "chat.update": 50, "chat.delete": 50,
                         "chat.postEphemeral": 100, "users.info": 100, "views.open": 100, "views.push": 100,
                         "views.update": 100, "views.publish": 100}


def _text(obj: Any) -> str:
    if isinstance(obj, dict):
        return str(obj.get("text") or "")
    return ""


def _element_problem(el: dict[str, Any]) -> str | None:
    if len(str(el.get("action_id") or "")) > ACTION_ID:
        return "action_id longer than 255"
    kind = el.get("type")
    if kind == "button":
        if len(_text(el.get("text"))) > BUTTON_TEXT:
            return "button text longer than 75"
        if len(str(el.get("value") or "")) > BUTTON_VALUE:
            return "button value longer than 2000"
        if len(str(el.get("url") or "")) > URL:
            return "button url longer than 3000"
    options = list(el.get("options") or [])
    for group in el.get("option_groups") or []:
        options += list(group.get("options") or [])
    if len(options) > OPTIONS:
        return "more than 100 options"
    for opt in options:
        if len(_text(opt.get("text"))) > OPTION_TEXT or len(str(opt.get("value") or "")) > OPTION_VALUE:
            return "option text over 75 or value over 150"
    return None


def _block_problem(block: Any) -> str | None:
    if not isinstance(block, dict) or not block.get("type"):
        return "block without a type"
    if len(str(block.get("block_id") or "")) > BLOCK_ID:
        return "block_id longer than 255"
    kind = block["type"]
    if kind == "section":
        if "text" not in block and "fields" not in block:
            return "section needs text or fields"
        if len(_text(block.get("text"))) > SECTION_TEXT:
            return "section text longer than 3000"
        if "text" in block and not _text(block.get("text")).strip() and "fields" not in block:
            return "section text empty"
        fields = block.get("fields") or []
        if len(fields) > SECTION_FIELDS or any(len(_text(f)) > SECTION_FIELD for f in fields):
            return "section fields over 10 or over 2000 characters"
        if isinstance(block.get("accessory"), dict):
            return _element_problem(block["accessory"])
    elif kind == "header":
        if not _text(block.get("text")).strip() or len(_text(block.get("text"))) > HEADER_TEXT:
            return "header text empty or longer than 150"
    elif kind == "context":
        elements = block.get("elements") or []
        if not elements or len(elements) > CONTEXT_ELEMENTS:
            return "context needs 1-10 elements"
        if any(len(_text(e)) > SECTION_TEXT for e in elements):
            return "context text longer than 3000"
    elif kind == "actions":
        elements = block.get("elements") or []
        if not elements or len(elements) > ACTIONS_ELEMENTS:
            return "actions needs 1-25 elements"
        for el in elements:
            if problem := _element_problem(el):
                return problem
    elif kind == "input" and isinstance(block.get("element"), dict):
        return _element_problem(block["element"])
    return None


def blocks_problem(blocks: Any, *, limit: int = MAX_BLOCKS_MESSAGE) -> str | None:
    """Why Slack would answer invalid_blocks, or None."""
    if blocks in (None, "", []):
        return None
    if not isinstance(blocks, list):
        return "blocks must be a list"
    if len(blocks) > limit:
        return f"more than {limit} blocks"
    ids = [b.get("block_id") for b in blocks if isinstance(b, dict) and b.get("block_id")]
    if len(ids) != len(set(ids)):
        return "duplicate block_id"
    for block in blocks:
        if problem := _block_problem(block):
            return problem
    return None


class Buckets:
    """Token buckets keyed by anything: `take(key, rate, burst)` returns 0 or the seconds to wait."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: dict[Any, tuple[float, float]] = {}

    def take(self, key: Any, rate: float, burst: float) -> float:
        now = time.monotonic()
        with self._lock:
            tokens, at = self._state.get(key, (burst, now))
            tokens = min(burst, tokens + (now - at) * rate)
            if tokens >= 1:
                self._state[key] = (tokens - 1, now)
                return 0.0
            self._state[key] = (tokens, now)
            return (1 - tokens) / rate

    def clear(self) -> None:
        with self._lock:
            self._state.clear()


def retry_after(wait: float) -> str:
    """Slack sends whole seconds, at least one."""
    return str(max(1, math.ceil(wait)))


def content_refusal(method: str, params: dict[str, Any]) -> str | None:
    """invalid_blocks / msg_too_long / views' limits, whatever the ids."""
    if method in ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"):
        if len(str(params.get("text") or "")) > MAX_TEXT:
            return "msg_too_long"
        if blocks_problem(params.get("blocks")):
            return "invalid_blocks"
        if not params.get("text") and not params.get("blocks") and method != "response_url":
            return "no_text"
    if method in ("views.open", "views.push", "views.update", "views.publish"):
        view = params.get("view") or {}
        blocks = view.get("blocks") if isinstance(view, dict) else None
        if blocks_problem(blocks, limit=MAX_BLOCKS_VIEW):
            return "invalid_arguments"
    return None
