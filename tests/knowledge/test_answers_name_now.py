"""answers74 (blind-bv): the partnership's name asked "now", beside whether the old LSCB still exists, is answered with
the area's own name entry (which says what it replaced), not the national story of why LSCBs went. Questions written
here, none copied from a set; each was seen failing on main before the change."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("whats the partnership here called these days - is the lscb still going", "halton",
     "Children and Young People Safeguarding Partnership"),
    ("whats the partnership here called these days - is the lscb still going", "warrington",
     "Warrington Safeguarding Partnership"),
    ("what is the local safeguarding partnership called now? does the lscb still exist", "cheshire-west-and-chester",
     "cease to exist"),
])
def test_the_name_now_is_the_partnerships_name(ask, question: str, partnership: str, says: str) -> None:
    assert_answered(ask(question, partnership), says)
