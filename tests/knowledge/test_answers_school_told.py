"""Issue #10 section 2, answers47: a worried message from police asking whether the children's school will be told
after a domestic ("attended a domestic last night ... does their school get told?") is answered with Operation
Encompass after the 999 line and the front door, not with the schools' general entry. The sentence is written here,
not copied from any set; it was seen failing on the commit before the change.
"""

from __future__ import annotations


def test_a_school_told_after_a_domestic_is_operation_encompass(ask) -> None:
    res = ask("response officer - attended a domestic last night, 3 kids in the house (5, 8 and 11). does their "
              "school get told about it?", "cheshire-west-and-chester")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert "Operation Encompass" in res.text, res.text
    assert [src["entry_id"] for src in res.sources][-1] == "national.glossary.operation-encompass", res.sources
