"""Issue #10 sections 2 and 3, answers32: a contact detail is given for what is asked, or declined.

"whats the LADO email for halton" used to get the Halton policy team's mailbox (the partnership's only email, lifted
over the LADO entry by the area's preference) as if it were the LADO's. When a contact detail is asked, an entry
without the question's subject no longer outranks one that holds it and matched at least as well; the LADO entry
holds no email, so the detail is declined plainly. ("email address for the lado" still gets the mailbox: the
lead the LADO entry needs is not there; left.) Sentences are written here, not copied from any set; the two
declines were seen answered with the policy mailbox on main 6772c98.
"""

from __future__ import annotations

import pytest

from knowledge.vocabulary import vocabulary
from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize("question", ["what's the email for halton's lado", "need the LADO's email in halton asap"])
def test_the_lado_email_is_not_the_policy_mailbox(ask, question) -> None:
    res = ask(question, "halton")
    assert_declined(res, "no email address")


def test_the_partnerships_own_email_is_still_given(ask) -> None:
    res = ask("what's the halton partnership's email", "halton")
    assert res.outcome == "answer" and "cypolicy@halton.gov.uk" in res.text, res.text


def test_the_contact_kinds_are_the_contact_details() -> None:  # answers80 added "contact details" asked so
    assert {k.name for k in vocabulary().out_of_scope.fact_kinds if k.contact} == {
        "a phone number", "an email address", "a web address", "an address", "contact details"}
