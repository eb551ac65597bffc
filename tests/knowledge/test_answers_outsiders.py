"""Issue #10 section 2, answers15: people outside the statutory world asking whether the arrangements take them in.

Sentences are written here, not copied from any set; each was seen failing on main a257b8a.
"""

from __future__ import annotations

import pytest

from knowledge.roles import role_lead


@pytest.mark.parametrize(
    ("question", "area"),
    [
        # whether the arrangements reach the asker's kind of organisation, said in other words than "part of"
        ("I run a small dance school in warrington. does the safeguarding partnership count us in at all?",
         "warrington"),
        ("we're a small chapel, do faith groups have any role in the halton arrangements?", "halton"),
        ("I teach piano privately from home - do the wirral arrangements apply to people like me?", "wirral"),
        ("we run a karate club for kids in runcorn, do we fall under the safeguarding partnership?", "halton"),
        ("small community theatre group here - does the warrington partnership cover groups like ours?", "warrington"),
        ("i manage a private nursery in birkenhead, where do we fit in the wirral arrangements?", "wirral"),
        ("we're a tiny charity, do the warrington arrangements mean anything for us", "warrington"),
    ],
)
def test_whether_we_are_taken_in_is_the_list_of_relevant_agencies(ask, question, area) -> None:
    res = ask(question, area)
    assert res.outcome == "answer", res.text
    assert res.entry is not None and res.entry.agencies, res.text


@pytest.mark.parametrize(
    ("question", "area"),
    [
        # what the asker runs, told before the question, is not the topic asked ("holiday club" is a public service)
        ("we run a holiday club in chester over easter. does the partnership offer any training our volunteers could "
         "go on", "cheshire-west-and-chester"),
        # "legally part of" asks whether an organisation is in the arrangements, not for legal advice
        ("we coach a junior rugby team, not a school - are we legally part of the warrington arrangements?",
         "warrington"),
    ],
)
def test_what_the_asker_does_is_not_a_topic_declined(ask, question, area) -> None:
    res = ask(question, area)
    assert "do not cover that" not in res.text and "legal advice" not in res.text, res.text


def test_a_law_question_is_still_declined(ask) -> None:
    res = ask("can my landlord legally put the rent up", "warrington")
    assert res.outcome == "cannot_answer", res.text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # a role the vocabulary does not list, known by its head noun and said of oneself
        ("refuge outreach worker here, how often does the practitioners forum meet", "refuge outreach worker"),
        ("scout leader in frodsham here. who do i ring about a worry", "scout leader in frodsham"),
        ("im a netball coach, who runs the training", "im a netball coach"),
    ],
)
def test_a_role_known_by_its_head_noun_says_who_asks(question, lead) -> None:
    assert role_lead(question)[0] == lead


@pytest.mark.parametrize("question", ["lead agency for TAF, who decides", "the worker said, how often does it meet"])
def test_a_head_noun_not_said_of_oneself_is_no_lead(question) -> None:
    assert role_lead(question)[0] == ""


def test_how_it_was_elsewhere_after_the_question_is_a_remark(ask) -> None:
    # where the asker worked before, and how it was there, said after the question: no comparison is asked
    res = ask("started as a school nurse in warrington after years in cardiff. whats the threshold document called "
              "here, in wales it was totally different", "warrington")
    assert res.outcome == "answer" and "Threshold of Needs" in res.text, res.text


def test_a_comparison_asked_is_still_declined(ask) -> None:
    res = ask("is the halton front door different from the one in knowsley", "halton")
    assert res.outcome == "cannot_answer" and "Knowsley" in res.text, res.text


def test_a_short_follow_up_leaves_the_question_after_the_situation(ask) -> None:
    # the situation told, the question after a comma, then a short follow-up ("still cheshire?") after another comma
    res = ask("starting a new post after years in the army, which police force is a partner in halton, still cheshire?",
              "halton")
    assert res.outcome == "answer" and "three safeguarding partners" in res.text, res.text


def test_who_asks_asks_for_no_fact(ask) -> None:
    # the asker's own post ("conference chair here") is not the chair asked for
    res = ask("conference chair here, how often do the three halton accountable officers meet", "halton")
    assert "who chairs" not in res.text and res.outcome == "answer", res.text


def test_is_there_any_after_the_situation_is_the_question(ask) -> None:
    # what the asker runs, told before a comma, then "is there any ...": the question after the comma
    res = ask("we run a summer camp near chester, is there any basic safeguarding training for seasonal staff",
              "cheshire-west-and-chester")
    assert res.outcome == "answer" and "training" in res.text.lower(), res.text


@pytest.mark.parametrize("question", [
    "family support volunteer here, is there a warrington get-together frontline people can go along to",
    "can anyone from a small charity pop along to a warrington safeguarding meeting for frontline staff",
])
def test_going_along_to_a_meeting_is_attending_it(ask, question) -> None:
    res = ask(question, "warrington")
    assert res.outcome == "answer" and "Practitioners forum" in res.text, res.text
