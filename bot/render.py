"""Block Kit to readable terminal text, for the console (buttons numbered so they can be clicked)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_USER = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")


@dataclass
class Clickable:
    label: str
    element: dict[str, Any]
    block_id: str | None


def mrkdwn(text: str) -> str:
    text = _LINK.sub(r"\2 (\1)", text)
    text = _USER.sub(r"@\1", text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: dict[str, Any] | str | None) -> str:
    if obj is None:
        return ""
    if isinstance(obj, str):
        return mrkdwn(obj)
    return mrkdwn(str(obj.get("text", "")))


def render_blocks(blocks: list[dict[str, Any]], clickables: list[Clickable]) -> str:
    """Text for `blocks`; buttons and selects found are appended to `clickables` and shown as [n]."""
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            lines.append(f"== {_text(block.get('text'))} ==")
        elif kind == "section":
            if block.get("text"):
                lines.append(_text(block["text"]))
            for f in block.get("fields", []):
                lines.append("  " + _text(f))
            if block.get("accessory"):
                lines.append(_element(block["accessory"], block.get("block_id"), clickables))
        elif kind == "context":
            lines.append("  " + " · ".join(_text(e) for e in block.get("elements", []) if e.get("type") != "image"))
        elif kind == "divider":
            lines.append("-" * 40)
        elif kind == "actions":
            parts = [_element(e, block.get("block_id"), clickables) for e in block.get("elements", [])]
            lines.append("  ".join(p for p in parts if p))
        elif kind == "rich_text":
            lines.append(_rich_text(block))
        elif kind == "input":
            lines.append(f"{_text(block.get('label'))}: …")
    return "\n".join(line for line in lines if line is not None)


def _element(element: dict[str, Any], block_id: str | None, clickables: list[Clickable]) -> str:
    kind = element.get("type", "")
    if kind in ("button", "static_select", "overflow", "datepicker", "users_select", "channels_select"):
        label = _text(element.get("text") or element.get("placeholder")) or kind
        clickables.append(Clickable(label=label, element=element, block_id=block_id))
        return f"[{len(clickables)}] {label}"
    if kind == "image":
        return ""
    return _text(element.get("text"))


def _rich_text(block: dict[str, Any]) -> str:
    out: list[str] = []
    for section in block.get("elements", []):
        for el in section.get("elements", []):
            out.append(str(el.get("text", "")))
    return "".join(out)
