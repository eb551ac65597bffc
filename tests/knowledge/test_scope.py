"""Out of scope said plainly, intents, confidence and the vocabulary file, through the Answerer."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.answering import Answerer
from knowledge.text import find_places, raw_tokens, stem
from knowledge.vocabulary import VOCABULARY_FILE, VocabularyError, parse_vocabulary


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("how do I escalate a disagreement with social care in Stockport", None, "not Stockport"),
        ("who is the LADO for Cheshire East", "halton", "not Cheshire East"),
        ("my neighbour is an elderly man whose carer takes his pension, who do I tell", "wirral",
         "adult social care"),
        ("how do I start a section 42 enquiry", "warrington", "adult social care"),
        ("how did the partnership change its meetings during the covid lockdown", "halton", "date from 2019"),
        ("what are the wirral partnership priorities for 2031", None, "date from 2019"),
        ("how many children are on child protection plans in Wirral", None, "do not give that figure"),
        ("how much does a DBS check cost", "halton", "its cost"),
        ("what rating did ofsted give warrington children's services at the last inspection", None,
         "inspection result"),
    ],
)
def test_out_of_scope_is_declined_with_a_reason_and_pointer(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "cannot_answer" and not res.answered, res.text
    assert says in res.text
    assert res.entry is None and not res.sources


def test_a_neighbouring_area_the_documents_mention_is_not_declined(ask) -> None:
    # Cheshire Police also covers Cheshire East: the documents say so, so the answer stands
    res = ask("does cheshire police also cover cheshire east and halton", "cheshire-west-and-chester")
    assert "not Cheshire East" not in res.text


def test_served_place_wins_over_a_mentioned_neighbour(ask) -> None:
    res = ask("I work in Manchester but my case is in Warrington: what are the escalation steps", None)
    assert res.answered and res.partnership == "warrington", res.text


def test_a_figure_the_entry_gives_is_answered(ask) -> None:
    res = ask("how many working days to notify the national panel of a serious incident", "wirral")
    assert res.answered and "5 working days" in res.text


@pytest.mark.parametrize("question", ["help", "Help!", "can you help me?", "what can you do?", "hello bot"])
def test_help_request_shows_the_bots_help_not_early_help(ask, question: str) -> None:
    res = ask(question, "halton")
    assert res.outcome == "help" and not res.answered
    assert "/safeguarding topics" in res.text and "Early Help" not in res.text


def test_early_help_is_still_a_topic(ask) -> None:
    res = ask("what is early help", "halton")
    assert res.outcome != "help"


def test_what_is_x_gives_the_meaning_before_a_local_group(ask) -> None:
    res = ask("what is contextual safeguarding", "halton")
    assert res.answered and res.entry is not None and res.entry.kind == "glossary", res.entry_id


def test_a_clear_leader_is_answered_and_a_close_call_asks() -> None:
    class H:  # the two numbers `confident` reads, plus an entry id
        def __init__(self, conf: float, cov: float, eid: str) -> None:
            self.confidence, self.coverage = conf, cov
            self.entry = type("E", (), {"id": eid})()

    assert Answerer.confident([H(0.46, 0.40, "a"), H(0.30, 0.4, "b")])  # leads by 0.16
    assert not Answerer.confident([H(0.46, 0.40, "a"), H(0.40, 0.4, "b")])  # close call
    assert Answerer.confident([H(0.50, 0.50, "a"), H(0.49, 0.5, "b")])  # strong on its own
    assert not Answerer.confident([])


@pytest.mark.parametrize(
    ("text", "slug"),
    [("in cheshire west", "cheshire-west-and-chester"), ("CW&C", "cheshire-west-and-chester"),
     ("West Cheshire", "cheshire-west-and-chester"), ("Ellesmere Port", "cheshire-west-and-chester"),
     ("runcorn", "halton"), ("on the Wirral", "wirral"), ("West Kirby", "wirral")],
)
def test_area_spellings(text: str, slug: str) -> None:
    assert find_places(text)[0][1] == slug


def test_number_words_meet_digits() -> None:
    assert raw_tokens("the three partners") == raw_tokens("the 3 partners")
    assert stem("meetings") == stem("meeting")


def test_vocabulary_file_is_valid_and_errors_name_the_field(tmp_path: Path) -> None:
    vocab = parse_vocabulary()
    assert vocab.acronyms["lado"] == "local authority designated officer"
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace("  halton: [halton,", "  runcorn-town: [halton,")
    (tmp_path / "v.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="unknown partnership slug"):
        parse_vocabulary(tmp_path / "v.yaml")
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace("evidence: ['£", "evidence: ['(£")
    (tmp_path / "w.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="evidence"):
        parse_vocabulary(tmp_path / "w.yaml")


def test_national_entry_drops_another_areas_facts_and_says_whose_document(ask) -> None:
    halton = ask("what is a dbs check", "halton")
    assert halton.answered and "In Wirral" not in halton.text
    assert "taken from Wirral's document" in halton.text
    wirral = ask("what is a dbs check", "wirral")
    assert "In Wirral" in wirral.text and "taken from" not in wirral.text
    marac = ask("what is marac", "warrington")
    assert "monthly" not in marac.text.split("_Source")[0]


def test_a_list_request_gets_the_whole_list(ask) -> None:
    res = ask("what are the relevant agencies in wirral", None)
    assert res.answered and res.entry is not None and res.entry.agencies, res.entry_id


def test_who_is_the_lado_gets_the_route_not_referral_figures(ask) -> None:
    res = ask("who is the LADO in Warrington", None)
    assert res.answered and "figures" not in (res.entry_id or ""), res.entry_id
    assert "allegations" in res.text.lower()


def test_a_named_group_is_not_answered_with_another_group(ask) -> None:
    res = ask("how often does the Safeguarding Partners Executive Group meet", "wirral")
    first = res.entry_id if res.answered else res.suggestions[0].entry_id
    assert first == "wirral.group.executive", res.text
    # Wirral's document gives the Executive no meeting frequency: said plainly, with the group's entry offered
    assert res.outcome == "cannot_answer" and "do not say how often" in res.text
