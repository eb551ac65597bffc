"""The screen's data files are validated when loaded: a truncated or malformed list stops the bot at start."""

from __future__ import annotations

import shutil

import pytest
from pydantic import ValidationError

from bot.privacy.lexicon import DATA, lexicon, load


def test_shipped_lists_load_and_name_their_source():
    lex = lexicon()
    assert len(lex.first_names) > 10_000 and len(lex.english) > 50_000
    assert "kayla" in lex.first_names and "grace" in lex.english and "runcorn" in lex.place_names
    for path in DATA.glob("*.txt"):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert "source:" in head and "licen" in head.lower(), path.name


@pytest.fixture
def data(tmp_path):
    for path in DATA.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_copy_loads(data):
    assert load(data).first_names == lexicon().first_names


def test_truncated_list_is_refused(data):
    lines = (data / "first_names.txt").read_text(encoding="utf-8").splitlines()
    (data / "first_names.txt").write_text("\n".join(lines[:100]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected at least"):
        load(data)


def test_list_without_source_is_refused(data):
    lines = (data / "surnames.txt").read_text(encoding="utf-8").splitlines()
    (data / "surnames.txt").write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source"):
        load(data)


def test_malformed_entry_is_refused(data):
    with (data / "places.txt").open("a", encoding="utf-8") as f:
        f.write("Not Lower Case\n")
    with pytest.raises(ValueError, match="malformed"):
        load(data)


def test_vocabulary_yaml_is_validated(data):
    text = (data / "vocabulary.yaml").read_text(encoding="utf-8")
    (data / "vocabulary.yaml").write_text(text.replace("titles: [", "titles: [Mr, "), encoding="utf-8")
    with pytest.raises(ValidationError, match="lower-case"):
        load(data)


def test_added_lists_hold_what_they_are_for():
    """Census and hand-written first names, frequent surnames, rarer English words; census entries that are
    English words ('in', 'many', 'numbers') are left out of the first names."""
    lex = lexicon()
    assert {"honey", "tianna", "esme", "eilidh", "gurpreet"} <= lex.first_names
    assert not {"in", "many", "numbers", "season"} & lex.first_names
    assert {"smith", "walker", "green"} <= lex.frequent_surnames and "court" not in lex.frequent_surnames
    assert {"stakeholders", "referrer", "inspectorate"} <= lex.rare_english
    assert not lex.rare_english & (lex.english - lex.vocab.common_words)  # only words size 50 lacks


def test_published_officials_are_the_people_the_knowledge_base_says_the_documents_name():
    """The screen's published_people (officials who pass when written in full) and the knowledge base's list of the
    people the documents name (knowledge/data/vocabulary.yaml, the person's-name kind's evidence) are one list kept
    in two layers' data files: a name added to one must be added to the other."""
    from knowledge.facts import named_people

    assert lexicon().vocab.published_people == frozenset(named_people())
