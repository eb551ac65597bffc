"""Issue #10 part 2: right, or honestly not, for wording nobody here wrote (classes found with dev-own*.jsonl).

Each class through the Answerer: what the documents do not give is declined with its reason and no entry;
what they do give, in practitioners' words, is answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.text import raw_tokens
from knowledge.vocabulary import VOCABULARY_FILE, VocabularyError, parse_vocabulary
from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        # a count in an area is never answered from a national entry (a definition, a national rule)
        ("how many babies died in halton in 2018-19", "halton", "do not give that figure"),
        ("how many kids are privately fostered on the wirral", None, "do not give that figure"),
        # a figure for a year the entry does not cover
        ("how many children were referred to i-ART in 2019", None, "do not give that figure"),
        # contact details, dates, people and later reports the documents do not give
        ("what's the phone number for children's social care in runcorn", None, "no phone number"),
        ("what's the phone number for the cheshire west front door", None, "no phone number"),
        ("can I have the email address for the LADO in birkenhead", None, "no email address"),
        ("when is the next meeting of the warrington impact forum", None, "no dates or times"),
        ("what's the name of the warrington wsp manager", None, "do not name the person"),
        ("what were the findings of the latest serious case review in halton", None, "later reports"),
        ("what's the postal address of the wirral safeguarding partnership", None, "no postal address"),
        ("what are the signs of criminal exploitation", "warrington", "do not list signs"),
        ("what is the conversion rate from contact to assessment in wirral", None, "do not give that rate"),
        # a year after the documents, even when an unrelated entry (Working Together 2023) carries the year
        ("what did the 2023 halton jtai letter say", None, "date from 2019"),
        # topics the arrangements never cover
        ("how do I apply for a job with the safeguarding team", "halton", "office, HR or IT"),
        ("how do I become a foster carer in chester", None, "council's or the service's own team"),
        ("what is the prevent duty for nurseries", "wirral", "do not cover prevent duty"),
        # "who is the <role>": a role the documents never mention
        ("who's the halton lead member for children's services", None, "do not say who the lead member is"),
    ],
)
def test_what_the_documents_do_not_give_is_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


def test_another_area_the_entry_mentions_only_by_name_is_declined(ask) -> None:
    # Wirral's area entry names Knowsley (Merseyside police's boroughs), but nothing else matches
    assert_declined(ask("tell me about the sefton safeguarding partnership", None), "not Sefton")
    res = ask("does merseyside police cover knowsley as well as wirral", None)
    assert res.answered and "Merseyside" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("who is the LADO in Warrington", None, "allegations"),  # the route, not a decline
        ("who is the independent chair in cheshire west", None, "Gill Frame"),
        ("who is the police lead for the halton partnership", None, "Chief Constable"),
        ("what is the email address for the cheshire west partnership", None, "SCP@cheshirewestandchester.gov.uk"),
        ("how many working days has the LA got to notify the panel", "halton", "5 working days"),
        ("how many children were on child protection plans in warrington in april 2019", None, "168"),
        ("what did ofsted rate the cheshire west lscb", None, "Good"),
    ],
)
def test_what_the_documents_do_give_is_still_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and says.lower() in res.text.lower(), res.text


@pytest.mark.parametrize(
    "question",
    ["how long does a section 37 report take", "what is the timescale for an EHCP",
     "how long does a SGO assessment take"],
)
def test_a_timescale_for_something_else_is_not_answered_with_ours(ask, question: str) -> None:
    res = ask(question, "warrington")
    assert not res.answered and "15 working days" not in res.text, res.text


def test_a_timescale_question_about_our_process_is_answered(ask) -> None:
    res = ask("how long do partners have to complete a rapid review", "warrington")
    assert res.answered and "15 working days" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("who r the safeguarding partners in widnes", None, "Cheshire Constabulary"),
        ("what do cwac call their threshold doc", None, "Continuum of Need"),
        ("how many kids on cp plans in warrington", None, "168"),
        ("what is new ways of working in cheshire west", None, "trauma"),
        ("which group in runcorn looks at children at levels 2 and 3", None, "Safeguarding Practice Group"),
        ("which act got rid of local safeguarding children boards", None, "Children and Social Work Act"),
    ],
)
def test_practitioners_words_meet_the_documents(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and says.lower() in res.text.lower(), res.text


def test_informal_words_and_plural_acronyms_fold() -> None:
    assert raw_tokens("kids doc info exec") == ["children", "document", "information", "executive"]
    assert raw_tokens("the MOUs and SCRs") == ["the", "mou", "and", "scr"]
    assert raw_tokens("over 18s") == ["over", "18"]
    assert raw_tokens("under 18s") == ["children"]  # answers27: the area's children, not the "18" of "2017-18"


def test_vocabulary_rejects_a_two_word_informal_entry(tmp_path: Path) -> None:
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace("  kids: children\n", "  kids: young people\n")
    (tmp_path / "v.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="informal"):
        parse_vocabulary(tmp_path / "v.yaml")
    bad = VOCABULARY_FILE.read_text(encoding="utf-8").replace("    - name: office\n", "    - name: o\n")
    (tmp_path / "w.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="topics"):
        parse_vocabulary(tmp_path / "w.yaml")
