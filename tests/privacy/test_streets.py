"""Street types are one validated list (vocabulary.yaml: street_types_named / _place / _numbered) that every rule
reading a street uses: a house number then a street (patterns.py), a street named with no number (places.py),
"on the corner of X lane" (informal.py), "at X street" (pointers.py) and the organisation words (names.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.privacy import find_identifiers
from bot.privacy.lexicon import DATA, lexicon, load, vocabulary

CODE = Path(__file__).resolve().parents[2] / "bot" / "privacy"


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize("street", sorted(vocabulary().street_types))
def test_every_street_type_after_a_house_number_is_an_address(street):
    assert "address" in _kinds(f"mum and the kids are at 14 Elmhurst {street} now")


@pytest.mark.parametrize("street", sorted(vocabulary().street_types))
def test_every_street_type_on_a_corner_is_an_address(street):
    assert "address" in _kinds(f"they are staying on the corner of birchwood {street} since friday")


@pytest.mark.parametrize("street", sorted(vocabulary().street_types_named))
def test_a_named_street_type_with_no_number_is_a_home_when_someone_lives_there(street):
    assert "address" in _kinds(f"mum has moved to Birchwood {street.capitalize()} with the baby")


@pytest.mark.parametrize("street", sorted(vocabulary().street_types_place))
def test_a_place_street_type_with_no_number_is_no_address(street):
    assert "address" not in _kinds(f"the team meets at Birchwood {street.capitalize()} on fridays")


def test_named_and_place_street_types_are_organisation_words_and_the_others_are_not():
    org = lexicon().vocab.org_words
    v = vocabulary()
    assert v.street_types_named | v.street_types_place <= org
    assert not (v.street_types_numbered - {"house", "court"}) & org  # "Hill", "Chase" are surnames as often


def test_a_street_type_in_two_kinds_is_refused(tmp_path):
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    text = (tmp_path / "vocabulary.yaml").read_text(encoding="utf-8")
    text = text.replace("street_types_numbered: [", "street_types_numbered: [lane, ")
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="two kinds"):
        load(tmp_path)


def test_no_street_list_is_written_in_code():
    """A second copy of the list in code is how the four copies with different contents came about."""
    copy = re.compile(r"(?i)\b(?:road|street|lane|avenue|close|crescent|terrace)\|(?:\w{1,9}\|){1,3}"
                      r"(?:road|street|lane|avenue|close|crescent|terrace|rd|st)\b")
    for path in CODE.glob("*.py"):
        assert not copy.search(path.read_text(encoding="utf-8")), path.name
