"""Rows whose message is written when it is sent, not when it is laid (the scheduled QA pack).

Most delivery rows carry their text and blocks from the moment they are laid. A few sources need the figures of
the day they are posted; such a source registers a composer here (bot.capabilities does, so the engine imports no
capability). The engine still claims, posts and records the row itself, so exactly-once is unchanged; the
composer's `after` (e.g. charts uploaded in the message's thread) runs once the post has succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk import WebClient

from storage.db import Database


class Row(Protocol):
    id: int
    team_id: str
    channel_id: str
    source: str
    source_ref: str


@dataclass(frozen=True)
class Composed:
    text: str
    blocks: list[dict[str, Any]] | None
    after: Callable[[WebClient, str, str], None] | None = None  # (client, channel, ts), after a successful post


Composer = Callable[[Database, Row], Composed]
_COMPOSERS: dict[str, Composer] = {}


def register(source: str, composer: Composer) -> None:
    """Idempotent: the last registration for a source wins (bot.capabilities.register_all calls this)."""
    _COMPOSERS[source] = composer


def composer_for(source: str) -> Composer | None:
    return _COMPOSERS.get(source)
