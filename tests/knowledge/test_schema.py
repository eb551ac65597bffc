"""Schema validation, duplicate ids, sources and the structured views other capabilities read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge import KnowledgeBaseError, load_knowledge_base
from knowledge.base import clear_cache, parse_files

GOOD_ENTRY = """
  - id: halton.faq.sample
    kind: faq
    title: A sample entry
    answer: A sample answer long enough.
    phrasings: [sample question]
    source: {document: 002_e260b638b2c74848.txt, section: "1. Introduction"}
    as_of: 2019-06-01
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


def test_shipped_knowledge_base_is_valid_and_covers_every_partnership() -> None:
    kb = load_knowledge_base()
    assert kb.partnerships == ["cheshire-west-and-chester", "halton", "warrington", "wirral"]
    for slug in kb.partnerships:
        assert len(kb.entries(slug)) >= 15, slug
        assert kb.contact(slug) is not None, slug
        assert kb.front_door(slug) is not None, slug
        assert kb.escalation_route(slug) is not None, slug
        assert kb.partner_dispute_route(slug) is not None, slug
        assert kb.groups(slug), slug
        assert kb.relevant_agencies(slug), slug


def test_load_is_cached_per_path() -> None:
    assert load_knowledge_base() is load_knowledge_base()


def test_bad_field_names_file_entry_and_field(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("kind: faq", "kind: recipe")
    write(tmp_path, "halton.yaml", "partnership: halton\nentries:" + bad)
    with pytest.raises(KnowledgeBaseError) as exc:
        load_knowledge_base(tmp_path)
    msg = str(exc.value)
    assert "halton.yaml" in msg and "halton.faq.sample" in msg and "field kind" in msg


def test_missing_required_field_is_named(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("    as_of: 2019-06-01\n", "")
    write(tmp_path, "h.yaml", "partnership: halton\nentries:" + bad)
    with pytest.raises(KnowledgeBaseError) as exc:
        load_knowledge_base(tmp_path)
    assert "h.yaml: entry halton.faq.sample: field as_of" in str(exc.value)


def test_unknown_partnership_slug_rejected(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("halton.faq.sample", "runcorn.faq.sample")
    write(tmp_path, "r.yaml", "partnership: runcorn\nentries:" + bad)
    with pytest.raises(KnowledgeBaseError) as exc:
        load_knowledge_base(tmp_path)
    assert "field partnership" in str(exc.value) and "runcorn" in str(exc.value)


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "partnership: halton\nentries:" + GOOD_ENTRY)
    write(tmp_path, "b.yaml", "partnership: halton\nentries:" + GOOD_ENTRY)
    _entries, _origin, problems = parse_files(tmp_path)
    assert any("b.yaml: entry halton.faq.sample: field id: duplicate id" in p and "a.yaml" in p for p in problems)


def test_source_must_be_a_seed_document_or_have_a_url(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("002_e260b638b2c74848.txt", "my-notes.docx")
    write(tmp_path, "h.yaml", "partnership: halton\nentries:" + bad)
    _e, _o, problems = parse_files(tmp_path)
    assert any("field source.document" in p and "my-notes.docx" in p for p in problems)


def test_kind_payload_required(tmp_path: Path) -> None:
    bad = GOOD_ENTRY.replace("kind: faq", "kind: escalation")
    write(tmp_path, "h.yaml", "partnership: halton\nentries:" + bad)
    _e, _o, problems = parse_files(tmp_path)
    assert any("needs a 'route' payload" in p for p in problems)


def test_see_also_must_resolve(tmp_path: Path) -> None:
    bad = GOOD_ENTRY + "    see_also: [national.nothing.here]\n"
    write(tmp_path, "h.yaml", "partnership: halton\nentries:" + bad)
    _e, _o, problems = parse_files(tmp_path)
    assert any("field see_also" in p and "national.nothing.here" in p for p in problems)


def test_step_windows_must_be_ordered(tmp_path: Path) -> None:
    body = GOOD_ENTRY.replace("kind: faq", "kind: escalation") + (
        "    route:\n      steps:\n"
        "        - {number: 1, title: t, who: w, action: a, window: {start_day: 9, end_day: 3}}\n"
    )
    write(tmp_path, "h.yaml", "partnership: halton\nentries:" + body)
    _e, _o, problems = parse_files(tmp_path)
    assert any("route.steps.0.window" in p for p in problems)


def test_national_timescales_the_case_review_capability_reads() -> None:
    kb = load_knowledge_base()
    expected = {
        "national.timescale.panel-notification": (5, "working_days", "after"),
        "national.timescale.partners-informed": (5, "working_days", "after"),
        "national.timescale.rapid-review": (15, "working_days", "after"),
        "national.timescale.publication": (6, "months", "after"),
        "national.timescale.report-before-publication": (7, "working_days", "before"),
    }
    for entry_id, (amount, unit, direction) in expected.items():
        t = kb.timescale(entry_id)
        assert (t.amount, t.unit, t.direction) == (amount, unit, direction), entry_id
    with pytest.raises(KeyError):
        kb.timescale("national.glossary.lado")


def test_national_facts_are_kept_once() -> None:
    kb = load_knowledge_base()
    timescales = [e for e in kb if e.timescale is not None]
    assert all(e.partnership == "national" for e in timescales)


def test_warrington_route_has_the_documented_windows() -> None:
    route = load_knowledge_base().escalation_route("warrington")
    assert route is not None
    windows = [(s.number, s.window.start_day, s.window.end_day) for s in route.steps if s.window]
    assert windows == [(1, 1, 1), (2, 3, 9), (3, 9, 14), (4, 16, 21)]
    assert "written representations" in route.steps[3].action


def test_routes_without_documented_windows_have_none() -> None:
    kb = load_knowledge_base()
    for slug in ("cheshire-west-and-chester", "halton", "wirral"):
        route = kb.escalation_route(slug)
        assert route is not None and all(s.window is None for s in route.steps), slug
    cw = kb.escalation_route("cheshire-west-and-chester")
    assert cw is not None and cw.policy == "Pan Cheshire Escalation Policy"
    wirral = kb.partner_dispute_route("wirral")
    assert wirral is not None and "Chief Executive" in wirral.steps[-1].who


def test_structured_views() -> None:
    kb = load_knowledge_base()
    fd = kb.front_door("cheshire-west-and-chester")
    assert fd is not None and "i-ART" in fd.name
    contact = kb.contact("cheshire-west-and-chester")
    assert contact is not None and contact.email == "SCP@cheshirewestandchester.gov.uk"
    freq = {g.name: g.frequency for g in kb.groups("cheshire-west-and-chester")}
    assert freq["SCP Executive"] == "bi-monthly" and freq["Child Exploitation Working Group"] == "quarterly"
    assert {g.name: g.frequency for g in kb.groups("halton")}["HCYPSP (accountable officers)"] == "six-monthly"
    fire = [a for a in kb.relevant_agencies("cheshire-west-and-chester") if "Fire" in a.name]
    assert fire and "Training and Development Hub" in fire[0].groups
    assert kb.get("no.such.entry") is None
    assert all(e.kind == "group" for e in kb.entries("halton", "group"))


def test_every_entry_cites_a_source_and_date() -> None:
    for e in load_knowledge_base():
        assert e.source.section and e.as_of <= date(2026, 1, 1)
