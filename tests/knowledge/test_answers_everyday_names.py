"""Issue #10 sections 1 and 2, answers28: everyday names for the documents' things.

* "the quick review" after a serious incident is the rapid review (its 15 working days), not the notification;
* "head of year" is a school post, not a year: "head of year at a wirral school - any short briefings?" asks no
  timescale, so the briefings entry it names is answered;
* a rate over a population ("the teen pregnancy rate in halton") is figures, not a worry about a child.
Sentences are written here, not copied from any set; each was seen failing on main bb9f359. (Trialling / piloting
was also made one concept with "pilot"; its new wordings passed or stayed "did you mean" on main, so no test here.)
"""

from __future__ import annotations

from knowledge.safety import detect_worry


def test_the_quick_review_is_the_rapid_review(ask) -> None:
    res = ask("how many days for the quick review once the panel is notified", "halton")
    assert res.outcome == "answer" and "15 working days" in res.text, res.text


def test_head_of_year_is_a_post_not_a_year() -> None:
    from knowledge.answering import get_answerer

    a = get_answerer()
    query, hits = a.rank("head of year at a wirral school - any short briefings to pass round staff?", "wirral", True)
    assert "year" not in {s.word for s in query.slots} and a.evidence.about_subject(query, hits[0].entry)


def test_a_rate_over_a_population_is_no_worry(ask) -> None:
    text = "what's the teen pregnancy rate in halton"
    assert not detect_worry(text).is_worry
    assert not ask(text, "halton").safety


def test_making_any_difference_is_the_training_impact(ask) -> None:
    """answers29: "did it make any difference" asks for the impact (the evaluation), as "made a difference" did."""
    res = ask("do they ever look at whether wirral's courses made any difference for staff", "wirral")
    assert res.outcome == "answer" and "3 months" in res.text, res.text
