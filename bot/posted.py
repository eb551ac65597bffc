"""Finding a message the bot already posted, by the record id it carries in Slack message metadata.

Where a post went (channel, ts) is written after Slack took it, so a crash or a database outage can lose it
while the message stands. The channel's history still holds the message and its metadata: the reminders'
restart reconciliation (bot/reminders/engine.py) and the cards' lost places (bot/cardplace.py) both look it
up here, so neither posts a second copy.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

HISTORY_PAGE = 200  # messages a history call returns (Slack's own maximum is 1,000; 200 is its advice)


def metadata(event_type: str, record_id: int | str) -> dict[str, Any]:
    """What a post carries so it can be found again: an event type naming the kind of record, and its id."""
    return {"event_type": event_type, "event_payload": {"id": record_id}}


def conversation_for(client: WebClient, channel_id: str) -> str:
    """Where a post to `channel_id` lands: a channel as given; a person (U.../W...) in their DM with the bot,
    opened with conversations.open (Slack keeps no history under a user id)."""
    if not channel_id.startswith(("U", "W")):
        return channel_id
    return str(client.conversations_open(users=channel_id)["channel"]["id"])


def find_posted(client: WebClient, channel_id: str, event_type: str, record_id: int | str, *,
                oldest: float | None = None, thread_ts: str | None = None, pages: int = 1) -> str | None:
    """The ts of the bot's message carrying this record's metadata in the conversation (or the thread), newest
    first, reading at most `pages` pages of history; None if not there. Raises if Slack cannot say."""
    kwargs: dict[str, Any] = {"channel": conversation_for(client, channel_id), "limit": HISTORY_PAGE,
                              "include_all_metadata": True}
    if oldest is not None:
        kwargs["oldest"] = f"{oldest:.6f}"
    for _ in range(pages):
        resp = (client.conversations_replies(ts=thread_ts, **kwargs) if thread_ts
                else client.conversations_history(**kwargs))
        for message in resp.get("messages", []):
            meta = message.get("metadata") or {}
            if meta.get("event_type") == event_type and str(meta.get("event_payload", {}).get("id")) == str(record_id):
                return str(message.get("ts"))
        cursor = (resp.get("response_metadata") or {}).get("next_cursor")
        if not (resp.get("has_more") and cursor):
            return None
        kwargs["cursor"] = cursor
    return None
