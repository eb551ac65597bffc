"""A national entry's local wording: how each partnership's own document states the national fact, shown after the
national text to someone in that area (a Halton practitioner reads Halton's sentence on the rapid review, not only
Warrington's). Questions are written for this file (none is copied from a question set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge.base import load_knowledge_base
from knowledge.localise import document_partnership
from knowledge.models import Entry, LocalWording
from knowledge.partnerships import NATIONAL
from tests.knowledge.conftest import assert_answered

_ROOT = Path(__file__).resolve().parents[2]
SEEDS = next((d for d in (_ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")) if d.is_dir()),
             _ROOT.parent / "shared" / "seeds")  # beside the checkout, as the seeds' README says; not shipped with it

HALTON_QUOTE = "The Safeguarding Rapid Review must take no longer than 15 working days to be completed"
TIMESCALE_QUESTION = "within how many working days must our rapid review be finished, and who receives its report"


def _wordings() -> list[tuple[str, str, LocalWording]]:
    return [(e.id, slug, said) for e in load_knowledge_base().entries(NATIONAL)
            for slug, said in e.local_wording.items()]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents live beside the repository (../shared/seeds)")
@pytest.mark.parametrize(("entry_id", "slug", "said"), _wordings(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_local_wording_is_quoted_verbatim_from_that_partnerships_seed(entry_id: str, slug: str,
                                                                            said: LocalWording) -> None:
    assert document_partnership(said.document) == slug, (entry_id, said.document)
    seed = " ".join((SEEDS / said.document).read_text(encoding="utf-8").split())
    assert " ".join(said.quote.split()) in seed, (entry_id, slug)


def test_the_four_partnerships_have_local_wordings() -> None:
    held = {slug for _id, slug, _said in _wordings()}
    assert held == {"cheshire-west-and-chester", "halton", "warrington", "wirral"}


def _entry(**change: object) -> Entry:
    base = load_knowledge_base().get("national.timescale.rapid-review").model_dump()
    return Entry.model_validate({**base, **change})


def test_local_wording_is_validated() -> None:
    said = {"document": "002_e260b638b2c74848.txt", "section": "5. Safeguarding Rapid Review",
            "quote": "It is 15 days."}
    assert _entry(local_wording={"halton": said}).local_wording["halton"].quote == "It is 15 days."
    with pytest.raises(ValidationError, match="unknown partnership"):
        _entry(local_wording={"knowsley": said})
    with pytest.raises(ValidationError, match="only for national entries"):
        _entry(id="halton.timescale.rapid-review", partnership="halton", local_wording={"halton": said})
    for quote in ("", "   ", "x" * 401):
        with pytest.raises(ValidationError):
            _entry(local_wording={"halton": {**said, "quote": quote}})


def test_a_halton_question_on_the_rapid_review_timescale_shows_haltons_own_sentence(ask) -> None:
    res = ask(TIMESCALE_QUESTION, "halton")
    assert res.entry_id == "national.timescale.rapid-review", res.text
    assert_answered(res, f'_In Halton\'s arrangements_ (5. Safeguarding Rapid Review): "{HALTON_QUOTE}')
    assert "15 working days* of the serious incident notification" in res.text  # the national text is kept
    assert res.text.index("_In Halton's") < res.text.index("_Source:")
    assert [src["entry_id"] for src in res.sources] == ["national.timescale.rapid-review"]
    assert {"partnership": "halton", "document": "002_e260b638b2c74848.txt",
            "section": "5. Safeguarding Rapid Review"}.items() <= res.sources[0]["local_wording"].items()


def test_a_wirral_question_shows_wirrals_wording_as_written(ask) -> None:
    res = ask("what is the deadline for a rapid review", "wirral")
    assert_answered(res, '"Undertaking of 15 day rapid reviews for cased referred to the new panel"')


@pytest.mark.parametrize("area", [None, "cheshire-west-and-chester"])
def test_no_area_or_an_area_without_wording_changes_nothing(ask, area: str | None) -> None:
    res = ask(TIMESCALE_QUESTION, area)
    assert_answered(res, "15 working days")
    assert "arrangements_ (" not in res.text and HALTON_QUOTE not in res.text
    assert res.sources and not any("local_wording" in src for src in res.sources), res.sources


def test_no_local_line_when_the_national_text_is_from_that_areas_own_document(ask) -> None:
    """The review's mend: a national entry whose text is already taken from Halton's document shows Halton no second
    copy of the same sentence."""
    from knowledge.answering import get_answerer

    same = [e for e in get_answerer().kb if e.partnership == "national" and "halton" in e.local_wording
            and e.local_wording["halton"].document == e.source.document]
    assert same, "a national entry sourced from Halton's document with a Halton wording"
    res = ask("how many working days does the council have to tell the national panel about a serious incident",
              "halton")
    assert res.answered and res.sources, res.text
    assert "In Halton's arrangements" not in res.text, res.text
