"""Review dates by kind of entry (bot/kbedit/review_periods.yaml): annual-report figures sooner, statutory
timescales and definitions later; set by "Still right" and by approving an edit whose review date was left alone."""

from __future__ import annotations

import pytest
import time_machine
from pydantic import ValidationError
from sqlalchemy import select

from bot.kbedit import periods
from bot.kbedit.ids import ActionId
from knowledge import load_knowledge_base
from knowledge.base import document_title
from storage.kbedit import KnowledgeVersion
from tests.case_reviews.helpers import london
from tests.kbedit.helpers import BU, BU_CHANNEL, ENTRY, configure, edit_values, open_view_after
from tests.kbedit.test_lifecycle import _approve

GLOSSARY = "halton.glossary.hcypsp"


def _review_dates(db) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [(v.entry_id, v.change, v.content["review_by"]) for v in s.scalars(select(KnowledgeVersion))]


def test_the_shipped_periods_put_annual_report_figures_first_and_definitions_last():
    kb = load_knowledge_base()
    annual = next(e for e in kb if "Annual Report" in document_title(e.source.document) and e.kind == "faq")
    months = periods.load().months_for
    assert months(annual) == 6  # an answer giving the year's figures
    definition = next(e for e in kb if "Annual Report" in document_title(e.source.document) and e.kind == "glossary")
    assert months(definition) == 24
    assert months(kb.get(GLOSSARY)) == 24  # a definition
    assert months(kb.get(ENTRY)) == 12  # a process from the arrangements: the default


def test_a_periods_file_with_an_unknown_kind_or_no_months_is_refused(tmp_path):
    bad = tmp_path / "periods.yaml"
    bad.write_text("default_months: 12\nkinds:\n  statistics: 6\n")
    with pytest.raises(ValidationError, match="unknown kind"):
        periods.load(bad)
    bad.write_text("default_months: 12\nkinds:\n  timescale: 0\n")
    with pytest.raises(ValidationError, match="1 to 60"):
        periods.load(bad)


def test_still_right_on_a_definition_sets_its_next_review_two_years_on(slack, fake_slack, db, services):
    configure(db, fake_slack)
    with time_machine.travel(london(2026, 12, 1, 9, 5), tick=True):
        slack.action(ActionId.STILL_RIGHT, GLOSSARY, user=BU, channel=BU_CHANNEL)
        assert "next review Fri 1 Dec 2028" in fake_slack.wait_for("response_url")[-1].params["text"]
    assert _review_dates(db) == [(GLOSSARY, "review", "2028-12-01")]


def test_an_approved_edit_without_a_chosen_date_follows_the_kind_and_a_chosen_date_is_kept(slack, fake_slack, db,
                                                                                         services):
    configure(db, fake_slack)
    with time_machine.travel(london(2026, 11, 30, 10), tick=True):
        view = open_view_after(slack, fake_slack, ActionId.EDIT, GLOSSARY, BU)  # review date left as it was
        slack.submit(view, edit_values(view, kb_answer="HCYPSP stands for the Halton Children and Young People's "
                                                       "Safeguarding Partnership.", kb_reason="Wording"), user=BU)
        _approve(slack, fake_slack, 1)
        view = open_view_after(slack, fake_slack, ActionId.EDIT, ENTRY, BU)  # a date the author chose
        slack.submit(view, edit_values(view, kb_answer="Each partner pays a third of the agreed budget each year.",
                                       kb_review_by="2027-02-15", kb_reason="Thirds agreed"), user=BU)
        _approve(slack, fake_slack, 2)
    assert _review_dates(db) == [(GLOSSARY, "edit", "2028-11-30"), (ENTRY, "edit", "2027-02-15")]
    services.knowledge.refresh()
    assert str(services.kb.get(GLOSSARY).review_by) == "2028-11-30"  # what answers and the monthly list use
