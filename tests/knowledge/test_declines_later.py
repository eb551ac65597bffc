"""declines75: what the entries cannot give, though an entry matches the words. Another area named only inside a longer
place in the entry ("Greater Manchester" is not Manchester's partnership); a later year the entry names only where what
it covers ends ("beyond 2021") asked of that year itself; "who is the new <role>" asks who holds the post after the
documents; how to get a DBS check or what it costs is not in the arrangements. Sentences are written here, not copied
from any set."""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


def _declined(res, says: str) -> None:
    assert res.outcome == "cannot_answer" and not res.answered, res.text
    assert says in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [("which groups does the manchester safeguarding children partnership run", None),
     ("how is the manchester partnership's executive made up", CWAC)],
)
def test_a_place_only_inside_a_longer_place_in_the_entry_is_another_area(ask, question, partnership) -> None:
    _declined(ask(question, partnership), "not Manchester")


def test_the_longer_place_itself_is_still_answered(ask) -> None:
    res = ask("does the greater manchester community rehabilitation company take part in cheshire west", CWAC)
    assert res.answered and "Greater Manchester" in res.text, res.text


@pytest.mark.parametrize(
    "question",
    ["how much did the cheshire west partners contribute in 2021", "what were the cheshire west partnership's "
     "contributions for 2021"],
)
def test_a_year_the_entry_names_only_as_a_boundary_is_after_the_documents(ask, question) -> None:
    _declined(ask(question, CWAC), "date from 2019")


def test_the_same_boundary_asked_is_answered(ask) -> None:
    res = ask("what happens to the partners' contributions beyond 2021 in cheshire west", CWAC)
    assert res.answered and "Beyond 2021" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "role"),
    [("who is the new chair of the cheshire west executive group", "chair"),
     ("who's the incoming director of children's services at the council", "director")],
)
def test_the_new_holder_of_a_post_is_after_the_documents(ask, question, role) -> None:
    res = ask(question, CWAC)
    _declined(res, f"do not say who the {role}")
    assert "is now" in res.text and "2019" in res.text, res.text


def test_the_chair_asked_without_a_later_word_is_answered(ask) -> None:
    res = ask("who chairs the cheshire west executive group", CWAC)
    assert res.answered and "Gill Frame" in res.text, res.text


@pytest.mark.parametrize(
    "question",
    ["how do i apply for a dbs for a new volunteer at our youth club", "how much is an enhanced dbs for a childminder",
     "does the dbs update service let me reuse my certificate"],
)
def test_getting_a_dbs_check_is_not_in_the_arrangements(ask, question) -> None:
    res = ask(question, "wirral")
    _declined(res, "applying for one")
    assert "GOV.UK" in res.text, res.text


def test_who_should_hold_a_dbs_check_is_answered(ask) -> None:
    res = ask("should wirral partnership group members have a dbs check", "wirral")
    assert res.answered and "DBS" in res.text, res.text


@pytest.mark.parametrize("question", ["has halton changed its levels of need since oct 2019",
                                      "what did wirral's partners agree after dec 2019 about funding"])
def test_a_shortened_month_after_the_documents_is_after_them(ask, question) -> None:
    _declined(ask(question, None), "date from 2019")


# declines77: the amount a body has ("X's budget", "their funding this year") is a cost an entry must state
@pytest.mark.parametrize(
    ("question", "partnership"),
    [("what's the local youth offending team's budget", "halton"),
     ("what's the children in care council's budget in halton", "halton"),
     ("what is the probation service's funding this year", "wirral")],
)
def test_a_bodys_budget_no_entry_states_is_declined(ask, question, partnership) -> None:
    _declined(ask(question, partnership), "do not give that cost")


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [("how is the budget agreed in halton", "halton", "Funding"),
     ("what was the lscb budget income in 2017-18", "cheshire-west-and-chester", "£")],
)
def test_how_a_budget_is_run_or_a_stated_budget_is_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and says in res.text, res.text


# declines77: "how quickly / how soon" asks for a duration: a month named or "after" in the entry gives none
@pytest.mark.parametrize(
    "question",
    ["how soon does the early help team pick up a TAF after a request",
     "how quickly does the cheshire west early help team allocate a family"],
)
def test_a_speed_the_entry_gives_no_duration_for_is_declined(ask, question) -> None:
    _declined(ask(question, CWAC), "do not give a timescale")


@pytest.mark.parametrize(
    ("question", "says"),
    [("how quickly must the rapid review be completed", "15 working days"),
     ("how many working days does the local authority have to notify the panel", "working days")],
)
def test_a_duration_the_entry_gives_is_answered(ask, question, says) -> None:
    res = ask(question, CWAC)
    assert res.answered and says in res.text, res.text
