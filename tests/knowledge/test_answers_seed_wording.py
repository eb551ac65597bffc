"""Issue #10 section 3 ("say what the document says"), answers round 13: where an entry paraphrased a decisive
sentence, it now quotes the seed's own words, so a practitioner who read the document recognises the rule.

Questions are written for this file (none is copied from a question set)."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer


@pytest.mark.parametrize(
    ("question", "area", "quoted"),
    [
        # 000 section 8: "the prerogative is that the DCS will proceed"
        ("the police don't think a case meets the SIN criteria but the DCS does - who decides",
         "cheshire-west-and-chester", "the prerogative is that the DCS will proceed"),
        # 003 section 9: "partners will be asked to equally fund"
        ("what happens if the warrington safeguarding budget runs short", "warrington", "asked to equally fund"),
        # 004 2.67: "fully in place on the 1st September 2019"
        ("when were the wirral partnership arrangements fully in place", "wirral", "1st September 2019"),
        # seedwords round: frequencies, dates and rules as each seed writes them
        # 004 2.37: "will be retained in the new model"
        ("is the wirral case review committee kept on under the new model", "wirral",
         "will be retained in the new model"),
        # 004 2.30: "a measure of the impact of training 3 months after attendance"
        ("wirral training - what happens 3 months after a course", "wirral",
         "a measure of the impact of training 3 months after attendance"),
        # 002 section 8: "the dispute resolution process below will be deployed"
        ("what if one of the halton partners doesn't pay its share of the funding", "halton",
         "the dispute resolution process below will be deployed"),
        # 002 section 8: "subject to an annual review"
        ("how often is halton partnership funding looked at again", "halton", "subject to an annual review"),
        # 003 section 2: "The pilot of the new approach took effect on 1 April 2019"
        ("when did the warrington pilot go live", "warrington", "took effect on 1 April 2019"),
        # 000 4.2: "agreed to meet on a bi-monthly basis in the first year"
        ("how often does the cheshire west scp executive meet", "cheshire-west-and-chester",
         "on a bi-monthly basis in the first year"),
        # 000 6.2: "The second is a three month follow-up by Hub members"
        ("how is training followed up after a course in cheshire west", "cheshire-west-and-chester",
         "a three month follow-up by Hub members"),
    ],
)
def test_an_entry_quotes_the_seeds_decisive_words(question: str, area: str, quoted: str) -> None:
    a = get_answerer().answer(question, area)
    assert a.outcome == "answer", (a.outcome, a.text[:200])
    assert quoted.lower() in a.text.replace("*", "").lower(), a.text[:400]
