"""answers18: "the names of the roles" asks for the posts' titles, which the documents give, not who holds them.

Sentences are written here, not copied from any set; the answered case was seen failing on main 21d5f04.
"""

from __future__ import annotations

from tests.knowledge.conftest import assert_declined


def test_the_names_of_roles_asks_for_the_posts_not_who_holds_them(ask) -> None:
    res = ask("which officers have the halton partners delegated their functions to? i need the names of the roles "
              "for a paper", "halton")
    assert res.outcome == "answer", res.text
    assert "Strategic Director People" in res.text and "Chief Nurse" in res.text, res.text


def test_the_name_of_a_post_holder_the_documents_do_not_give_is_still_declined(ask) -> None:
    assert_declined(ask("what is the name of the strategic director people in halton", "halton"), "do not name")
