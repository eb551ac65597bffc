"""Facts fixed against the seeds and dated honestly: the ICB / Working Together 2023 rule `kb validate`
enforces, review dates that mean something, "as of June 2019", and the days as Warrington's policy writes them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import time_machine

from knowledge import load_knowledge_base
from knowledge.answering import get_answerer
from knowledge.base import clear_cache, parse_files
from knowledge.dating import LONDON, review_note
from knowledge.models import StepWindow

ENTRY = """
partnership: halton
entries:
  - id: halton.faq.sample
    kind: faq
    title: A sample entry
    answer: {answer}
    phrasings: [sample question]
    source: {{document: 002_e260b638b2c74848.txt, section: "1. Introduction"}}
    as_of: 2019-06-01
{extra}
  - id: national.update.icb
    partnership: national
    kind: update
    title: CCGs replaced by ICBs
    answer: CCGs were replaced by Integrated Care Boards on 1 July 2022.
    note: "Names may have changed since 2019: CCGs were replaced by Integrated Care Boards (ICBs) on 1 July 2022."
    phrasings: [do ccgs still exist]
    source: {{document: 002_e260b638b2c74848.txt, section: "x"}}
    as_of: 2022-07-01
"""


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


def problems(tmp_path: Path, answer: str, extra: str = "") -> list[str]:
    (tmp_path / "kb.yaml").write_text(ENTRY.format(answer=answer, extra=extra), encoding="utf-8")
    return parse_files(tmp_path)[2]


@pytest.mark.parametrize("answer", ["The Halton CCG funds it.", "Clinical Commissioning Groups attend.",
                                    "Under Working Together 2018 the partners publish.",
                                    "Working Together to Safeguard Children 2018 says so."])
def test_naming_a_ccg_or_the_2018_guidance_needs_the_icb_note(tmp_path: Path, answer: str) -> None:
    found = problems(tmp_path, answer)
    assert len(found) == 1 and "halton.faq.sample" in found[0] and "field see_also" in found[0]
    assert "ICB (1 July 2022) / Working Together 2023 note" in found[0]
    assert problems(tmp_path, answer, "    see_also: [national.update.icb]") == []


def test_an_answer_that_already_says_what_changed_passes(tmp_path: Path) -> None:
    assert problems(tmp_path, "The CCG (now the Integrated Care Board) funds it.") == []
    assert problems(tmp_path, "An answer with no dated names.") == []


def test_review_by_must_come_after_as_of(tmp_path: Path) -> None:
    found = problems(tmp_path, "An answer with no dated names.", "    review_by: 2019-01-01")
    assert len(found) == 1 and "review_by 2019-01-01 must be after as_of 2019-06-01" in found[0]


def test_shipped_entries_naming_ccgs_carry_the_note_when_answered() -> None:
    ans = get_answerer(load_knowledge_base()).answer("who attends the warrington strategic safeguarding group")
    assert "CCG" in ans.text and "Integrated Care Boards (ICBs) on 1 July 2022" in ans.text


def test_review_dates_are_real_per_entry() -> None:
    kb = load_knowledge_base()
    assert all(e.review_by is not None for e in kb)
    figures = [e for e in kb if e.source.document.startswith("001_")]
    assert figures and all(e.review_by == date(2019, 3, 31) for e in figures if e.as_of == date(2018, 3, 31))
    assert kb.get("cheshire-west-and-chester.process.cdop").review_by == date(2020, 1, 31)  # "January 2020"
    assert {e.review_by for e in kb.entries("halton")} == {date(2020, 3, 31)}  # Local Arrangements 2019/20
    assert kb.get("national.update.wt2023").review_by > date(2026, 12, 1)


def test_an_answer_past_its_review_date_says_so_in_london_time() -> None:
    kb = load_knowledge_base()
    entry = kb.get("national.update.wt2023")
    assert entry is not None and entry.review_by == date(2028, 12, 15)
    before = datetime(2028, 12, 15, 23, 30, tzinfo=LONDON)  # still the 15th in London
    with time_machine.travel(before, tick=False):
        text = get_answerer(kb).answer("what is working together 2023").text
        assert "due for review" not in text and "As of December 2023." in text
    with time_machine.travel(datetime(2028, 12, 16, 0, 30, tzinfo=LONDON), tick=False):  # 15th in UTC
        text = get_answerer(kb).answer("what is working together 2023").text
        assert ("Last reviewed December 2023; it was due for review on 15 December 2028, so check with the "
                "partnership.") in text
    assert review_note(entry, date(2028, 12, 15)) is None


def test_as_of_reads_as_a_month_never_a_weekday() -> None:
    ans = get_answerer(load_knowledge_base()).answer("how long is a rapid review", "halton")
    assert "As of June 2019." in ans.text and "Sat 1 Jun" not in ans.text
    assert ans.sources[0]["review_by"] == "2023-12-15"


def test_help_says_the_arrangements_date_from_2019() -> None:
    text = get_answerer(load_knowledge_base()).answer("").text
    assert "arrangements of 2019" in text and "may have changed" in text


def test_warrington_windows_are_in_the_policys_words_with_how_they_are_counted() -> None:
    kb = load_knowledge_base()
    route = kb.escalation_route("warrington")
    assert route is not None
    assert [s.window.days() for s in route.steps if s.window] == [
        "Day one", "Days three to nine", "Days nine to 14", "Days 16 to 21"]
    assert route.steps[1].window.describe() == "Days three to nine, counted as working days from the day it was raised"
    assert StepWindow(start_day=1, end_day=5, working_days=False).describe() == (
        "Days 1-5, counted as calendar days from the day it was raised")
    text = get_answer_text("what are the steps of the escalation process in warrington")
    assert "Days three to nine" in text and "working days from the day the escalation was raised" in text


def get_answer_text(question: str) -> str:
    return get_answerer(load_knowledge_base()).answer(question, "warrington").text


def test_seed_checked_facts() -> None:
    kb = load_knowledge_base()
    s31 = kb.get("national.glossary.s31-s20").answer
    assert "care or supervision order" not in s31 and "supervision order (also under section 31) does not" in s31
    edu = kb.get("halton.group.education-subgroup")
    assert "propose" in edu.answer and "proposed" in (edu.group.chair or "")
    forum = kb.get("warrington.group.practitioners-forum").group
    assert forum.frequency is None and "quarterly updates" in (forum.meets or "")
    wirral = kb.get("wirral.group.partnership-group") or next(
        e for e in kb.entries("wirral") if e.group and "Partnership Group" in e.group.name)
    assert "(twice a year)" not in wirral.answer and "bi annual reports" in wirral.answer
    assert "no less than *3 years*" in wirral.answer
    assert "at least every" not in wirral.answer
    assert kb.get("national.timescale.rapid-review").source.document == "003_0e30fa1ba900c0b7.txt"
    assert "serious incident notifications" not in kb.get("national.process.national-panel").answer
    contact = kb.get("cheshire-west-and-chester.contact.partnership")
    assert contact.contact.url is None and "Annual Report 2017-18" in contact.answer


_ROOT = Path(__file__).resolve().parents[2]
SEEDS = next((d for d in (_ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")) if d.is_dir()),
             _ROOT.parent / "shared" / "seeds")  # beside the checkout, as the README says; not shipped with it


def _seed(name: str) -> str:
    return " ".join((SEEDS / name).read_text(encoding="utf-8").split())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents live beside the repository (../shared/seeds)")
def test_ofsted_rating_and_relevant_agency_regulations_cite_the_seed_that_says_them() -> None:
    """Issue #10 3.4: the two citations the earlier audit left unchecked, pinned to the seed's own words."""
    kb = load_knowledge_base()
    transition = kb.get("cheshire-west-and-chester.process.transition-2019")
    assert "*Good* by Ofsted (February 2016)" in transition.answer
    assert "judged by Ofsted in February 2016 to be 'Good'" in _seed(transition.source.document)
    assert "Welcome" in transition.source.section  # the foreword, before "1. National context", says it
    relevant = kb.get("national.glossary.relevant-agency")
    assert "Regulations 2018, which Wirral's arrangements cite at 2.14" in relevant.answer
    assert "2.14 The list of relevant agencies in Wirral reflects both the published statutory instrument " \
           "*The Child Safeguarding Practice Review and Relevant Agency* (*England*) *Regulations 2018*" \
        in _seed("004_553bab965ef81f28.txt")
    assert "² Relevant agencies are those organisations and agencies whose involvement the safeguarding " \
           "partners consider may be required" in _seed(relevant.source.document)
