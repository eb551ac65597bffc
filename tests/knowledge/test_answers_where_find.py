"""answers17: "where do I find <area>'s <modifier> <thing> now" asks for the thing (its head noun after up to two words
before it), as "where are the <thing>" does, so an entry titled by it goes before the one the rest of the message
("the old board's site") matched.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

import pytest

from knowledge.ranking import _HEAD_RE
from knowledge.text import fold


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("where can we find wirral's multi agency procedures these days", "procedures"),
        ("where do i find the local practice guidance for halton", "guidance"),
        ("where are the procedures kept", "procedures"),
    ],
)
def test_the_thing_asked_where_to_find(question, head) -> None:
    m = _HEAD_RE.search(fold(question))
    assert m is not None and next(g for g in m.groups() if g) == head


def test_procedures_asked_beside_the_old_board_site(ask) -> None:
    res = ask("where would i find halton's multi agency procedures these days, still on the old hscb website?",
              "halton")
    assert res.answered and res.entry is not None and res.entry.id == "halton.process.procedures", res.text
