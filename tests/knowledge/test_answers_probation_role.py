"""Issue #10 section 2 (confidence that matches the evidence): "PO" (probation officer) is who asks, not a topic.

An acronym in capitals that nothing knows keeps any answer unsure (evidence.unknown_acronyms), so "new PO here, ..."
got "did you mean" however well the rest matched. A probation officer is a practitioner's own role like "SW" or
"HV" (`self_roles`; development: +1 right, 0 traps). Sentences written here, not copied from a set.
"""

from __future__ import annotations

from knowledge.answering import get_answerer


def test_a_probation_officer_is_a_role() -> None:
    assert get_answerer().evidence.unknown_acronyms("new PO here, how does probation engage with the partnership?") \
        == []


def test_a_question_from_a_po_is_answered(ask) -> None:
    res = ask("new PO here, how does probation engage with the wirral partnership?", "wirral")
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == "wirral.relevant-agencies.list", \
        res.text


def test_other_unknown_capitals_still_count() -> None:
    assert get_answerer().evidence.unknown_acronyms("new PO here, how long does an EHCP take?") == ["EHCP"]
