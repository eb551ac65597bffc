"""answers21: school staff's own wording. Sentences are written here, not taken from a question set.

* "how do schools like ours get a voice": the kind named before "like ours" is the asker's; the area's entry on how
  that kind is included answers before a list of agencies that never names it (kind_cues, named.kind_entry).
* "<role> on our committee asked how much ...": who relays the question, opened by a role, is not its topic.
* "is there training specifically for schools": "specifically" is a wrapper word, never "specification".
* "what form do we fill in": "fill" is ordinary English and weighs no more than one.
* "what audits are schools expected to do" in Halton: its schools entry says what section 2 and 4 say (s175).
* "can DSLs be part of any group": a group whose membership names the role asked about goes first (ROLE_MEMBER).
* "halton's early help approach": the levels-of-need entry names it (Everyone Early Help), by keyword.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "how do primary schools like ours have a say at the cwac partnership",
])
def test_schools_like_ours_get_how_schools_are_included(ask, question: str) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id == "cheshire-west-and-chester.process.schools", res.entry.id
    assert "Special Schools Association" in res.text


def test_schools_like_ours_in_halton_get_halton_schools_entry(ask) -> None:
    res = ask("we're a primary - how do schools like ours get a voice in the halton partnership", "halton")
    assert res.answered and res.entry is not None and res.entry.id == "halton.process.schools-early-years", res.text


def test_a_kind_no_entry_is_titled_by_still_gets_the_list(ask) -> None:
    res = ask("we run a youth club, do clubs like ours count as relevant agencies in cheshire west",
              "cheshire-west-and-chester")
    assert res.answered and res.entry is not None and res.entry.agencies, res.text


@pytest.mark.parametrize("question", [
    "a governor on our board asked how much the partners contribute for 2019-20 in cheshire west",
    "governor from our trust board asked how much the partners contribute for 2019-20 in cheshire west",
])
def test_a_role_relaying_the_question_is_not_its_topic(ask, question: str) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert res.answered and "218,866" in res.text, res.text


def test_a_role_whose_request_is_no_question_is_kept(ask) -> None:
    from knowledge.question import main_question
    assert main_question("the chair asked for the minutes, where are they") .startswith("the chair asked")


@pytest.mark.parametrize("question", [
    "does the wirral partnership run training specifically for schools?",
    "is there any wirral partnership training especially for schools",
    "any partnership safeguarding training in wirral specifically for colleges",
])
def test_training_specifically_for_schools_is_the_training_offer(ask, question: str) -> None:
    res = ask(question, "wirral")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id == "wirral.process.training", res.entry.id


def test_the_form_to_fill_in_is_the_case_review_notification(ask) -> None:
    res = ask("we might need a practice review for a pupil - which form do we fill in and who do we send it to",
              "cheshire-west-and-chester")
    assert res.answered and "Case Review Notification" in res.text, res.text


@pytest.mark.parametrize("question", [
    "what do they call the early help approach in halton",
    "halton early help model - has it got a name?",
])
def test_halton_early_help_approach_is_named_by_the_levels_of_need(ask, question: str) -> None:
    res = ask(question, "halton")
    assert res.answered and "Everyone Early Help" in res.text, res.text


def test_halton_approach_alone_is_still_its_local_context(ask) -> None:
    res = ask("how does halton approach contextual safeguarding", "halton")
    assert res.answered and res.entry is not None and res.entry.id == "halton.process.local-context", res.text


@pytest.mark.parametrize("question", [
    "which audits do schools have to complete for the halton partnership",
    "im a DSL in halton. what audits will schools need to carry out? and how long does a rapid review take",
])
def test_halton_schools_audits_are_the_s175_audits(ask, question: str) -> None:
    res = ask(question, "halton")
    assert res.answered and "s175 audits" in res.text, res.text
    assert "working days" in res.text or "rapid review" not in question, res.text


def test_a_role_asked_about_groups_prefers_the_group_whose_members_it_names(ask) -> None:
    res = ask("can DSLs from our academy be part of any forum in warrington", "warrington")
    assert res.answered and res.entry is not None and res.entry.id == "warrington.group.impact-forum", res.text


def test_named_roles_without_a_group_word_are_not_steered_to_groups() -> None:
    from knowledge.named import asked_member_roles
    assert asked_member_roles("what training can DSLs get in warrington") == []
    assert asked_member_roles("can DSLs join any panel") == [frozenset({"design", "safeguard", "lead"})]
