"""Issue #10 sections 1 and 2, answers27: an area's headline figures asked the common way.

* "under 18s" are children: "how many under 18s live in cheshire west" is the area's 70,000, not an entry that
  matched the "18" of "2017-18";
* a count of plans ("child protection plan numbers at march 2018") is figures, not a worry about a child (the
  statistical backstop was raised by the "child" of "child protection");
Sentences are written here, not copied from any set; each was seen failing on main a3249ae. (The same pass gave the
child protection figures entry a phrasing for its own headline fact, "how many children were on child protection
plans in march 2018": six development lines asked it so; new wordings of it already passed on main.)
"""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize("question", ["roughly how many under 18s live in cheshire west",
                                      "under 18s living in cwac - how many roughly"])
def test_under_18s_are_children(ask, question) -> None:
    res = ask(question, CWAC)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == f"{CWAC}.process.area", res.text
    assert "70,000" in res.text


def test_a_count_of_plans_is_figures_not_a_worry(ask) -> None:
    res = ask("cwac child protection plan numbers at march 2018?", CWAC)
    assert res.outcome == "answer" and not res.safety, res.text
    assert "216" in res.text
