"""Issue #10 sections 1 and 2, answers35: a worried message that asks something naming the worry's own words ("...
staying at a friend's since half term, mum's fine with it. is that private fostering?") gets the 999 line and the
front door first, then the entry its question names; a question whose answer only matches the worry's words loosely
("how do I write up a disclosure ...") gets the route alone. Sentences are written here, not copied from any set;
the first was seen failing on main ad60c07.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "partnership", "entry", "says"),
    [
        ("scout leader - one of our 14 year olds has been living at a friend's family since the easter holidays, "
         "about 5 weeks, and his dad says that's fine. is that private fostering? should i tell someone",
         "cheshire-west-and-chester", "cheshire-west-and-chester.process.private-fostering", "28 days"),
        # answers46: the part asking without the worry's words ("how long before the council is told") alone finds
        # the national Panel notification; the part naming its title comes first
        ("a boy in my class is stopping at a family friend's since new year, dad is in prison. is that private "
         "fostering? how long before the local authority needs telling",
         "cheshire-west-and-chester", "cheshire-west-and-chester.process.private-fostering", "28 days"),
    ],
)
def test_a_worry_that_names_what_it_asks_also_answers_it(ask, question, partnership, entry, says) -> None:
    res = ask(question, partnership)
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert [src["entry_id"] for src in res.sources] == [entry], res.sources
    assert says in res.text, res.text


def test_a_loose_match_on_the_worrys_words_is_not_shown(ask) -> None:
    res = ask("how do I write up a disclosure of self harm? a year 9 lad showed me fresh cuts on his arm at break",
              "halton")
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert "Disclosure and Barring" not in res.text, res.text


def test_a_professional_who_wont_budge_is_the_escalation_route(ask) -> None:
    """answers37: a disagreement told without the word ("the SW closed it and won't budge") is still the route."""
    res = ask("school nurse - the social worker closed the case last week and I'm not comfortable, I've rung her twice "
              "and she won't budge. where do I go from here", "halton")
    assert res.entry is not None and res.entry.kind == "escalation", res.text


def test_a_situation_told_before_a_bare_question_is_what_is_searched(ask) -> None:
    """answers41: "... left her 8 year old with a neighbour, not family. is there anything I need to do?": the asking
    clause has no words of its own, so the situation told carries the search (it weighed nothing before), and a child
    left with someone outside the family is private fostering described."""
    res = ask("Dad's working away in Dubai for about 3 months and left his 8 year old with a neighbour - not family. "
              "Is there anything I need to do? school nurse in Chester", "cheshire-west-and-chester")
    assert "28 days" in res.text, res.text


def test_the_context_carries_the_search_when_the_question_has_no_words_of_its_own() -> None:
    from knowledge.answering import get_answerer

    query = get_answerer().index.analyse("is there anything I need to do?", "a 9 year old left with a neighbour")
    assert query.slots and all(s.weight > 0 for s in query.slots), [(s.word, s.weight) for s in query.slots]
