"""`safeguarding-bot serve --http` as a real process: answers a signed command, rejects a forged one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.slackclient import SignedSlack


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(database_url, fake_slack):
    port = _free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "proc-secret",
           "SLACK_API_URL": fake_slack.api_url, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server did not start")
    yield SignedSlack(f"http://127.0.0.1:{port}", "proc-secret", fake_slack)
    proc.terminate()
    proc.wait(timeout=10)


def test_serve_http_answers_signed_and_rejects_forged(served, fake_slack):
    ok = served.command("/safeguarding", "help")
    assert ok.status == 200 and ok.elapsed < 3.0
    assert "Safeguarding assistant" in fake_slack.wait_for("response_url")[0]["text"]
    forged = served.command("/safeguarding", "help", secret="forged")
    assert forged.status == 401
    time.sleep(0.3)
    assert len(fake_slack.calls_to("response_url")) == 1


def test_serve_without_secret_names_the_variable(database_url):
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "DATABASE_URL": database_url}
    env.pop("SLACK_SIGNING_SECRET", None)
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "serve", "--http"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert "SLACK_SIGNING_SECRET" in proc.stderr


def _children(pid: int) -> list[int]:
    from pathlib import Path

    return [int(k) for f in Path(f"/proc/{pid}/task").glob("*/children") for k in f.read_text().split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_serve_http_with_two_workers_answers_once_and_stops_together(database_url, fake_slack):
    port = _free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "proc-secret",
           "SLACK_API_URL": fake_slack.api_url, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", "2"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and len(_children(proc.pid)) < 2:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) == 2
        answered = 0
        while time.time() < deadline and answered < 20:  # both must be up: each connection lands on either
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    answered += 1
            except OSError:
                time.sleep(0.2)
        client = SignedSlack(f"http://127.0.0.1:{port}", "proc-secret", fake_slack)
        for _ in range(4):
            assert client.command("/safeguarding", "help").status == 200
        assert len(fake_slack.wait_for("response_url", count=4)) == 4
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert proc.returncode is not None
    time.sleep(0.5)
    from pathlib import Path

    def gone(pid: int) -> bool:
        status = Path(f"/proc/{pid}/status")
        return not status.exists() or "zombie" in status.read_text().lower()

    assert all(gone(pid) for pid in workers)


def test_settle_puts_what_start_up_loaded_out_of_the_collectors_reach():
    """`serve` calls bot.app.settle() once the app is built: the screen's word lists and the knowledge base, loaded
    at start, are frozen, so a full collection no longer walks them during a long screening."""
    import gc

    from bot.app import settle, warm_up

    warm_up()
    before = gc.get_freeze_count()
    try:
        settle()
        assert gc.get_freeze_count() > before + 100_000
    finally:
        gc.unfreeze()
