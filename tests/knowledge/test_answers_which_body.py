"""Issue #10 section 2, answers50: "which CDOP are we part of" asks which body, not whether the asker's organisation
is a relevant agency, so the body's entry answers and not the area's list of relevant agencies ("are we part of" is
a membership cue only when the clause does not open with which / what). Written here; seen answered with the agency
list on the commit before the change.
"""

from __future__ import annotations


def test_which_body_are_we_part_of_is_that_body(ask) -> None:
    res = ask("which child death panel are we part of in cheshire west", "cheshire-west-and-chester")
    assert res.entry is not None and res.entry.id == "cheshire-west-and-chester.process.cdop", res.text


def test_are_we_part_of_it_still_asks_for_the_list(ask) -> None:
    res = ask("we run a youth boxing club in chester - are we part of the arrangements?", "cheshire-west-and-chester")
    assert res.entry is not None and res.entry.agencies, res.text
