"""Issue #10 section 2, answers15: a chat word beside the subject ("the top bosses") names no other subject, so a
frequency the entry gives is not declined; one the entry says too ("formally meet") still counts.

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["how often do the 3 top bosses meet in halton",
                                      "how often do the three big bosses in halton meet"])
def test_a_chat_word_beside_the_subject(ask, question) -> None:
    res = ask(question, "halton")
    assert res.outcome == "answer" and "every 6 months" in res.text, res.text
