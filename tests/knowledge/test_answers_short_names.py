"""Issue #10 section 2, answers15: a local service's name written short with an ampersand ("EH&P").

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations


def test_early_help_and_prevention_written_short(ask) -> None:
    res = ask("does a school have to hand a TAF to EH&P or can it lead one itself", "cheshire-west-and-chester")
    assert res.outcome == "answer" and "any partner agency" in res.text, res.text
