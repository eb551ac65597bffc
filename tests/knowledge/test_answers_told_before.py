"""Answers pass answers25: what is asked after a problem told, by whom, and in other forms.

"<a problem told>, what can the partnership actually do?" asks only what can be done, so it is about the problem
told before it (`recourse_questions`), not about the partnership itself; "whats the partnership called" still names
its own subject. A role said first and a question about the asker's own part ("which groups am i expected to sit
on") asks where that role sits, so the role is not weighed down as context. "is there a health subgroup ..." is
answered by the entry titled with it when the top's title names nothing asked. "came fully into force" is a start
said with its adverb between. "are we supposed to co-operate" is the duty of an organisation the list does not
name, as "do we have to cooperate" is. "what other ..." after a clause telling cases short of a review is other
than those. Sentences are written here, not copied from any set; each was seen failing
on main d9ed6ae (the guards passed there and must keep passing).
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize("question", [
    "one organisation keeps blanking HCYPSP information requests, what can the partnership ultimately do?",
    "a relevant agency has refused our data request twice now, what can the partnership ultimately do?",
])
def test_what_can_be_done_is_about_the_problem_told_before(ask, question) -> None:
    res = ask(question, "halton")
    assert_answered(res, "injunction")
    assert res.entry is not None and res.entry.id != "halton.partners.safeguarding-partners", res.text


def test_a_question_naming_the_partnership_itself_still_stands_alone(ask) -> None:
    res = ask("new to halton, whats the partnership called now? HCYPSP is everywhere", "halton")
    assert_answered(res, "Halton Children and Young People Safeguarding Partnership")


@pytest.mark.parametrize("question", [
    "detective inspector here - which of the WSP groups am i meant to be sitting on",
    "head teacher in warrington - which of the wsp groups should i be sitting on",
])
def test_the_role_said_first_is_whose_part_is_asked(ask, question) -> None:
    res = ask(question, "warrington")
    assert res.answered and res.entry is not None and res.entry.id == "warrington.group.by-sector", res.text


def test_a_subgroup_asked_for_is_answered_by_its_own_entry(ask) -> None:
    res = ask("is there a health subgroup under the hcypsp and is it children only?", "halton")
    assert_answered(res, "joint sub-group")


def test_came_fully_into_force_is_when_it_started(ask) -> None:
    res = ask("what date did the new arrangements in wirral come fully into effect", "wirral")
    assert_answered(res, "1 September 2019")


@pytest.mark.parametrize("question", [
    "our scout group isn't a named relevant agency, are we still meant to co-operate",
    "our judo club isn't a named relevant agency, are we expected to co-operate with the partnership",
])
def test_an_unlisted_organisation_asking_its_duty_is_not_the_non_compliance_entry(ask, question) -> None:
    res = ask(question, "halton")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id != "halton.relevant-agencies.failure-to-comply", res.text
    assert res.entry.id.startswith("halton.relevant-agencies."), res.text


def test_what_other_is_asked_beside_what_was_told(ask) -> None:
    # "what other ..." is other than what the clause before told (cases short of a review): read together
    res = ask("for cases that were hard going but didnt meet the review criteria, what other learning methods will "
              "warrington use?", "warrington")
    assert_answered(res, "table top")
