"""Issue #10 section 2, answers15: people outside the statutory world asking whether the arrangements take them in.

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "area"),
    [
        # whether the arrangements reach the asker's kind of organisation, said in other words than "part of"
        ("I run a small dance school in warrington. does the safeguarding partnership count us in at all?",
         "warrington"),
        ("we're a small chapel, do faith groups have any role in the halton arrangements?", "halton"),
        ("I teach piano privately from home - do the wirral arrangements apply to people like me?", "wirral"),
    ],
)
def test_whether_we_are_taken_in_is_the_list_of_relevant_agencies(ask, question, area) -> None:
    res = ask(question, area)
    assert res.outcome == "answer", res.text
    assert res.entry is not None and res.entry.agencies, res.text
