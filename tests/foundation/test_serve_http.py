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
