"""A local Slack Web API on loopback that behaves like Slack: answers the calls the bot makes and records them.

The console uses it so the real Bolt app and handlers run without Slack; tests and benchmarks use it as the
fake Slack server. Like the real API it takes time (`latency`, per method), paces chat.postMessage per
channel and other methods by tier when `rate_limits` is on (429 with Retry-After), and refuses what Slack
refuses: unknown channel and user ids, invalid blocks, over-long text (limits in bot.slacklimits). It knows
the ids it was told (`add_channel`, `add_user`); tests' signed requests register theirs as Slack would.
Sign in with Slack (authorize page, openid.connect.*) is `self.openid`, bot/localslack_oidc.py; installs by OAuth
(authorize page, oauth.v2.access, tokens per workspace) are `self.oauth`, bot/localslack_oauth.py.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from bot import slacklimits
from bot.localslack_files import FILE_METHODS, FileUploads
from bot.localslack_oauth import METHODS as OAUTH_METHODS
from bot.localslack_oauth import FakeOAuth
from bot.localslack_oidc import METHODS as OPENID_METHODS
from bot.localslack_oidc import FakeOpenID
from bot.slacklimits import content_refusal

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
Fault = tuple[int, dict[str, Any], dict[str, str]]
CHANNEL_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update", "chat.delete",
                             "conversations.history", "conversations.replies", "conversations.info"})
HISTORY_METHODS = frozenset({"conversations.history", "conversations.replies", "conversations.info"})


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.time)

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


class LocalSlack(FileUploads):
    def __init__(self, host: str = "127.0.0.1", port: int = 0, team_id: str = "T0001") -> None:
        self.team_id = team_id
        self.calls: list[Call] = []
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self._faults: dict[tuple[str, str | None], list[Fault]] = {}
        self.not_in_channel: set[str] = set()
        self.messages: list[dict[str, Any]] = []  # what chat.postMessage posted, for conversations.history
        self.uploads: dict[str, dict[str, Any]] = {}  # files.getUploadURLExternal -> bytes -> completeUploadExternal
        self.files: list[dict[str, Any]] = []  # files shared by files.completeUploadExternal
        self.delay = 0.0  # seconds every call takes unless `latency` names the method ("response_url" too)
        self.latency: dict[str, float] = {}
        self.rate_limits = False  # Slack's pacing: off so ordinary tests stay fast
        self.post_rate, self.post_burst = 1.0, 3.0  # chat.postMessage per channel: 1/s with short bursts
        self._buckets = slacklimits.Buckets()
        self.strict_ids = True  # unknown channel/user ids are refused as Slack refuses them
        self.channels: set[str] = set()
        self.users: set[str] = {BOT_USER_ID}
        self.listeners: list[Callable[[Call], None]] = []
        self._active: dict[Any, int] = {}
        self.peak: dict[Any, int] = {}  # most calls in progress at once, by method and by (method, channel)
        self.openid = FakeOpenID(team_id)  # Sign in with Slack (bot/localslack_oidc.py)
        self.oauth = FakeOAuth()  # installs by OAuth (bot/localslack_oauth.py)
        self._server = _Server((host, port), self._handler_class())
        self._thread: threading.Thread | None = None

    # lifecycle -----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, token: str) -> str:
        return f"{self.url}/response/{token}"

    def start(self) -> LocalSlack:
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-slack", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._faults.clear()
            self.not_in_channel.clear()
            self.messages.clear()
            self.uploads.clear()
            self.files.clear()
            self.channels.clear()
            self.users.intersection_update({BOT_USER_ID})
            self.delay, self.rate_limits, self.strict_ids = 0.0, False, True
            self.latency.clear()
            self._buckets.clear()
            self.peak.clear()
        self.openid.reset()
        self.oauth.reset()

    # what this workspace has ----------------------------------------------------------------
    def add_channel(self, *channel_ids: str) -> None:
        with self._lock:
            for cid in channel_ids:
                if cid.startswith("D"):
                    self.users.add(cid[1:])
                self.channels.add(cid)

    def add_user(self, *user_ids: str) -> None:
        """A member of the workspace; their DM with the bot (D + id) exists too."""
        with self._lock:
            self.users.update(user_ids)

    def knows_channel(self, channel: str) -> bool:
        if not self.strict_ids:
            return True
        return channel in self.channels or (channel.startswith("D") and channel[1:] in self.users)

    def knows_user(self, user: str) -> bool:
        return not self.strict_ids or user in self.users

    def set_latency(self, seconds: float, **per_method: float) -> None:
        """Every call takes `seconds`; name methods with _ for . (chat_postMessage=0.2, response_url=0.15)."""
        self.delay = seconds
        self.latency.update({k.replace("_", "."): v for k, v in per_method.items()})
        if "response.url" in self.latency:
            self.latency["response_url"] = self.latency.pop("response.url")

    # faults --------------------------------------------------------------------------------
    def _fault(self, method: str, fault: Fault, times: int, channel: str | None) -> None:
        with self._lock:
            self._faults.setdefault((method, channel), []).extend([fault] * times)

    def fail_next(self, method: str, error: str = "internal_error", times: int = 1, channel: str | None = None) -> None:
        self._fault(method, (200, {"ok": False, "error": error}, {}), times, channel)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1, channel: str | None = None) -> None:
        self._fault(method, (429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)}),
                    times, channel)

    def http_error_next(self, method: str, status: int = 500, times: int = 1) -> None:
        self._fault(method, (status, {"ok": False, "error": "server_error"}, {}), times, None)

    def _take_fault(self, method: str, channel: str | None) -> Fault | None:
        with self._lock:
            for key in ((method, channel), (method, None)):
                if self._faults.get(key):
                    return self._faults[key].pop(0)
        return None

    # inspection ----------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self, method: str, predicate: Callable[[Call], bool] | None = None, timeout: float = 5.0, count: int = 1
    ) -> list[Call]:
        """Block until `count` matching calls were recorded (listeners run after the ack)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method and (predicate is None or predicate(c))]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"no {count} call(s) to {method} within {timeout}s; saw {seen}")
                self._lock.wait(remaining)

    # serving -------------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
        for listener in list(self.listeners):
            listener(call)

    def _enter(self, keys: tuple[Any, ...]) -> None:
        with self._lock:
            for key in keys:
                self._active[key] = self._active.get(key, 0) + 1
                self.peak[key] = max(self.peak.get(key, 0), self._active[key])

    def _leave(self, keys: tuple[Any, ...]) -> None:
        with self._lock:
            for key in keys:
                self._active[key] -= 1

    def _took(self, method: str) -> None:
        seconds = self.latency.get(method, self.delay)
        if seconds:
            time.sleep(seconds)

    def _paced(self, method: str, channel: str | None) -> Fault | None:
        if not self.rate_limits:
            return None
        if method == "chat.postMessage":
            wait = self._buckets.take(("post", channel), self.post_rate, self.post_burst)
        elif method in slacklimits.TIERS:
            per_minute = slacklimits.TIERS[method]
            wait = self._buckets.take(("tier", method), per_minute / 60, per_minute)
        else:
            return None
        if wait <= 0:
            return None
        return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": slacklimits.retry_after(wait)}

    def _refusal(self, method: str, params: dict[str, Any]) -> str | None:
        """The error Slack would answer for these parameters, or None."""
        channel = str(params.get("channel") or "")
        if method in HISTORY_METHODS and not channel.startswith(("C", "G", "D")):
            return "channel_not_found"  # a user id is not a conversation
        if method in CHANNEL_METHODS:
            known = self.knows_user(channel) if channel.startswith(("U", "W")) else self.knows_channel(channel)
            if not channel or not known:
                return "channel_not_found"
        if method == "chat.postEphemeral" and not self.knows_user(str(params.get("user") or "")):
            return "user_not_found"
        if method in ("users.info", "views.publish") and not self.knows_user(str(params.get("user") or
                                                                                   params.get("user_id") or "")):
            return "user_not_found"
        if method in FILE_METHODS:
            return self._file_refusal(method, params)
        if method == "conversations.open":
            users = [u for u in str(params.get("users") or "").split(",") if u]
            if not users or not all(self.knows_user(u) for u in users):
                return "user_not_found"
        return content_refusal(method, params)

    def _answer(self, method: str, params: dict[str, Any]) -> Fault:
        channel = params.get("channel")
        fault = self._take_fault(method, channel) or self._paced(method, channel)
        if fault:
            return fault
        if error := self.oauth.refusal(params.get("token"), params) or self._refusal(method, params):
            return 200, {"ok": False, "error": error}, {}
        if method in ("chat.postMessage", "chat.postEphemeral") and channel in self.not_in_channel:
            return 200, {"ok": False, "error": "not_in_channel"}, {}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        body: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            body.update({"user_id": BOT_USER_ID, "bot_id": BOT_ID, "team_id": self.team_id, "team": "Local",
                         "user": "safeguarding", **self.oauth.identity(params.get("token"))})
        elif method == "chat.postMessage":
            channel = "D" + channel if str(channel).startswith(("U", "W")) else channel  # a user id posts to the DM
            body.update(channel=channel, ts=ts, message={"text": params.get("text"), "ts": ts})
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            with self._lock:
                self.messages.append({"channel": channel, "ts": ts, "text": params.get("text"),
                                      "thread_ts": params.get("thread_ts"), "metadata": metadata})
        elif method in ("conversations.history", "conversations.replies"):
            body.update(messages=self._history(method, params), has_more=False)
        elif method == "chat.postEphemeral":
            body.update(message_ts=ts)
        elif method == "chat.update":
            body.update(channel=channel, ts=params.get("ts"))
        elif method in ("views.open", "views.push", "views.update", "views.publish"):
            view = params.get("view")
            if isinstance(view, str):
                view = json.loads(view)
            body["view"] = {**(view or {}), "id": f"V{next(self._ts):08d}", "hash": ts}
        elif method == "conversations.open":
            body["channel"] = {"id": "D" + str(params.get("users", "U")).split(",")[0]}
        elif method == "users.info":
            body["user"] = {"id": params.get("user"), "tz": "Europe/London", "name": "user"}
        elif method in FILE_METHODS:
            body.update(self._file_answer(method, params, next(self._ts)))
        return 200, body, {}

    def _history(self, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        channel, oldest = params.get("channel"), float(params.get("oldest") or 0)
        with self._lock:
            found = [m for m in self.messages if m["channel"] == channel and float(m["ts"]) >= oldest]
        if method == "conversations.history":
            found = [m for m in found if not m.get("thread_ts")]
        else:
            found = [m for m in found if m.get("thread_ts") == params.get("ts")]
        return [{"type": "message", "ts": m["ts"], "text": m["text"],
                 **({"metadata": m["metadata"]} if m.get("metadata") else {})} for m in reversed(found)]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        local = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Slack's edge (every answer has a Content-Length)
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait on a kept-alive socket

            def log_message(self, *_args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                status, headers, page = local.oauth.page(self.path) or local.openid.page(self.path)  # authorize
                self._write(status, page.encode(), "text/html; charset=utf-8", headers)

            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/upload/"):  # files_upload_v2's second step: raw bytes, not the API
                    status = local._receive_upload(self.path.rsplit("/", 1)[1], data)
                    local._record(Call("upload", {"file_id": self.path.rsplit("/", 1)[1], "bytes": len(data),
                                                  "_ok": status == 200}))
                    self._send(status, {"ok": status == 200}, {})
                    return
                raw = data.decode("utf-8")
                params = _parse_body(raw, self.headers.get("Content-Type", ""))
                name = self.path.removeprefix("/api/").strip("/")
                if name in OPENID_METHODS or name in OAUTH_METHODS:
                    self._side(local.openid if name in OPENID_METHODS else local.oauth, name, params)
                    return
                if self.path.startswith("/response/"):
                    local._took("response_url")
                    error = content_refusal("response_url", params)
                    local._record(Call("response_url", {**params, "token": self.path.rsplit("/", 1)[1],
                                                        "_ok": error is None}))
                    self._send(400 if error else 200, {"ok": error is None, **({"error": error} if error else {})},
                               {})
                    return
                method = self.path.removeprefix("/api/").strip("/")
                if self.headers.get("Authorization"):
                    params.setdefault("token", self.headers["Authorization"].removeprefix("Bearer "))
                keys = (method, (method, params.get("channel")))
                local._enter(keys)
                try:
                    local._took(method)
                    status, body, headers = local._answer(method, params)
                finally:
                    local._leave(keys)
                local._record(Call(method, {**params, "_status": status, "_ok": body.get("ok"),
                                            "_error": body.get("error")}))
                self._send(status, body, headers)

            def _side(self, side: FakeOpenID | FakeOAuth, method: str, params: dict[str, Any]) -> None:
                status, body, headers = side.answer(method, params, self.headers.get("Authorization", ""))
                local._record(Call(method, {**side.loggable(params), "_ok": body.get("ok"),
                                            "_error": body.get("error")}))
                self._send(status, body, headers)

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
                self._write(status, json.dumps(body).encode(), "application/json; charset=utf-8", headers)

            def _write(self, status: int, data: bytes, content_type: str, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # a burst of clients is queued, as Slack's edge would, not reset


def _parse_body(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        return json.loads(raw)
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    for key in ("blocks", "view", "attachments"):
        if isinstance(params.get(key), str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params
