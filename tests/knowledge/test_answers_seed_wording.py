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
    ],
)
def test_an_entry_quotes_the_seeds_decisive_words(question: str, area: str, quoted: str) -> None:
    a = get_answerer().answer(question, area)
    assert a.outcome == "answer", (a.outcome, a.text[:200])
    assert quoted.lower() in a.text.replace("*", "").lower(), a.text[:400]
