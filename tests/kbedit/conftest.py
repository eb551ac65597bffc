"""Knowledge upkeep tests wait longer for Slack calls: an approval rebuilds the search index before the card is
updated, which takes seconds rather than a fraction of one when the shared machine is busy."""

from __future__ import annotations

from typing import Any

import pytest

WAIT_SECONDS = 20.0


@pytest.fixture(autouse=True)
def _patient_fake_slack(fake_slack, monkeypatch):  # type: ignore[no-untyped-def]
    wait_for = fake_slack.wait_for

    def patient(method: str, predicate: Any = None, timeout: float = WAIT_SECONDS, count: int = 1) -> Any:
        return wait_for(method, predicate, timeout=max(timeout, WAIT_SECONDS), count=count)

    monkeypatch.setattr(fake_slack, "wait_for", patient)
    yield
