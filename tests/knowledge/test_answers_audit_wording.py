"""Issue #10 section 2, answers15: an audit's recommendations in the document's own words (seed 001, Multi Agency
Audit Programme): "inform a referring agency and GP", not a paraphrase.

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations


def test_the_camhs_audit_recommendation_as_written(ask) -> None:
    res = ask("what did the emotional wellbeing audit say camhs must do when a referral is turned down",
              "cheshire-west-and-chester")
    assert res.outcome == "answer" and "inform a referring agency and GP" in res.text, res.text
