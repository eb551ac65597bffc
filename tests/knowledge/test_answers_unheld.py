"""Issue #10 part 2, sixth pass: a confident answer whose entry lacks the kind of fact asked for.

Through the Answerer: a group no document names, an inspection's findings, a person asked for "by name"; and
the in-scope questions beside each that must still be answered.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        # a group the area's documents never write is not answered with the area's structure or another group
        ("how often does the halton neglect sub-group meet", "halton", "Halton's arrangements name no neglect"),
        ("who sits on the warrington gangs panel", "warrington", "Warrington's arrangements name no gangs panel"),
        # an inspection's findings are not a definition of the inspection
        ("what did inspectors find when they came to wirral", "wirral", "do not give that inspection's findings"),
        ("what did the halton JTAI find", None, "do not give that inspection's findings"),
        # a name asked for after the role
        ("who is the warrington business manager, by name", None, "do not name the person"),
        # a role's own address asked for: the partnership's policy mailbox is not the LADO's (answers64)
        ("email address for the LADO in halton please", "halton", "give no email address"),
    ],
)
def test_a_fact_the_entry_lacks_is_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


@pytest.mark.parametrize(
    ("question", "partnership", "expect"),
    [
        ("what does the halton health sub-group do", "halton", "Health Sub-Group"),
        ("what does the exec group do in wirral", None, "Executive Group"),
        ("when does the practice improvement group meet", "cheshire-west-and-chester", "Practice Improvement Group"),
        ("who chairs the cheshire west scp in its first year, by name", None, "Gill Frame"),
        ("what does a JTAI look at", "wirral", "Joint Targeted Area Inspection"),
        # the documents that do report an inspection's findings are answered, however it is asked
        ("what did the jtai find in cheshire west", None, "JTAI"),
        # a group named in passing, in the plural, or misspelt is not a group the area lacks
        ("which youth groups have a say in halton", None, "Youth"),
        ("how often does the practioners forum happen in warrington", None, "quarterly"),
        ("who are the three safeguarding partners of the scp", "cheshire-west-and-chester", "Cheshire Police"),
        ("how many contacts to the lado were there in warrington", None, "317"),
        # a name asked for after the role, held by a runner-up (the partners entry names each representative)
        ("which council director sits on the wirral executive by name", None, "Paul Boyce"),
    ],
)
def test_what_the_entry_holds_is_answered(ask, question, partnership, expect) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.answered, res.text
    assert expect in res.text, res.text

