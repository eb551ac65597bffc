"""Parsing Slack user and channel references out of command text (`<@U123|sam>`, `<#C123|general>`)."""

from __future__ import annotations

import re

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|\b([UW][A-Z0-9]{6,})\b")
_CHANNEL = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>|\b([CGD][A-Z0-9]{6,})\b")


def parse_user(text: str) -> str | None:
    m = _USER.search(text)
    return (m.group(1) or m.group(2)) if m else None


def parse_channel(text: str) -> str | None:
    m = _CHANNEL.search(text)
    return (m.group(1) or m.group(2)) if m else None


# What a users_select or conversations_select can send: one id, nothing else. A forged value (a name, a
# mention, a channel where a person is expected) is refused rather than posted to, stored or audited.
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,20}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,20}")


def is_user_id(value: str | None) -> bool:
    return bool(value) and _USER_ID.fullmatch(str(value)) is not None


def is_channel_id(value: str | None) -> bool:
    return bool(value) and _CHANNEL_ID.fullmatch(str(value)) is not None
