"""Kill the HTTP worker (SIGKILL) during a burst of escalation transitions: after restart, every transition is
either fully recorded (its event row and its audit row) or not at all, and the worker serves again."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter

from sqlalchemy import select

from storage.core import AuditLog
from storage.escalations import Escalation, EscalationEvent
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, raise_one, workspace  # noqa: F401
from tests.slackclient import SignedSlack

SECRET = "kill-worker-secret"
BURST = 150


def _worker(database_url: str, api_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": api_url, "LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1", "--port",
                             str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("worker did not start")


def _notes(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return len(s.scalars(select(EscalationEvent).where(EscalationEvent.kind == "note")).all())


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sigkill_mid_burst_leaves_no_half_recorded_transition(slack, fake_slack, db, database_url, workspace):  # noqa: F811
    refs = [raise_one(slack, fake_slack) for _ in range(6)]
    port = _port()
    fake_slack.delay = 0.05  # card updates take a while, so the kill lands while transitions are in flight
    worker = _worker(database_url, fake_slack.api_url, port)
    client = SignedSlack(f"http://127.0.0.1:{port}", SECRET, fake_slack)

    def fire(i: int) -> None:
        with contextlib.suppress(OSError):  # the worker was killed under this request
            client.command("/escalate", f"note {refs[i % len(refs)]} Chased again ({i})", user=MANAGER,
                           channel=ESC_CHANNEL)

    threads = [threading.Thread(target=fire, args=(i,)) for i in range(BURST)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30  # kill once the first note is recorded (a condition, not a fixed sleep)
    while _notes(db) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    for t in threads:
        t.join(timeout=15)

    before_restart = _notes(db)
    print("notes recorded when the worker was killed:", before_restart, "of", BURST)
    assert 0 < before_restart < BURST, "the kill did not land mid-burst: nothing was tested"
    worker = _worker(database_url, fake_slack.api_url, port)  # restart: it serves again
    try:
        assert client.command("/escalate", f"note {refs[0]} After the restart", user=MANAGER,
                              channel=ESC_CHANNEL).status == 200
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with db.session() as s:
                if s.scalars(select(EscalationEvent).where(EscalationEvent.text == "After the restart")).first():
                    break
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.wait(timeout=10)

    with db.session() as s:
        ids = {e.id: e.ref for e in s.scalars(select(Escalation))}
        events = Counter(ids[e.escalation_id] for e in s.scalars(
            select(EscalationEvent).where(EscalationEvent.kind == "note")))
        audited = Counter(a.entity_id for a in s.scalars(select(AuditLog).where(AuditLog.action == "escalation.noted")))
    assert events == audited  # every note has both rows or neither
    assert sum(events.values()) >= 1  # the one after the restart at least
