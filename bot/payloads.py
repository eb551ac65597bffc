"""Slack-shaped request bodies and signatures, built exactly as Slack builds them.

The console turns what a person types into these; the tests send them over HTTP.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

APP_ID = "A0SAFEGUARD"
_counter = itertools.count(1)


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends: HMAC-SHA256 over `v0:{timestamp}:{body}`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def _trigger() -> str:
    return f"{next(_counter)}.{int(time.time())}.trigger"


def command_body(
    command: str, text: str, *, team_id: str, user_id: str, channel_id: str, response_url: str
) -> tuple[str, str]:
    form = {
        "token": "legacy-unused",
        "team_id": team_id,
        "team_domain": "local",
        "channel_id": channel_id,
        "channel_name": channel_id.lower(),
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": _trigger(),
    }
    return urlencode(form), "application/x-www-form-urlencoded"


def _user(team_id: str, user_id: str) -> dict[str, str]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def block_actions_body(
    action: dict[str, Any],
    *,
    team_id: str,
    user_id: str,
    channel_id: str | None,
    response_url: str | None,
    message: dict[str, Any] | None = None,
    view: dict[str, Any] | None = None,
) -> tuple[str, str]:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": team_id, "domain": "local"},
        "user": _user(team_id, user_id),
        "api_app_id": APP_ID,
        "token": "legacy-unused",
        "trigger_id": _trigger(),
        "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0")}
        payload["view"] = view
    else:
        ts = (message or {}).get("ts", f"{time.time():.6f}")
        payload["container"] = {"type": "message", "message_ts": ts, "channel_id": channel_id, "is_ephemeral": False}
        payload["channel"] = {"id": channel_id, "name": str(channel_id).lower()}
        payload["message"] = message or {"ts": ts, "type": "message", "text": ""}
        if response_url:
            payload["response_url"] = response_url
    return urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"


def view_submission_body(
    view: dict[str, Any], values: dict[str, dict[str, dict[str, Any]]], *, team_id: str, user_id: str
) -> tuple[str, str]:
    submitted = {
        "id": view.get("id", "V0"),
        "team_id": team_id,
        "type": "modal",
        "blocks": view.get("blocks", []),
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "state": {"values": values},
        "hash": view.get("hash", "0"),
        "title": view.get("title", {"type": "plain_text", "text": "Form"}),
        "clear_on_close": False,
        "notify_on_close": False,
        "close": view.get("close"),
        "submit": view.get("submit"),
        "previous_view_id": None,
        "root_view_id": view.get("id", "V0"),
        "app_id": APP_ID,
        "external_id": "",
        "app_installed_team_id": team_id,
        "bot_id": "BBOT",
    }
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": "local"},
        "user": _user(team_id, user_id),
        "api_app_id": APP_ID,
        "token": "legacy-unused",
        "trigger_id": _trigger(),
        "view": submitted,
        "response_urls": [],
        "is_enterprise_install": False,
    }
    return urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"


def event_body(event: dict[str, Any], *, team_id: str, event_id: str | None = None) -> tuple[str, str]:
    body = {
        "token": "legacy-unused",
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": {"event_ts": f"{time.time():.6f}", **event},
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_counter):010d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team_id, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }
    return json.dumps(body), "application/json"


def message_event(text: str, *, user_id: str, channel_id: str, channel_type: str = "im") -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    return {"type": "message", "user": user_id, "text": text, "ts": ts, "channel": channel_id,
            "channel_type": channel_type}


def app_mention_event(text: str, *, user_id: str, channel_id: str) -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    return {"type": "app_mention", "user": user_id, "text": f"<@UBOT> {text}", "ts": ts, "channel": channel_id}


def url_verification_body(challenge: str) -> tuple[str, str]:
    body = {"token": "legacy-unused", "challenge": challenge, "type": "url_verification"}
    return json.dumps(body), "application/json"
