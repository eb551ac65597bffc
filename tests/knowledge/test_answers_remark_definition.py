"""Issue #10 section 2, answers49: "what is X" wants the meaning first, also when a remark follows the question
("whats HWBB? saw it on the quality assurance group notes"): the asking part is read for the definition request,
so the glossary entry goes first and not the group or report the remark names. Sentences are written here; each was
answered with another entry on the commit before the change.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "whats NYAS? they were listed on the strategic group",
    "whats HWBB? saw it on the quality assurance group notes",
])
def test_a_meaning_asked_before_a_remark_gets_the_glossary(ask, question: str) -> None:
    res = ask(question, "warrington")
    assert res.entry is not None and res.entry.id == "warrington.glossary.wsp", res.text
