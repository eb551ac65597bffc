"""answers80: other areas named by a town or council the vocabulary's short list lacks (`data/other_areas.yaml`:
England's and Wales's councils and the towns beside the four areas), and another area's service asked for beside
a child placed there ("tameside's threshold doc? halton kid placed there"). Sentences written here, none copied
from a set; each declined case was seen answered on main 3aeeb77f."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.safety import SAFETY_LEAD
from knowledge.vocabulary import OTHER_AREAS_NAME, VOCABULARY_FILE, VocabularyError, parse_vocabulary, vocabulary
from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership", "place"), [
    ("child lives in middlewich, which front door do i ring", CWAC, "Middlewich"),
    ("the family are in golborne now, what is the golborne front door", "warrington", "Golborne"),
    ("does poynton have its own mash", "warrington", "Poynton"),
    ("who runs the connah's quay front door", CWAC, "Connah Quay"),
])
def test_a_town_of_another_area_is_declined(ask, question, partnership, place) -> None:
    assert_declined(ask(question, partnership), f"not {place}")


@pytest.mark.parametrize(("question", "partnership", "place"), [
    ("tameside's threshold doc? halton kid placed in a childrens home there", "halton", "Tameside"),
    ("whats the escalation policy in denbighshire? wirral child placed there", "wirral", "Denbighshire"),
])
def test_another_areas_service_is_asked_though_a_child_is_placed_there(ask, question, partnership, place) -> None:
    assert_declined(ask(question, partnership), f"not {place}")


def test_a_hospital_serving_a_served_area_is_no_other_area(ask) -> None:
    res = ask("a 3 yo was admitted to whiston hospital, how long does halton have to do a rapid review", "halton")
    assert_answered(res, "Rapid reviews")


def test_the_place_list_is_data_joined_to_the_other_areas_rule() -> None:
    listed = yaml.safe_load(VOCABULARY_FILE.with_name(OTHER_AREAS_NAME).read_text(encoding="utf-8"))["places"]
    assert set(listed) <= set(vocabulary().out_of_scope.other_areas.phrases)


def test_a_served_place_in_the_place_list_fails_naming_it(tmp_path: Path) -> None:
    (tmp_path / "vocabulary.yaml").write_text(VOCABULARY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / OTHER_AREAS_NAME).write_text("places: [middlewich, runcorn]\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="runcorn"):
        parse_vocabulary(tmp_path / "vocabulary.yaml")


def test_a_worry_naming_a_served_place_keeps_its_front_door_before_the_other_area(ask) -> None:
    res = ask("15yo reported missing from chester was picked up by police in aberystwyth with cash, what do i do", None)
    assert res.text.startswith(SAFETY_LEAD) and res.safety, res.text
    assert "i-ART" in res.text and "not Aberystwyth" in res.text and not res.answered
