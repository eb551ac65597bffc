"""Answers pass answers24: a claim checked, a group named beside the levels.

"how often does it meet now? someone said it's only twice a year": the asker checks a claim of the slot against the
documents, so the documents' value is given with its date rather than the now decline (a now question with no claim is
still declined). "which levels does the X group look at" asks about the named group, so the level preference does not
lift the framework over it. Sentences are written here, not copied from any set; each was seen failing on main 25711b8
(the declines are guards that passed there and must keep passing).
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered, assert_declined


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("how often does the warrington practitioners forum meet these days? a colleague said it was yearly",
         "warrington", "quarterly"),
        ("how often is the practitioners forum now? i heard its only once a year", "warrington", "quarterly"),
    ],
)
def test_a_claim_heard_is_checked_against_the_documents(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and res.sources, res.text
    assert says in res.text and "As of" in res.text, res.text


def test_a_now_question_without_a_claim_is_still_declined(ask) -> None:
    assert_declined(ask("how often does the warrington practitioners forum meet now", "warrington"), "June 2019")


def test_a_group_named_beside_the_levels_answers_for_the_group(ask) -> None:
    res = ask("the halton safeguarding practice group - which levels of the framework does it cover", "halton")
    assert res.answered and "Safeguarding Practice Group" in res.text.split("\n")[0], res.text


def test_an_organisation_not_listed_is_told_its_section_11_duty(ask) -> None:
    res = ask("our charity isn't on the halton list of relevant agencies - do we still have any duty to cooperate",
              "halton")
    assert_answered(res, "section 11")
