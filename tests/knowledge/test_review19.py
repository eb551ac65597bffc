"""The nineteenth session's review of declines75: who on the partnership must hold a DBS check (Wirral's partnership
group says an enhanced check, reviewed every three years) is answered, not met with the "getting a DBS" decline, nor
is any other "update service"; the lead safeguarding partners the documents name are answered though asked as "the
new"; a plural post-holder is "are". Sentences are written here, not copied from any set."""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    "question",
    ["does a wirral board member have to get an enhanced dbs",  # fail on 94d4f08: the DBS application decline
     "how often are lay members of the partnership group dbs checked"],
)
def test_a_board_members_check_is_answered(ask, question) -> None:
    res = ask(question, "wirral")
    assert res.answered and "DBS" in res.text, res.text


def test_an_update_service_that_is_no_dbs_is_not_the_dbs_decline(ask) -> None:
    res = ask("is there an update service for the local procedures when they change", "wirral")
    assert "DBS" not in res.text, res.text


def test_getting_a_check_for_a_volunteer_is_still_declined(ask) -> None:
    res = ask("how do i get a dbs for a new volunteer at our club", "wirral")
    assert not res.answered and "GOV.UK" in res.text, res.text


def test_the_new_lead_safeguarding_partner_is_answered(ask) -> None:
    res = ask("who is the new lead safeguarding partner for the area", CWAC)  # fail on 94d4f08: declined as "now"
    assert res.answered and "lead representative" in res.text.lower(), res.text


def test_a_plural_post_holder_reads_are(ask) -> None:
    res = ask("who are the current members of the executive group", CWAC)
    assert not res.answered and "members are now" in res.text, res.text
