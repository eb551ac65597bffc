"""Issue #10 sections 2-3: the kinds of question the blind sets showed the bot getting wrong, through the Answerer.

Each question is written here in new words (none is copied from a question set) so a test checks the class of
question, not one item."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer
from knowledge.intents import is_action_request
from knowledge.text import terms
from knowledge.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("question", "partnership", "role"),
    [
        ("who chairs the health sub group in halton", "halton", "chair of the health sub group"),
        ("who chairs the strategic safeguarding group", "warrington", "chair of the strategic safeguarding group"),
    ],
)
def test_who_chairs_a_group_the_documents_give_no_chair_for_is_declined(ask, question, partnership, role) -> None:
    res = ask(question, partnership)
    assert res.outcome == "cannot_answer" and res.entry is None, res.text
    assert f"do not say who the {role} is" in res.text


def test_who_chairs_a_group_whose_chair_is_named_is_answered(ask) -> None:
    res = ask("who chaired the sfef steering group", "wirral")
    assert res.answered and "Head of Safeguarding" in res.text, res.text


@pytest.mark.parametrize("word", ["anywhere", "nobody", "actual", "wise"])
def test_chatty_filler_words_carry_no_weight(word: str) -> None:
    assert word in vocabulary().stopwords
    assert word not in terms([word])


def test_filler_does_not_sink_a_right_answer(ask) -> None:
    res = ask("does the halton doc say anywhere what nurseries have to do safeguarding-wise", "halton")
    assert res.answered and "section 40" in res.text.lower(), res.text


def test_partners_falling_out_reads_as_a_dispute(ask) -> None:
    res = ask("what happens when the three halton partners fall out", "halton")
    assert res.answered and "dispute" in (res.entry.id if res.entry else ""), res.text


def test_a_which_groups_question_gets_the_structure_list(ask) -> None:
    res = ask("what groups sit beneath the wirral executive", "wirral")
    assert res.answered and "Business Intelligence" in res.text and "task and finish" in res.text, res.text


def test_a_publication_answer_shows_the_step_before_publication(ask) -> None:
    res = ask("when has a local review report got to be published by", None)
    assert res.answered and "6 months" in res.text and "7 working days" in res.text, res.text


def test_an_adults_board_named_by_the_entry_is_not_adult_safeguarding(ask) -> None:
    res = ask("does warrington pool its safeguarding budget with the adults board", "warrington")
    assert res.outcome != "cannot_answer", res.text
    assert "adult social care" not in res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("a youth worker at our club has been accused of sending a pupil messages, who do I tell", "wirral"),
        ("what should I do if a foster carer is accused of something", "halton"),
        ("colleague accused of hurting a child - what happens now", None),
    ],
)
def test_an_allegation_against_staff_leads_with_the_lado_first(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert res.answered, res.text
    first = res.text.split("\n\n")[0] if not res.safety else res.text
    assert "LADO" in first and "first" in first, res.text
    assert res.entry is not None and "lado" in res.entry.id


def test_allegation_figures_and_definitions_are_not_given_the_what_first_line(ask) -> None:
    res = ask("what is a lado", None)
    assert "before anything else" not in res.text
    assert not is_action_request("how many allegations were made against staff in 2017-18")


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("what's the timescale for a missing child's return home interview", "cheshire-west-and-chester",
         "do not give a timescale"),
        ("how frequently does the wirral partners executive meet", "wirral", "do not say how often"),
        ("how many nurseries does warrington have", "warrington", "do not give that figure"),
    ],
)
def test_a_fact_the_best_entry_lacks_is_declined_and_the_entry_offered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "cannot_answer" and says in res.text, res.text
    assert res.suggestions and "What I hold on this" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("how often do halton's three accountable officers get together", "halton", "6 months"),
        ("how soon has a rapid review got to be finished", None, "15 working days"),
        ("how many children's homes does cheshire west have", "cheshire-west-and-chester", "10"),
        ("how many child deaths were notified across cheshire in 2017-18", "cheshire-west-and-chester", "53 deaths"),
    ],
)
def test_a_fact_the_entry_gives_is_still_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and says in res.text, res.text


def test_how_old_questions_are_national_guidance(ask) -> None:
    res = ask("what is the legal age for leaving school", "halton")
    assert res.outcome == "cannot_answer" and "Working Together" in res.text, res.text


def test_going_live_reads_as_starting(ask) -> None:
    res = ask("when did the wirral arrangements go live", "wirral")
    assert res.answered and "1 September 2019" in res.text, res.text


def test_difference_between_is_a_comparison_not_a_dispute(ask) -> None:
    res = ask("difference between an LSCB and a safeguarding partnership?", None)
    assert res.answered and res.entry is not None, res.text
    assert "dispute" not in res.entry.id and "escalation" not in res.entry.id and "comparison" not in res.entry.id


@pytest.mark.parametrize("question", ["who's the named safeguarding lead at our college",
                                      "who is the dsl in my nursery"])
def test_a_person_in_the_askers_own_organisation_is_not_answered_with_a_definition(ask, question) -> None:
    res = ask(question, "warrington")
    assert res.outcome == "cannot_answer" and "your own organisation" in res.text, res.text


def test_council_services_outside_the_arrangements_are_declined(ask) -> None:
    res = ask("where can I find the SEND local offer for wirral", "wirral")
    assert res.outcome == "cannot_answer" and "council" in res.text, res.text


def test_a_five_letter_typo_missing_one_letter_is_corrected(ask) -> None:
    res = ask("how long have we got for a rapid reviw", None)
    assert res.answered and "15 working days" in res.text, res.text
    assert res.corrections.get("reviw") == "review"


def test_asking_for_the_full_list_is_a_list_request_not_a_word_to_match(ask) -> None:
    res = ask("give me the full list of wirral's relevant agencies", "wirral")
    assert res.answered and res.entry is not None and res.entry.agencies, res.text


def test_who_holds_a_role_now_is_declined_as_after_the_documents(ask) -> None:
    res = ask("who is the director of children's services in halton at the moment", "halton")
    assert res.outcome == "cannot_answer" and "date from 2019" in res.text and "is now" in res.text, res.text
    res = ask("who is the lado now", "halton")  # the entry about the role still answers: how to reach the LADO
    assert res.answered and "lado" in (res.entry_id or ""), res.text


def test_a_month_after_the_documents_is_declined(ask) -> None:
    res = ask("what changed in the warrington partnership after october 2019", "warrington")
    assert res.outcome == "cannot_answer" and "date from 2019" in res.text, res.text


def test_an_age_range_is_not_a_count() -> None:
    from knowledge.facts import _count_near, _entry_numbers  # the rule itself: "aged 6-18" counts nothing

    entry = get_answerer().kb.get("cheshire-west-and-chester.process.early-help-services")
    assert entry is not None and "aged 6-18" in entry.answer
    stems, numbers = _entry_numbers(entry)
    after_age = [i for i, t in enumerate(stems) if t == "age"]
    assert after_age and not any(i + 1 in numbers or i + 2 in numbers for i in after_age)
    assert _count_near(entry, ["need"])  # "(25 with special needs)" is a count
