"""Issue #10 sections 1 and 2, answers24: a term heard from someone else, an acronym the message writes out itself,
the asker's own post, and what else a worry asks.

* "Our head keeps bringing up X. In simple terms, what is it?": "our head" is not who asks (no role lead), "in simple
  terms" says how to answer, and "what is it" asks the meaning of the term the clause before names in full;
* "... an independent fostering agency ... are IFAs relevant agencies": the message's own acronym is its words;
* "I chair a youth football league. Who writes the annual report?": the asker's own post asks for no chair;
* a worry with a route (an allegation: the LADO first) that also asks something else shows that answer too;
* "min deaths per yr for the footprint" and "my manager keeps saying MARAC, what is it?" are no worries.
Sentences are written here, not copied from any set; each was seen failing on main 9a8b4d1.
"""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "entry", "says"),
    [
        ("Our head keeps bringing up Operation Encompass in staff briefings. In simple terms, what is it?", CWAC,
         "national.glossary.operation-encompass", "next school day"),
        ("My manager keeps saying MARAC in supervision. In a nutshell, what is it?", CWAC, "national.glossary.marac",
         "Multi-Agency Risk Assessment Conference"),
    ],
)
def test_a_term_heard_from_someone_else_is_defined(ask, question, partnership, entry, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == entry, res.text
    assert says in res.text and not res.safety, res.text


def test_an_acronym_the_message_writes_out_is_read_as_its_words(ask) -> None:
    res = ask("our nursery works with a children's centre and an independent fostering agency in birkenhead. are IFAs "
              "relevant agencies in wirral?", "wirral")
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == "wirral.relevant-agencies.list" and "Independent Fostering" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("I chair a youth football league in Runcorn. Who writes the annual report for the Halton partnership?",
         "halton", "halton.process.annual-report"),
        ("I chair the parish council in Tarvin. Which agencies are relevant agencies in Cheshire West?", CWAC,
         f"{CWAC}.relevant-agencies.list"),
    ],
)
def test_the_askers_own_post_asks_for_no_chair(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == entry, res.text


def test_a_worry_with_a_route_also_answers_what_else_it_asks(ask) -> None:
    res = ask("a supply teacher at our school slapped a year 3 pupil this morning. also what are the levels in the "
              "Halton Levels of Need Framework?", "halton")
    assert res.safety and res.text.index("999") < res.text.index("LADO"), res.text
    assert [s["entry_id"] for s in res.sources][-1] == "halton.threshold.levels-of-need", res.sources
    assert "Universal Plus" in res.text or "universal plus" in res.text.lower(), res.text


@pytest.mark.parametrize(
    "text",
    ["min deaths per yr for the halton child death footprint?",
     "My manager keeps saying MARAC in supervision. In a nutshell, what is it?",
     "our sw keeps mentioning county lines at core group, what does it mean exactly"],
)
def test_figures_over_a_population_and_a_term_heard_are_no_worry(text) -> None:
    assert not detect_worry(text).is_worry, text
