"""safety54 (corpus-at, people outside children's services): a policy or procedure question asked after one real
child is told of ("..., does a youth club need its own policy?", "is a referral form enough") must not silence the
worry, and a definition or a timescale put in general (a conditional "if there's a complaint about staff", a time
clause "after a child dies", "in general ... a kid") is no child now. Sentences are written here; the alarms and
the quiet ones were seen the other way on the commit before the change, except those marked as guards.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry


@pytest.mark.parametrize("text", [
    # the question's "a <role|place|thing>" names no child: the child told of before stays one real child
    "scout leader here. one of my scouts, 10, says his stepdad tells him he's worthless and locks him out. he's "
    "started soiling himself. how does a leader make a referral",
    "at the library homework club a 12 yr old comes on his own with his little sisters most evenings, says dads "
    "asleep all day, the gas is off. is a packed lunch enough",
    "gp surgery reception, mum brought in a 3 month old whose leg is swollen and wouldnt let us call the doctor, "
    "bruises on his thigh. does a surgery need its own protocol for this",
])
def test_a_policy_question_after_one_real_child_is_a_worry(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", [
    # a definition asked, the harm only inside a conditional about no one in particular
    "what is a designated officer exactly, our dance school keeps hearing we should ring them if there's an "
    "allegation about a coach",
    # a time clause about "a child" opening the question, the question word inside it
    "after a toddler dies or is seriously injured how many days has the trust got to notify the panel",
    # "in general" and "a kid": a daily pattern asked about in general is no child now
    "in general is a kid out on the streets every day in school hours a safeguarding issue or just attendance",
    # consent asked of parents in general
    "do i need parents consent before passing info to social care? im an optician and gdpr scares me",
])
def test_a_question_put_in_general_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", [
    # guards: a real child in the same shapes still alarms, a hypothetical child after "if" stays quiet
    "after a 6 yr old in my class told me dad hits him with a belt, does a school need a policy on this",
    "the lad i coach is getting picked up every day by older men in a car, is a phone call to his mum enough",
    # "in general" asked, then a child at risk soon told apart from it (the second read found such messages quiet
    # on 595a3d3, the merged safety54: the general opening silenced the child collected soon; the second fails
    # there, the first is a guard)
    "in general what's the protocol for scalds - a 2yo here has blisters up his arm and dad is fetching him at 3",
    "hypothetically, is there a procedure for a 5yo with a swollen eye when his stepdad is picking him up in 20 mins",
])
def test_guards_one_child_now_is_still_a_worry(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


def test_guard_a_hypothetical_child_then_a_policy_question_stays_quiet() -> None:
    text = "if a 9 yr old says her stepdad hits her, does a volunteer need to tell the parents first"
    assert not detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", [
    # guards: the wording of a document asked for beside a parent's history is a document being written, not a child
    # now, though the later question is read apart (quiet on main; alarms without the `context` wording frame)
    "mum has FGM herself and a newborn daughter - is a referral automatic or just a chat with her? need the policy "
    "wording",
    "dad has a caution for grooming and a new baby son - is a referral automatic or just advice? need our procedure "
    "wording",
])
def test_guard_a_policy_wording_asked_stays_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)
