"""Answering: typos, acronyms, spellings, partnership selection, abstention, safety."""

from __future__ import annotations

import pytest

from knowledge.text import find_places, stem


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("rapid reveiw deadline", "national.timescale.rapid-review"),
        ("warrington escalaton steps", "warrington.escalation.professional-differences"),
        ("WHAT IS A LADO???", "national.glossary.lado"),
        ("what does local authority designated officer mean", "national.glossary.lado"),
        ("what is a cspr", "national.glossary.cspr"),
        ("what is a child safeguarding practice review", "national.glossary.cspr"),
        ("s47 enquiries", "national.glossary.s47"),
        ("section 47 enquiries", "national.glossary.s47"),
        ("what organizations are relevant agencies in wirral", "wirral.relevant-agencies.list"),
        ("days deadline review rapid", "national.timescale.rapid-review"),
    ],
)
def test_survives_how_people_type(ask, question: str, entry_id: str) -> None:
    res = ask(question, None)
    assert res.answered, res.text
    assert res.entry_id == entry_id


def test_typo_is_corrected_not_guessed(ask) -> None:
    res = ask("how long for a rapid reveiw", "halton")
    assert res.corrections.get("reveiw") == "review"
    assert "15 working days" in res.text


def test_place_in_question_wins_over_channel_partnership(ask) -> None:
    res = ask("who are the safeguarding partners in Birkenhead?", "halton")
    assert res.partnership == "wirral"
    assert "Merseyside Police" in res.text
    res = ask("how is the partnership funded in Runcorn", "warrington")
    assert res.partnership == "halton" and res.entry_id == "halton.process.funding"


def test_channel_partnership_used_when_question_names_none(ask) -> None:
    assert ask("who are the three safeguarding partners", "warrington").entry_id == (
        "warrington.partners.safeguarding-partners"
    )
    assert ask("who are the three safeguarding partners", "halton").entry_id == "halton.partners.safeguarding-partners"


def test_national_fallback_for_partnership_questions(ask) -> None:
    res = ask("how many working days to notify the panel of a serious incident", "wirral")
    assert res.answered and res.entry_id == "national.timescale.panel-notification"
    assert "5 working days" in res.text


def test_asks_which_area_when_answer_differs(ask) -> None:
    res = ask("how is the partnership funded?", None)
    assert res.outcome == "ask_partnership" and not res.answered
    assert {s.partnership for s in res.suggestions} >= {"halton", "warrington"}


def test_partner_answers_carry_the_names_may_have_changed_note(ask) -> None:
    res = ask("who are the safeguarding partners", "halton")
    assert "Integrated Care Boards" in res.text


@pytest.mark.parametrize(
    "question",
    [
        "What's the weather in Chester tomorrow?",
        "how do I reset my password",
        "tell me a joke",
        "Can you book a meeting room for Tuesday?",
        "How do I claim my expenses?",
        "What is the capital of France?",
        "best pizza in Chester",
        "who won the premier league",
    ],
)
def test_off_topic_is_never_answered(ask, question: str) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert not res.answered
    assert res.outcome == "cannot_answer", res.text
    assert "/safeguarding topics" in res.text and "SCP@cheshirewestandchester.gov.uk" in res.text


@pytest.mark.parametrize(
    "question",
    [
        "A child has told me they are being hurt at home. What should I do?",
        "I'm worried a pupil is being neglected",
        "my student has bruises and says her dad hit her",
        "a boy disclosed abuse to me today",
    ],
)
def test_safety_answers_start_with_999_and_the_front_door(ask, question: str) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert res.answered and res.safety
    first = res.text.split("\n")
    assert "999" in first[0]
    assert "i-ART" in first[1]


def test_safety_without_area_lists_every_front_door(ask) -> None:
    res = ask("a child has told me she is being abused", None)
    assert res.safety and res.text.index("999") < res.text.index("Cheshire West and Chester")
    assert "Wirral" in res.text and "Halton" in res.text


def test_informational_questions_get_no_safety_banner(ask) -> None:
    assert not ask("what counts as a serious child safeguarding case?", None).safety


def test_every_answer_cites_its_source(ask) -> None:
    res = ask("how often does the child exploitation working group meet", "cheshire-west-and-chester")
    assert res.answered and "quarterly" in res.text.lower()
    assert "_Source:" in res.text and "000_3d7e0856220a0d47.txt" in res.text
    assert res.sources and res.sources[0]["document"] == "000_3d7e0856220a0d47.txt"


def test_linked_national_timescale_is_shown_with_local_process(ask) -> None:
    res = ask("how does halton run rapid reviews and practice learning reviews", "halton")
    assert res.entry_id == "halton.process.reviews"
    assert "15 working days after the serious incident notification" in res.text


def test_named_agency_is_picked_out_of_the_list(ask) -> None:
    res = ask("How does the probation service take part in the Cheshire West partnership?", None)
    assert res.answered
    assert "National Probation Service - Cheshire* is a relevant agency" in res.text
    assert "Rapid Review Panel" in res.text


def test_unsure_offers_did_you_mean(ask) -> None:
    res = ask("learning events halton how often", "halton")
    # either confident or a suggestion list that contains the right group; never a blank
    assert res.answered or (res.outcome == "did_you_mean" and res.suggestions)


def test_empty_question_is_help_not_a_crash(ask) -> None:
    res = ask("   ", "wirral")
    assert res.outcome == "help" and "wirralsafeguarding" in res.text


def test_help_keeps_the_999_reminder_off_its_first_line(ask) -> None:
    """Help is no alarm: its first line says what the bot does; the 999 reminder follows on a line of its own (a
    first line carrying 999 reads as the safety reply to a worried message)."""
    res = ask("what can you help me with?", None)
    first, rest = res.text.split("\n", 1)
    assert res.outcome == "help" and "999" not in first, res.text
    assert "If a child is in immediate danger, call 999." in rest.split("\n"), res.text


def test_places_and_stemming_helpers() -> None:
    assert find_places("is this the same in Cheshire West and Chester?")[0][1] == "cheshire-west-and-chester"
    assert find_places("widnes or warrington")[0][1] == "halton"
    assert stem("meetings") == stem("meeting") == "meet"
    assert stem("reviews") == stem("review")


@pytest.mark.parametrize(
    "question",
    [
        "police non-emergency number to report a parked car",
        "urgent: the printer is jammed",
        "I'm worried about my expenses claim",
    ],
)
def test_worry_words_without_a_child_or_harm_are_not_safety(ask, question: str) -> None:
    res = ask(question, "warrington")
    assert not res.safety and not res.answered, res.text


def test_worry_about_a_child_is_still_safety(ask) -> None:
    assert ask("I'm worried about a child in my class", "warrington").safety
