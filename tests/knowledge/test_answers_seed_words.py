"""answers78 (blind-bx, bt): facts in the seed's own words where an entry had paraphrased them away (CWAC's annual
report, "each and every school", Halton's endorsers and new website, Warrington's NYAS and children's centres,
Wirral's model and bi annual reports); a national entry carrying Warrington's own wording of it (the graded care
tool); the start and the decision said as phrasal verbs ("kick off", "makes the call"); a year written short
("19/20") read by the fact checks, and a runner-up giving the amount for that year beside the asked word answering
though the top gives another year's. Questions written here, none copied from a set; each was seen failing on main
2385eea8 but the guards."""

from __future__ import annotations

import pytest

from knowledge.base import load_knowledge_base
from knowledge.facts import gives_for_year
from knowledge.vocabulary import vocabulary
from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("what is the cwac partnership's annual report meant to analyse", CWAC, "effectiveness of our local arrangements"),
    ("where would i read the cheshire west yearly report", CWAC,
     "Cheshire West and Chester Safeguarding Children Partnership website"),
    ("is each school in chester a relevant agency or just some of them", CWAC, "each and every school"),
    ("why is there an nyas rep on warrington's strategic group", "warrington", "National Youth Advocacy Service"),
    ("why is there an nyas rep on warrington's strategic group", "warrington", "voice of the child"),
    ("do they use the graded care profile for neglect in warrington", "warrington", "graded care tool"),
    ("when did things kick off for the warrington safeguarding partnership", "warrington", "1 April 2019"),
    ("who signs off halton's yearly report for the three partners", "halton", "Chief Constable Cheshire Constabulary"),
    ("in halton who makes the call on holding a rapid review", "halton", "Safeguarding Executive Group"),
    ("warrington: who makes the call on whether a rapid review happens + how long does it take", "warrington",
     "Rapid reviews and local reviews in Warrington"),
    ("where will halton's procedures and guidance be found in future", "halton", "new HCYPSP website"),
    ("are children's centres counted as relevant agencies in warrington", "warrington",
     "provider of a children's centre"),
    ("which groups make up the wirral safeguarding model", "wirral", "Safeguarding Partners Executive Group"),
    ("how often does the wirral partnership group get reports from the partners executive", "wirral",
     "bi annual reports"),
    ("how much did partners contribute in cheshire west for 19/20", CWAC, "£218,866"),
    ("once the transition happened did the wscb procedures stop applying in wirral", "wirral",
     "assume all the current"),
    ("who organises multi agency audits in wirral since the wscb went", "wirral", "multipartner annual audit plan"),
])
def test_seed_words_and_forms(ask, question: str, partnership: str, says: str) -> None:
    assert_answered(ask(question, partnership), says)


def test_short_year_other_amount_is_no_holder(ask) -> None:
    """A guard: a 2019-20 income is not answered with that year's contributions."""
    res = ask("what was the lscb total income for 19/20 in cheshire west", CWAC)
    assert "£218,866" not in res.text, res.text


def test_kicked_off_keeps_a_when_question(ask) -> None:
    """A guard: 'when did it kick off' still asks when, answered with the start date, not declined."""
    res = ask("when did the wirral shadow arrangements kick off", "wirral")
    assert_answered(res, "1 April 2019")


def test_short_year_is_the_year_asked(ask) -> None:
    """'19/20' is 2019-20 to the fact checks: the LSCB's 2017-18 accounts are not given as that year's."""
    res = ask("lscb income lines and total contributions for 19/20 in cheshire west", CWAC)
    assert "£217,666" not in res.text, res.text


def test_post_sixteen_is_no_count(ask) -> None:
    """'post-16 institutions' names a kind of provider; its 16 counts nothing, so a count asked is declined."""
    assert_declined(ask("how many post-16 students does warrington have in education", "warrington"), "figure")


def test_runner_up_gives_the_year_asked() -> None:
    """The funding entry gives 2019-20's contributions beside the word; not 2019-20's income, nor does the 2017-18
    accounts entry give either."""
    kb = load_knowledge_base()
    cost = next(k for k in vocabulary().out_of_scope.fact_kinds if k.name == "a cost")
    funding = kb.get(f"{CWAC}.process.funding")
    accounts = kb.get(f"{CWAC}.process.lscb-budget-2017-18")
    assert funding is not None and accounts is not None
    assert gives_for_year(cost, "what are the total contributions for 2019-20", funding)
    assert not gives_for_year(cost, "what was the total income for 2019-20", funding)
    assert not gives_for_year(cost, "what are the total contributions for 2019-20", accounts)


def test_agency_seat_in_its_group(ask) -> None:
    """An agency asked about is shown with the seat its group's membership gives it, not only the group's name."""
    assert_answered(ask("is the nspcc involved in any warrington group", "warrington"), "NSPCC Service Manager")
