"""Issue #10 section 2, answers48: a designated safeguarding lead asking which Cheshire West group they can join to
feed into the partnership is answered with the Practice Improvement Group, whose wider membership is DSLs from
relevant agencies (000 s.4.4; the agency table gives education and early years settings membership of it). The
sentences are written here; each was a "did you mean" on the commit before the change.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "new DSL at a nursery in chester - is there a partnership group i can join to feed in?",
    "DSL at a secondary - which group can dsls join to have a say in the partnership",
])
def test_a_dsl_asking_which_group_to_join_gets_the_practice_improvement_group(ask, question) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert res.outcome == "answer", res.text
    assert res.entry is not None and res.entry.id == "cheshire-west-and-chester.group.pig", res.text
