"""Halton facts the 2019/20 arrangements (seed 002) state that the entries a question reaches once lacked.

Each case was seen failing on the data before the coverage pass (branch cov-halton): the CDOP lead, the
years and future shares of funding, the Improvement Boards link, the SPG's data sources and the website.
"""

from __future__ import annotations

import pytest

CASES = [
    # 5. Child Death Review Process: "The CDOP is led centrally by the Department of Health."
    ("who leads the child death review process centrally in halton", "halton.process.cdop", "Department of Health"),
    # 8. Funding: contributions agreed for 2018/19 and 2019/20
    ("which years have the halton partners agreed their funding for", "halton.process.funding", "2018/19 and 2019/20"),
    # 8. Funding: "In the future, relevant agencies will be expected to contribute to the scrutiny and assurance ..."
    (
        "what will relevant agencies in halton have to pay towards in future",
        "halton.process.funding",
        "scrutiny and assurance",
    ),
    # 1. Purpose: links to other boards include Improvement Boards
    ("which other boards is the halton partnership linked to", "halton.process.structure", "Improvement Boards"),
    # 4. Relevant agencies with a national remit
    ("how does halton work with cafcass and probation", "halton.relevant-agencies.selection", "national remit"),
    # 3. Policy and Procedures: the HCYPSP website replaces the HSCB website
    (
        "what will happen to the hscb website in halton",
        "halton.contact.partnership",
        "replace the Halton Safeguarding Children Board (HSCB) website",
    ),
]


@pytest.mark.parametrize(("question", "entry_id", "says"), CASES)
def test_added_halton_fact_is_answered(ask, question: str, entry_id: str, says: str) -> None:
    res = ask(question, "halton")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id == entry_id, (res.entry.id, res.text)
    assert says in res.text, res.text
