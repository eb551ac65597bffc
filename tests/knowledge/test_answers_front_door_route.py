"""Issue #10 sections 1 and 2: a question put in general about a suspected harm to a child and asking what to do or
whom to tell ("what should I do if I think a child is being abused", "if i think a kid is being groomed who do i
tell") is answered with the area's front door (where a worry goes), not with whichever entry shares its words (the
rapid review process, a group's terms, a threshold's example indicators). It is no case told, so it carries no 999
banner; a case told still does. Sentences are written here; the front-door ones failed on 00d9561 (before the rule).
"""

from __future__ import annotations

import pytest

FRONT_DOORS = {
    "cheshire-west-and-chester": "cheshire-west-and-chester.front-door.i-art",
    "halton": "halton.front-door.childrens-social-care",
    "warrington": "warrington.front-door.childrens-social-care",
    "wirral": "wirral.front-door.childrens-social-care",
}


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("what should I do if I think a child is being abused", "halton"),
        ("what should I do if I think a child is being abused", "wirral"),
        ("if i think a kid is being groomed who do i tell", "halton"),
        ("what do i do if i think a parent is hitting their child", "wirral"),
        ("who do i report it to if i suspect a young person is being exploited by a gang", "warrington"),
        ("what do we do if we're worried a child is being neglected at home", "cheshire-west-and-chester"),
    ],
)
def test_a_general_what_to_do_is_answered_with_the_front_door(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == FRONT_DOORS[partnership], (res.entry.id, res.text[:120])


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        # a meaning asked, not what to do: the definition stays
        ("what counts as emotional abuse", "halton"),
        # an allegation against staff keeps its own first step (the LADO)
        ("what do I do if a colleague is accused of hurting a child", "wirral"),
        # a death or a missing child has a process of its own (the child death review, the missing protocols)
        ("who do I contact about the child death review process", "halton"),
        ("what is the process when a child in care goes missing", "wirral"),
        # another process asked besides (the review of this rule): that process's entry answers
        ("what do i do if i suspect a toddler has been badly hurt at home - would that need a rapid review?", "halton"),
        ("what should we do if we think a child is being neglected, and what are the levels of need?", "halton"),
        ("what do i do if i think a child is being hit and the duty team wont act?", "wirral"),
    ],
)
def test_other_questions_keep_their_answers(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.entry is None or res.entry.id != FRONT_DOORS[partnership], res.text[:160]


def test_a_case_told_still_leads_with_999(ask) -> None:
    res = ask("a boy in my class says his dad hits him, what do i do", "halton")
    assert "999" in res.text.split("\n", 1)[0], res.text[:160]


def test_with_no_area_known_every_front_door_is_offered(ask) -> None:
    res = ask("what should I do if I think a child is being abused", None)
    assert res.outcome == "ask_partnership", res.text[:160]
    assert [s.entry_id for s in res.suggestions] == list(FRONT_DOORS.values())


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("what do i do if i suspect a child is being neglected by their childminder", "halton"),
        ("what do i do if i think a child is being hit by a sports coach", "wirral"),
    ],
)
def test_harm_by_someone_who_works_with_children_goes_to_the_lado_first(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and "LADO" in res.text.split("\n", 1)[0], res.text[:200]
