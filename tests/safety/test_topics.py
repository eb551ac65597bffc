"""A worry word used as the name of a topic (issue #10 section 1, fifth pass: meetings, agendas, contact routes,
training, admin and statistics that name abuse, injury, death or missing as topics) stays quiet, while a worry
that shares those words still alarms. Sentences are written here, not copied from any corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge import safety_patterns
from knowledge.safety import detect_worry, get_detector
from knowledge.safety_lexicon import Lexicon, raw_lexicon
from knowledge.safety_patterns import clauses

QUIET = {
    "a group, panel or meeting named after a harm": [
        "the exploitation and missing steering group has moved to room 4",
        "child neglect task and finish group: apologies from health this week",
        "who minutes the FGM and forced marriage forum now",
    ],
    "a post, team or helpline named after a harm": [
        "direct dial for the self harm liaison nurse please",
        "who covers the CSE coordinator role over the summer",
        "phone number of the county lines police lead for halton",
    ],
    "training on a harm": [
        "booking a speaker on sexual exploitation for our governors",
        "is there training on child criminal exploitation for bus drivers",
        "want a county lines session for our inset in june",
    ],
    "a definition or comparison of harms": [
        "difference between CSE and CCE for a leaflet",
        "does sexual abuse include non contact offences like grooming",
        "does child sexual exploitation include online grooming",
    ],
    "records and figures about a harm": [
        "the child abuse audit spreadsheet has the wrong totals in column D",
        "which attendance code while a children missing education referral is open",
    ],
    "a hypothetical with a disclosure inside it": [
        "if a child told us about abuse and begged us to keep it quiet, what is the policy? for staff training",
    ],
}

ALARM = {
    "a contact question, then one child now": [
        "who's the FGM lead? a year 5 girl says she's being taken abroad to be cut this summer",
        "self harm nurse number please - a 14 year old in my office has cut her arm deeply",
    ],
    "a disclosure made this morning, in a clause that opens 'where a pupil'": [
        "where a pupil told me this morning that her dad hits her, what happens next?",
    ],
    "a negator that is about 'stop'": [
        "the 4 month old won't stop crying and dad shakes him when he's angry",
    ],
    "an unborn baby: a pregnancy's weeks are no adult's age": [
        "antenatal clinic: she's 30 weeks and her partner kicked her in the stomach last night",
    ],
}


@pytest.mark.parametrize("kind", sorted(QUIET))
def test_a_worry_word_naming_a_topic_stays_quiet(kind: str) -> None:
    alarmed = [t for t in QUIET[kind] if detect_worry(t).is_worry]
    assert not alarmed, alarmed


@pytest.mark.parametrize("kind", sorted(ALARM))
def test_a_worry_sharing_topic_words_alarms(kind: str) -> None:
    missed = [t for t in ALARM[kind] if not detect_worry(t).is_worry]
    assert not missed, missed


def test_an_aside_about_a_topic_does_not_outweigh_the_worry_before_it() -> None:
    """Read by the lexicon alone (the backstop may catch it too): the aside's question weighs nothing."""
    d = get_detector()
    for text in ("visit note: woman opened the door with a cut lip, three kids on the stairs, man yelling from upstairs"
                 " - also when is the next county lines training?",
                 "a 9 year old says his stepdad burns him with a lighter - also when is the next neglect training?"):
        assert d.detect(text, use_model=False).is_worry, text
    assert not d.detect("when is the next county lines training? also who chairs the neglect subgroup").is_worry


def test_a_group_in_the_world_is_no_topic() -> None:
    """A group a child joined is something happening, read by the lexicon alone."""
    assert get_detector().detect("a boy in year 9 is in a neo nazi group", use_model=False).is_worry


def _topics(text: str) -> list[str]:
    d = get_detector()
    toks = clauses(text)[0]
    _topical, spans = d.reader.topics(toks, [(i, e) for _p, i, e in d._cues.find(toks)])
    return [" ".join(toks[a:b]) for a, b in spans]


def test_topic_names_span_the_whole_name() -> None:
    """Worry words joined by "and" make one name; a child word before it is inside it; a group after "a" is a group
    in the world."""
    assert _topics("the FGM and forced marriage forum") == ["fgm and forced marriage forum"]
    assert _topics("the child abuse audit") == ["child abuse audit"]
    assert _topics("training on county lines") == ["training on county lines"]
    assert _topics("she joined a far right group") == []
    assert _topics("he is in a neo nazi group") == []
    assert _topics("his dad hit him at training") == []


def test_a_child_word_inside_a_topic_name_names_no_child() -> None:
    """The backstop speaks only about someone: "child" in "the child abuse audit" is no one."""
    d = get_detector()
    toks = clauses("need the child abuse audit before friday")[0]
    _t, spans = d.reader.topics(toks, [(i, e) for _p, i, e in d._cues.find(toks)])
    assert d.reader.found_outside(d._anchors, toks) and not d.reader.found_outside(d._anchors, toks, spans)


def test_matcher_helper_reports_spans_and_matches_outside_them() -> None:
    m = safety_patterns.matcher(["year @num"], {"num": ["9"]})
    toks = ["for", "year", "9", "and", "year", "9"]
    assert m.spans(toks) == [(1, 3), (4, 6)]
    assert m.outside(toks, [(0, 3)]) and not m.outside(toks, [(0, 3), (4, 6)])


@pytest.mark.parametrize("key", ["topic_before", "topic_after", "topic_links", "topic_group", "topic_thing",
                                 "conditional"])
def test_topic_lists_are_validated(key: str) -> None:
    raw = raw_lexicon()
    bad = {**raw, "frames": {**raw["frames"], key: ["@nosuchset group"]}}
    with pytest.raises(ValidationError, match=rf"frames\.{key}: '@nosuchset group': unknown set"):
        Lexicon.model_validate(bad)


def test_own5_corpus_holds() -> None:
    """My own development lines for this pass (tests/safety/corpus-own5.jsonl): every worry, at most 5% alarms."""
    rows = [json.loads(line) for line in (Path(__file__).parent / "corpus-own5.jsonl").read_text().splitlines()]
    worries = [r["text"] for r in rows if r["label"] == "worry"]
    procedural = [r["text"] for r in rows if r["label"] == "procedural"]
    assert len(rows) >= 100
    assert [t for t in worries if not detect_worry(t).is_worry] == []
    assert sum(detect_worry(t).is_worry for t in procedural) <= 0.05 * len(procedural)
