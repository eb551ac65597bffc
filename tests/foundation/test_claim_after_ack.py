"""A slash command is acknowledged before its replay claim is written (issue #16): the listener acks, then waits
for the claim before any work, and a replay that only the database catches (another process saw it first) is
acknowledged and does nothing. Through signed HTTP and the fake Slack; the claim writer is replaced by one whose
answer the test gives, so the order is certain. PostgreSQL only: on SQLite the ack still waits for the claim."""

from __future__ import annotations

import ast
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from cachetools import TTLCache

from bot import http_guard

HANDLERS = Path(__file__).resolve().parents[2] / "handlers"


class HeldClaims:
    """Stands in for bot.claims.WRITER: every claim stays unanswered until the test answers it."""

    def __init__(self) -> None:
        self.claims: list[Future[bool]] = []

    def claim(self, _db: object, _team: str, _key: str) -> Future[bool]:
        future: Future[bool] = Future()
        self.claims.append(future)
        return future


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch, db) -> HeldClaims:  # type: ignore[no-untyped-def]
    if db.is_sqlite:
        pytest.skip("on SQLite the ack waits for the claim (bot/http_guard.py says why)")
    writer = HeldClaims()
    monkeypatch.setattr(http_guard, "WRITER", writer)
    monkeypatch.setattr(http_guard, "REPLAY_DB_WAIT", 30.0)  # the listener waits for the answer, not a timeout
    monkeypatch.setattr(http_guard, "_seen", TTLCache(maxsize=100, ttl=360))
    return writer


def _wait_until(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    while not check():
        assert time.time() < deadline, "timed out"
        time.sleep(0.02)


def test_a_command_is_acknowledged_before_its_claim_is_written_and_answered_after(slack, fake_slack, held) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        sent = pool.submit(slack.command, "/safeguarding", "how often does the executive meet")
        assert sent.result(timeout=10).status == 200  # acked while the claim is still unanswered
        _wait_until(lambda: len(held.claims) == 1)
        assert not held.claims[0].done() and fake_slack.calls_to("response_url") == []  # no work before it
        held.claims[0].set_result(True)
        fake_slack.wait_for("response_url", count=1, timeout=10)


def test_a_replay_only_the_database_knows_is_acknowledged_and_does_nothing(slack, fake_slack, held,
                                                                            errors_logged) -> None:
    assert slack.command("/safeguarding", "area halton").status == 200
    _wait_until(lambda: len(held.claims) == 1)
    held.claims[0].set_result(False)  # another process claimed this signed request first
    assert slack.command("/safeguarding", "what is a LADO").status == 200
    _wait_until(lambda: len(held.claims) == 2)
    held.claims[1].set_result(True)
    fake_slack.wait_for("response_url", count=1, timeout=10)
    time.sleep(0.4)  # the replay's listener had as long as the real question's
    assert len(fake_slack.calls_to("response_url")) == 1
    assert errors_logged() == []  # stopped quietly: no "something went wrong" for a replay


def _acks_first(fn: ast.FunctionDef) -> bool:
    body = [stmt for stmt in fn.body if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))]
    first = body[0] if body else None
    return (isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
            and isinstance(first.value.func, ast.Name) and first.value.func.id == "ack"
            and not first.value.args and not first.value.keywords)


def test_every_slash_command_listener_acks_first_with_nothing() -> None:
    """The gate lets a command's ack go before its claim only because no command listener works before it."""
    found = []
    for path in HANDLERS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                    isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
                    for d in node.decorator_list):
                found.append((path.name, node.name, _acks_first(node)))
    assert len(found) >= 2
    assert [f for f in found if not f[2]] == []
