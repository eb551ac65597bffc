"""National entries (Working Together, the glossary) are admins' to edit: an admin finds them with
`/safeguarding kb <words>` beside the partnership's own and opens one; the business unit's search does not list them."""

from __future__ import annotations

from bot.kbedit.ids import ActionId, BlockId
from tests.conftest import ADMIN
from tests.kbedit.helpers import BU, configure, initial, open_view_after, values_of

NATIONAL_ENTRY = "national.glossary.lado"


def test_an_admin_finds_and_opens_a_national_entry_the_business_unit_does_not_see(slack, fake_slack, db):
    configure(db, fake_slack)
    slack.command("/safeguarding", "kb what is a lado", user=ADMIN)
    found = fake_slack.wait_for("response_url")[-1]
    assert NATIONAL_ENTRY in values_of(found, ActionId.EDIT)
    slack.command("/safeguarding", f"kb {NATIONAL_ENTRY}", user=ADMIN)  # an id as typed
    assert values_of(fake_slack.wait_for("response_url", count=2)[-1], ActionId.EDIT)[0] == NATIONAL_ENTRY
    view = open_view_after(slack, fake_slack, ActionId.EDIT, NATIONAL_ENTRY, ADMIN)
    assert "LADO" in str(initial(view, BlockId.TITLE))

    slack.command("/safeguarding", "kb what is a lado", user=BU)
    assert NATIONAL_ENTRY not in values_of(fake_slack.wait_for("response_url", count=3)[-1], ActionId.EDIT)
