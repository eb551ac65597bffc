"""Sends requests to the app's HTTP endpoint exactly as Slack does: real HTTP, real signatures."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

from bot import payloads
from bot.localslack import LocalSlack


@dataclass
class Response:
    status: int
    text: str
    elapsed: float

    @property
    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


class SignedSlack:
    def __init__(self, base_url: str, secret: str, fake: LocalSlack, team_id: str = "T0001") -> None:
        self.base_url = base_url.rstrip("/")
        self.secret = secret
        self.fake = fake
        self.team_id = team_id

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Response:
        self._register(body, content_type)
        signed = payloads.sign(secret or self.secret, body, timestamp)
        req = urllib.request.Request(
            self.base_url + path,
            data=body.encode(),
            method="POST",
            headers={"Content-Type": content_type, **signed, **(headers or {})},
        )
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return Response(resp.status, resp.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as err:
            return Response(err.code, err.read().decode(), time.perf_counter() - start)

    def _register(self, body: str, content_type: str) -> None:
        """Slack only sends what exists: the channel and person a request comes from are known to the fake."""
        if "json" in content_type:
            data = json.loads(body or "{}")
        else:
            form = urllib.parse.parse_qs(body)
            data = json.loads(form["payload"][0]) if "payload" in form else {k: v[0] for k, v in form.items()}
        event = data.get("event") if isinstance(data.get("event"), dict) else {}
        user = data.get("user_id") or data.get("user") or event.get("user")
        channel = data.get("channel_id") or data.get("channel") or event.get("channel")
        user = user.get("id") if isinstance(user, dict) else user
        channel = channel.get("id") if isinstance(channel, dict) else channel
        if isinstance(user, str) and user:
            self.fake.add_user(user)
        if isinstance(channel, str) and channel:
            self.fake.add_channel(channel)

    def get(self, path: str) -> Response:
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=10) as resp:
                return Response(resp.status, resp.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as err:
            return Response(err.code, err.read().decode(), time.perf_counter() - start)

    # Slack-shaped requests ------------------------------------------------------------------
    def command(
        self, command: str, text: str = "", *, user: str = "UPRACT01", channel: str = "CGENERAL1", **kw: Any
    ) -> Response:
        body, ctype = payloads.command_body(
            command, text, team_id=kw.pop("team_id", self.team_id), user_id=user, channel_id=channel,
            response_url=self.fake.response_url(uuid.uuid4().hex),
        )
        return self.post(body, ctype, **kw)

    def action(
        self,
        action_id: str,
        value: str = "",
        *,
        user: str = "UPRACT01",
        channel: str | None = "CGENERAL1",
        block_id: str | None = None,
        message: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
        selected_option: dict[str, Any] | None = None,
        team_id: str | None = None,
    ) -> Response:
        action: dict[str, Any] = {"type": "button", "action_id": action_id, "block_id": block_id or "b",
                                  "value": value, "text": {"type": "plain_text", "text": action_id}}
        if selected_option is not None:
            action = {"type": "static_select", "action_id": action_id, "block_id": block_id or "b",
                      "selected_option": selected_option}
        body, ctype = payloads.block_actions_body(
            action, team_id=team_id or self.team_id, user_id=user, channel_id=channel,
            response_url=self.fake.response_url(uuid.uuid4().hex) if view is None else None,
            message=message, view=view,
        )
        return self.post(body, ctype)

    def submit(
        self, view: dict[str, Any], values: dict[str, dict[str, dict[str, Any]]], *, user: str = "UPRACT01",
        team_id: str | None = None,
    ) -> Response:
        body, ctype = payloads.view_submission_body(view, values, team_id=team_id or self.team_id, user_id=user)
        return self.post(body, ctype)

    def event(self, event: dict[str, Any], *, event_id: str | None = None, **kw: Any) -> Response:
        body, ctype = payloads.event_body(event, team_id=self.team_id, event_id=event_id)
        return self.post(body, ctype, **kw)

    def dm(self, text: str, *, user: str = "UPRACT01", event_id: str | None = None, **kw: Any) -> Response:
        return self.event(payloads.message_event(text, user_id=user, channel_id="D" + user), event_id=event_id, **kw)

    def mention(self, text: str, *, user: str = "UPRACT01", channel: str = "CGENERAL1") -> Response:
        return self.event(payloads.app_mention_event(text, user_id=user, channel_id=channel))

    def open_modal(self, command: str, text: str = "", *, user: str = "UPRACT01", channel: str = "CGENERAL1",
                   timeout: float = 5.0) -> dict[str, Any]:
        """Run a command that opens a modal and return the view the app sent to views.open."""
        before = len(self.fake.calls_to("views.open"))
        resp = self.command(command, text, user=user, channel=channel)
        assert resp.status == 200, resp.text
        calls = self.fake.wait_for("views.open", count=before + 1, timeout=timeout)
        view = calls[-1]["view"]
        return view if isinstance(view, dict) else json.loads(view)


def state(**fields: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Build view state values: state(block_id=("action_id", {"type": ..., "value": ...}))."""
    return {block: {action: value} for block, (action, value) in fields.items()}


def text_value(value: str, action_id: str = "value") -> tuple[str, dict[str, Any]]:
    return action_id, {"type": "plain_text_input", "value": value}


def select_value(value: str, action_id: str = "value", text: str | None = None) -> tuple[str, dict[str, Any]]:
    option = {"text": {"type": "plain_text", "text": text or value}, "value": value}
    return action_id, {"type": "static_select", "selected_option": option}


def date_value(value: str | None, action_id: str = "value") -> tuple[str, dict[str, Any]]:
    return action_id, {"type": "datepicker", "selected_date": value}


def checkboxes_value(values: list[str], action_id: str = "value") -> tuple[str, dict[str, Any]]:
    options = [{"text": {"type": "plain_text", "text": v}, "value": v} for v in values]
    return action_id, {"type": "checkboxes", "selected_options": options}
