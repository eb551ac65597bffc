"""Issue #10 section 2, answers13b: the ranking reads what is asked, not a word beside it.

Sentences are written here, not copied from any set; each was seen failing on main c18b13e.
"""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "expect"),
    [
        # a term heard, then "what does that (actually) mean" with no punctuation between: the term's meaning
        ("at the child death review they kept saying modifiable factors what does that actually mean", CWAC,
         "future child deaths"),
        ("cdop minutes say 'modifiable factors' - what does that really mean", CWAC, "future child deaths"),
    ],
)
def test_a_term_heard_then_what_does_that_mean_gets_its_meaning(ask, question, partnership, expect) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer", res.text
    assert expect in res.text, res.text
