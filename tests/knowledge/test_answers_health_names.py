"""Issue #10, answers83 (blind-cc's classes): health organisations by the short names their staff use, an agency
asked about by name, a section of an Act the documents never mention, and a clause saying which one is asked.

Sentences are written here, not copied from any set; each was seen failing on main ace727a.
"""

from __future__ import annotations

import pytest

from knowledge.text import fold
from tests.knowledge.conftest import assert_answered


@pytest.mark.parametrize(
    ("question", "area", "says"),
    [
        # an acronym the documents never write is still the agency they list (not an unknown topic)
        ("paramedic here - is NWAS one of the relevant agencies in cheshire west",
         "cheshire-west-and-chester", "North West Ambulance Service"),
        ("ward sister, does the wirral list of relevant agencies have WUTH on it", "wirral",
         "Wirral University Teaching Hospital"),
    ],
)
def test_health_agency_by_its_short_name(ask, question: str, area: str, says: str) -> None:
    assert_answered(ask(question, area), says)


def test_primary_care_reads_as_the_gps() -> None:
    assert "gps" in fold("where can primary care feed in").split()


def test_primary_care_is_the_gps(ask) -> None:
    # "primary care" is the GPs: the health providers' own group answers
    assert_answered(ask("practice nurse - does primary care have a health sub group to go to in halton", "halton"),
                    "Health Sub-Group")


@pytest.mark.parametrize("question", [
    "what happens under a section 136 in wirral",
    "what's the procedure for an s136",
])
def test_a_section_no_entry_holds_is_not_answered(ask, question: str) -> None:
    # asked in the clause that asks; a section told only as background does not stop the answer (below)
    assert not ask(question, "wirral").answered


def test_a_section_told_as_background_keeps_the_answer(ask) -> None:
    res = ask("we had a disagreement with CAMHS about a section 136, what is the escalation process", "warrington")
    assert res.answered and res.outcome == "answer", res.text


def test_a_section_the_documents_hold_still_answers(ask) -> None:
    assert ask("what is a section 47 enquiry", "halton").answered


