"""The identifier screen on labelled corpora: detection per category, false positives on benign practice text,
and redaction removing everything the screen finds.

corpus-own.jsonl was written for the screen; corpus-a, corpus-c and corpus-e are copies of blind corpora written
by people who never saw the code; corpus-own5.jsonl holds round 5's probes (events, initials, service contacts,
organisation names). All have been looked at while the screen was developed (development sets):
the honest figure is the lead's run on the held-out sets, recorded in docs/reliability.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.privacy import find_identifiers, redact

HERE = Path(__file__).resolve().parent
CORPORA = ["corpus-own.jsonl", "corpus-a.jsonl", "corpus-c.jsonl", "corpus-e.jsonl", "corpus-own5.jsonl",
           # fresh sets g and h, development sets since round 7 (their first runs are in docs/first-runs.md)
           "corpus-g.jsonl", "corpus-h.jsonl",
           # development set i and round 7's probes, which meet every threshold since round 8
           "corpus-i.jsonl", "corpus-own7.jsonl",
           # development set l and round 10's probes, which meet every threshold since round 10
           "corpus-l.jsonl", "corpus-own10.jsonl",
           # development set o (sixth session), which meets every threshold since round 11
           "corpus-o.jsonl",
           # development set s (seventh session), which meets every threshold since round 13
           "corpus-s.jsonl",
           # development set u (seventh session, red team; first run 88.8% / 2.5%), every threshold since round 14
           "corpus-u.jsonl"]
IDENTIFYING = {"first_name", "full_name", "surname_family", "address", "school_year", "sibling_identifying",
               "record_reference", "initials", "date_of_birth", "nhs_number", "phone", "email"}
BENIGN = {"legal_agency_terms", "place_names", "meeting_dates", "steps_numbers", "officer_titles", "general_text"}
# Categories corpus-c added (and corpus-own's later probes use): where a relative works, usernames, vehicles, numbers.
LATER = {"workplace_identifying", "social_media", "vehicle", "benign_numbers", "name_like_words"}


def _cases(name: str) -> list[dict[str, str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_own_corpus_covers_every_category():
    cases = _cases("corpus-own.jsonl")
    assert len(cases) >= 300
    for c in cases:
        assert c["label"] in ("identifying", "benign")
        assert c["category"] in (IDENTIFYING if c["label"] == "identifying" else BENIGN) | LATER
    assert {c["category"] for c in cases} >= IDENTIFYING | BENIGN


@pytest.mark.parametrize("corpus", CORPORA)
def test_detection_per_category_and_false_positives(corpus):
    found: dict[str, list[bool]] = defaultdict(list)
    false_positives: list[str] = []
    benign = 0
    for c in _cases(corpus):
        flagged = bool(find_identifiers(c["text"]))
        if c["label"] == "identifying":
            found[c["category"]].append(flagged)
        else:
            benign += 1
            if flagged:
                false_positives.append(c["text"])
    rates = {cat: sum(v) / len(v) for cat, v in found.items()}
    weak = {cat: f"{r:.0%}" for cat, r in rates.items() if r < 0.90}
    assert not weak, f"categories under 90%: {weak}"
    overall = sum(sum(v) for v in found.values()) / sum(len(v) for v in found.values())
    assert overall >= 0.95
    assert len(false_positives) / benign <= 0.03, false_positives


@pytest.mark.parametrize("corpus", CORPORA)
def test_redact_removes_what_the_screen_finds(corpus):
    for c in _cases(corpus):
        text = c["text"]
        cleaned = redact(text)
        assert find_identifiers(cleaned) == [], (text, cleaned)
        if find_identifiers(text):
            assert "[removed]" in cleaned
        else:
            assert cleaned == text
