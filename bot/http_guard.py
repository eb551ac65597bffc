"""The gate in front of Bolt: size, signature, shape and replay are checked before Bolt sees a byte.

Bolt's own verifier logs the whole body of a rejected request and its error handler answers the user
named in an unverified body; here a rejected request is answered with a status code and logged by
reason only. Limits: a body over `MAX_BODY_BYTES` (1 MiB; Slack's largest payloads, a view
submission with every field full, are well under 100 KB) is refused with 413 before it is read;
a signature must be Slack's v0 HMAC over `v0:{timestamp}:{body}` with a timestamp within five
minutes; a body must be UTF-8 and a JSON object (directly or as the form field `payload`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from cachetools import TTLCache

from bot.claims import WRITER
from bot.logs import get_logger
from storage.db import Database

log = get_logger(__name__)

MAX_BODY_BYTES = 1024 * 1024
REPLAY_WINDOW_SECONDS = 300
REPLAY_PREFIX = "sig:"  # processed_events rows claimed by a request signature, beside Slack's event ids
# Replays to this process are caught in memory at once; the database row catches them across processes. The
# ack never waits on the database for long: rows are written in batches (bot/claims.py, about one commit), and
# if the write lock is busy (SQLite held by the clock) the request goes on after REPLAY_DB_WAIT seconds and the
# row is written when the lock frees.
REPLAY_WINDOW_S = 360
REPLAY_DB_WAIT = 0.25
_seen: TTLCache[str, bool] = TTLCache(maxsize=200_000, ttl=REPLAY_WINDOW_S)
_seen_lock = threading.Lock()


@dataclass(frozen=True)
class Verdict:
    """What the gate decided: `status` 0 means pass the request on to Bolt."""

    status: int = 0
    reason: str = ""
    body: dict[str, Any] | None = None
    claim: Future[bool] | None = None  # a slash command's replay claim, still being written: settled after the ack


REFUSED = {401: b'{"error": "invalid request"}', 400: b'{"error": "malformed request"}',
           413: b'{"error": "request too large"}'}


def declared_length(environ: dict[str, Any]) -> int | None:
    """The Content-Length, or None when absent or not a number (the body is then read up to the limit)."""
    raw = str(environ.get("CONTENT_LENGTH") or "").strip()
    return int(raw) if raw.isdigit() else None


def read_body(environ: dict[str, Any]) -> bytes | None:
    """At most MAX_BODY_BYTES; None when the body is larger (never read whole)."""
    stream = environ["wsgi.input"]
    length = declared_length(environ)
    if length is not None and length > MAX_BODY_BYTES:
        return None
    raw = stream.read(length if length is not None else MAX_BODY_BYTES + 1)
    return None if len(raw) > MAX_BODY_BYTES else raw


def signature_valid(secret: str | None, timestamp: str, signature: str, raw: bytes, now: float | None = None) -> bool:
    """Slack's v0 signature; a missing, non-numeric or stale timestamp is simply invalid, never an error."""
    if not secret or not timestamp.isascii() or not timestamp.isdigit() or not signature.startswith("v0="):
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > REPLAY_WINDOW_SECONDS:
        return False
    expected = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest("v0=" + expected, signature)


def parse(raw: bytes, content_type: str) -> dict[str, Any] | None:
    """The body as Slack's JSON object, or None when it is not one (Bolt would fail on it)."""
    try:
        text = raw.decode("utf-8")
        # Bolt reads a body as JSON when its type says so or it starts with "{" (slack_bolt.request.internals): the
        # gate reads it the same way, so what it checked is what Bolt's listeners get
        if content_type.lower().startswith("application/json") or text.startswith("{"):
            body = json.loads(text)
        else:
            form = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
            if "payload" in form:
                body = json.loads(form["payload"][0])
            else:
                body = {key: values[0] for key, values in form.items()}
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: arrays nested 100,000 deep
        return None
    return body if isinstance(body, dict) and body and slack_shaped(body) else None


_OBJECTS = ("view", "event", "container", "message", "state")  # each, when present, a JSON object
_NAMED = ("team", "user", "channel", "enterprise")  # an object or an id
_STRINGS = ("type", "callback_id", "private_metadata", "action_id", "value", "trigger_id", "response_url")


def slack_shaped(body: dict[str, Any]) -> bool:
    """The types Slack always sends where Bolt and the listeners index into them: a list of action objects, a
    view with a dict of dicts of dicts for its values, ids as text. Anything else is malformed (400), not a
    KeyError or AttributeError deep in Bolt answered with 500 or a "something went wrong" post."""
    def fits(obj: dict[str, Any]) -> bool:
        if any(obj.get(k) is not None and not isinstance(obj[k], dict) for k in _OBJECTS):
            return False
        if any(obj.get(k) is not None and not isinstance(obj[k], dict | str) for k in _NAMED):
            return False
        return not any(k in obj and obj[k] is not None and not isinstance(obj[k], str) for k in _STRINGS)

    actions = body.get("actions") or []
    if not fits(body) or not isinstance(actions, list) or not all(isinstance(a, dict) and fits(a) for a in actions):
        return False
    for inner in ("view", "event", "message", "container"):
        if isinstance(body.get(inner), dict) and not fits(body[inner]):
            return False
    values = ((body.get("view") or {}).get("state") or {}).get("values")
    values = {} if values is None else values
    return isinstance(values, dict) and all(
        isinstance(block, dict) and all(isinstance(el, dict) for el in block.values()) for block in values.values())


def _team(body: dict[str, Any]) -> str:
    team = body.get("team_id") or (body.get("team") if isinstance(body.get("team"), str) else None)
    if not team and isinstance(body.get("team"), dict):
        team = body["team"].get("id")
    return str(team or "")[:32]


def claim(db: Database, body: dict[str, Any], signature: str) -> Future[bool]:
    """Start claiming this exact signed request; the future is False for a replay inside the five-minute window.

    Events carry their own event id (deduplicated in handlers/middleware.py) and url_verification
    changes nothing, so only commands and interactions are claimed. A replay to this process is known at
    once (memory); the database row, written in a batch by bot/claims.py, catches one to another process.
    """
    if body.get("type") in ("event_callback", "url_verification"):
        return _settled(True)
    key = REPLAY_PREFIX + hashlib.sha256(signature.encode()).hexdigest()[: 64 - len(REPLAY_PREFIX)]
    with _seen_lock:
        if key in _seen:
            return _settled(False)
        _seen[key] = True
    return WRITER.claim(db, _team(body), key)


def first_time(claim: Future[bool]) -> bool:
    """The claim's answer, waiting at most REPLAY_DB_WAIT: past that (the write lock is busy) True, and the row
    is written when the lock frees. A database fault is True too: the listener meets the same fault and says
    nothing was saved."""
    try:
        return claim.result(timeout=REPLAY_DB_WAIT)
    except FutureTimeout:
        log.info("http.replay_check_deferred")
        return True


def claim_once(db: Database, body: dict[str, Any], signature: str) -> bool:
    """False when this exact signed request was seen before (waits for the database row, see `first_time`)."""
    return first_time(claim(db, body, signature))


def _settled(value: bool) -> Future[bool]:
    future: Future[bool] = Future()
    future.set_result(value)
    return future


def check(environ: dict[str, Any], secret: str | None, db: Database) -> tuple[Verdict, bytes]:
    """Run every check in order; the raw body is returned so Bolt reads the same bytes."""
    raw = read_body(environ)
    if raw is None:
        return Verdict(413, "too_large"), b""
    timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
    signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
    if not signature_valid(secret, timestamp, signature, raw):
        return Verdict(401, "signature"), raw
    body = parse(raw, str(environ.get("CONTENT_TYPE") or ""))
    if body is None:
        return Verdict(400, "malformed"), raw
    pending = claim(db, body, signature)
    if body.get("command") and not pending.done() and not db.is_sqlite:
        # Every slash command's listener acks first, with nothing in the ack (handlers: `ack()` is its first
        # statement, checked by tests/foundation/test_claim_after_ack.py), so its ack need not wait for the
        # row's commit: the listener waits for it right after acking, before any work (bot/ackgate.py).
        # Not on SQLite: there every write of the process queues on the file's one writer, and this wait is what
        # holds new requests back when it is busy; without it 200 questions a second stalled for seconds.
        return Verdict(0, "", body, claim=pending), raw
    if not first_time(pending):
        return Verdict(200, "replay"), raw
    return Verdict(0, "", body), raw
