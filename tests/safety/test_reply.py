"""The safety reply without Slack: 999 first, the right front door, what to do first, no policy mailbox."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer
from knowledge.base import load_knowledge_base
from knowledge.partnerships import PARTNERSHIPS
from knowledge.safety_reply import load_routes

LEAD = "If a child is in immediate danger, call 999"


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_knowledge_base()


def test_every_partnership_front_door_is_a_route_for_a_worry_never_a_policy_mailbox(kb) -> None:
    for slug in PARTNERSHIPS:
        fd = kb.front_door(slug)
        assert fd is not None, slug
        contact = kb.contact(slug)
        assert fd.email is None or (contact is None or fd.email != contact.email), slug
        assert "policy" not in (fd.email or "").lower()
        assert "@" not in kb.front_door_entry(slug).answer  # no mailbox offered as the place to send a worry


@pytest.mark.parametrize("slug", list(PARTNERSHIPS))
def test_area_reply_leads_with_999_then_its_front_door(kb, slug: str) -> None:
    res = get_answerer(kb).answer("a girl in my class says her stepdad slapped her last night", slug)
    lines = res.text.split("\n")
    assert res.safety and LEAD in lines[0]
    fd = kb.front_door(slug)
    assert fd.name in lines[1] and "@" not in lines[1]
    if not fd.named_in_documents:
        assert "name no front-door team" in lines[1] and "children's social care" in lines[1].lower()


def test_halton_reply_never_sends_a_worry_to_the_policy_mailbox(kb) -> None:
    res = get_answerer(kb).answer("a boy in Widnes told me his mum locks him in his room all weekend", None)
    assert res.safety and res.partnership == "halton"
    assert "cypolicy@" not in res.text.split("\n\n")[0]
    assert "Halton Borough Council children's social care" in res.text.split("\n")[1]


def test_unknown_area_lists_all_four_front_doors(kb) -> None:
    res = get_answerer(kb).answer("a boy says his dad hits him, what do I do", None)
    head = res.text.split("\n")[:6]
    assert LEAD in head[0]
    for name in ("Cheshire West and Chester: i-ART", "Halton:", "Warrington:", "Wirral:"):
        assert any(name in line for line in head), name


def test_allegation_goes_to_the_lado_first(kb) -> None:
    question = "a teacher at my school has been accused of hitting a pupil"
    res = get_answerer(kb).answer(question, "cheshire-west-and-chester")
    text = res.text
    assert LEAD in text.split("\n")[0] and "i-ART" in text.split("\n")[1]
    assert text.index("LADO") < text.index("2017-18")
    assert res.entry_id == "cheshire-west-and-chester.process.lado"


def test_child_death_gives_the_serious_case_and_child_death_route(kb) -> None:
    res = get_answerer(kb).answer("a child on my caseload has died, what happens now", "wirral")
    assert LEAD in res.text.split("\n")[0]
    assert "/case-review" in res.text
    assert {s["entry_id"] for s in res.sources} == {
        "national.definition.serious-child-safeguarding-case", "wirral.process.child-death-review"}


def test_every_route_entry_exists_for_some_area(kb) -> None:
    for name, route in load_routes().routes.items():
        for slot in route.entries:
            found = [ref for ref in slot for slug in PARTNERSHIPS if kb.get(ref.format(area=slug))]
            assert found, (name, slot)


def test_a_worry_that_also_asks_something_gets_999_first_then_that_answer(kb) -> None:
    res = get_answerer(kb).answer(
        "year 9 girl says her uncle touches her when he babysits - whats the threshold for a referral in halton?", None)
    lines = res.text.split("\n")
    assert LEAD in lines[0] and "Halton Borough Council children's social care" in lines[1]
    assert res.entry_id == "halton.threshold.levels-of-need"


def test_who_do_i_ring_is_answered_by_the_front_door_not_the_partnership_mailbox(kb) -> None:
    question = "3yo has bleeding in the nappy area and mum is unbothered, who do i ring"
    res = get_answerer(kb).answer(question, "warrington")
    assert res.entry_id == "warrington.front-door.childrens-social-care"
    assert all(s["entry_id"] != "warrington.contact.partnership" for s in res.sources)
