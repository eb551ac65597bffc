"""What the knowledge tests share: the shipped answerer's `answer`, and the checks that a question was answered or
declined."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer


@pytest.fixture(scope="module")
def ask():
    return get_answerer().answer


def assert_declined(res, says: str) -> None:
    """Declined plainly: no answer, no entry, no source, and the reason names `says`."""
    assert res.outcome == "cannot_answer" and not res.answered, res.text
    assert says in res.text, res.text
    assert res.entry is None and not res.sources


def assert_answered(res, says: str) -> None:
    """Answered from an entry with its source, and the answer holds `says`."""
    assert res.answered and res.sources, res.text
    assert says in res.text, res.text
