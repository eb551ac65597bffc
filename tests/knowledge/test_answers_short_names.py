"""Issue #10 section 2, answers15: a local service's name written short ("EH&P"); a level asked with the area
inside the cue ("which halton level"); asked plainly for someone else ("in normal words, a mum asked").

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations

import pytest

from knowledge.question import split_context


def test_early_help_and_prevention_written_short(ask) -> None:
    res = ask("does a school have to hand a TAF to EH&P or can it lead one itself", "cheshire-west-and-chester")
    assert res.outcome == "answer" and "any partner agency" in res.text, res.text


def test_which_level_with_the_area_between(ask) -> None:
    # "which <area> level": the level cue with the place inside it still asks for the area's levels
    res = ask("dad needs a bit of budgeting advice, kids fine otherwise. which cheshire west level",
              "cheshire-west-and-chester")
    assert res.outcome == "answer" and "Continuum of Need" in res.text, res.text


def test_asked_plainly_for_someone_else_after_the_question(ask) -> None:
    # "in normal words" says how to answer; "a mum at our playgroup asked" who passed it on: neither is the topic
    res = ask("what is early help in normal words, a mum at our playgroup asked", "halton")
    assert res.outcome == "answer" and "Early help" in res.text, res.text


def test_who_passed_it_on_after_the_question_is_a_remark() -> None:
    assert split_context("who chairs the rapid review panel, my team leader wants to know") == (
        "who chairs the rapid review panel", "my team leader wants to know")


@pytest.mark.parametrize(
    ("question", "area", "says"),
    [
        # asked to be answered for someone outside the work: how to answer, not "five" or a "professional"
        ("what is the halton safeguarding partnership for, explain it like i'm five", "halton", "accountable officers"),
        # who asks, by a role's head noun ("governor"), said first
        ("i'm a parent governor, does the wirral partnership say anything about schools", "wirral", "schools"),
    ],
)
def test_asked_simply_or_by_an_outsider(ask, question, area, says) -> None:
    res = ask(question, area)
    assert res.outcome == "answer" and says in res.text, res.text
