"""knowledge/data/other_areas.yaml names places whose arrangements are not held. A one-word entry that is also a
person's name or an ordinary word ("Leigh", "Brent", "Halifax") would read a child's name as another area and cost a
worried practitioner their own front door, so none may be one (checked against the identifier screen's lists)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LISTS = ("first_names.txt", "first_names_extra.txt", "surnames_frequent.txt", "english_words.txt")


def _words(name: str) -> set[str]:
    path = ROOT / "bot" / "privacy" / "data" / name
    return {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}


def test_no_one_word_place_is_a_name_or_an_ordinary_word() -> None:
    places = yaml.safe_load((ROOT / "knowledge" / "data" / "other_areas.yaml").read_text(encoding="utf-8"))["places"]
    common = set().union(*(_words(n) for n in LISTS))
    clashes = sorted(p for p in places if " " not in p and p in common)
    assert not clashes, clashes
