"""Issue #10, answers83 (blind-cc's classes): health organisations by the short names their staff use, an agency
asked about by name, a section of an Act the documents never mention, and a clause saying which one is asked.

Sentences are written here, not copied from any set; each was seen failing on main ace727a.
"""

from __future__ import annotations

import pytest

from knowledge.question import main_question, split_context
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


def test_an_agency_named_in_the_leading_list_answers(ask) -> None:
    # "is X part of it": the list naming X answers, however few of the question's other words it holds
    res = ask("is the ambulance service really in the partnership or only asked along to the odd event",
              "cheshire-west-and-chester")
    assert_answered(res, "North West Ambulance Service")


@pytest.mark.parametrize("question", [
    "police used section 136 for a 15 year old in wirral, what is the process and who do we phone?",
    "teenager detained on a s136 last night, what's the procedure and who do i call",
])
def test_a_section_no_entry_holds_is_not_answered(ask, question: str) -> None:
    assert not ask(question, "wirral").answered


def test_a_section_the_documents_hold_still_answers(ask) -> None:
    assert ask("what is a section 47 enquiry", "halton").answered


def test_which_one_is_asked_is_no_remark() -> None:
    q = "who is the health lead on the wirral partnership? the CCG officer not the chief officer"
    assert main_question(q) == q
    assert split_context(q)[1] == ""


def test_a_trailing_remark_still_goes() -> None:
    assert main_question("who chairs the executive? need it for a report") == "who chairs the executive?"


def test_which_one_is_asked_finds_the_senior_officer(ask) -> None:
    res = ask("who leads on health for cheshire west's partnership? the delegated CCG officer not the accountable "
              "officer", "cheshire-west-and-chester")
    assert_answered(res, "Director of Quality and Patient Experience")
