"""Feedback and unanswered-question storage, and the `kb gaps` ordering."""

from __future__ import annotations

from storage.answers import feedback_summary, record_feedback, record_unanswered, unanswered_summary


def test_gaps_most_frequent_first_case_folded_and_team_scoped(db) -> None:
    with db.session() as s:
        for q in ("Where is the canteen?", "where is the canteen?", "WHERE IS THE CANTEEN?", "wifi password"):
            record_unanswered(s, team_id="T1", partnership="halton", question=q)
        record_unanswered(s, team_id="T2", partnership="wirral", question="wifi password")
        record_unanswered(s, team_id="T2", partnership="wirral", question="wifi password")
    with db.session() as s:
        rows = unanswered_summary(s, team_id="T1")
        assert rows[0][1:] == ("halton", 3, "") and rows[0][0].lower() == "where is the canteen?"
        assert rows[1] == ("wifi password", "halton", 1, "")
        everyone = unanswered_summary(s)
        assert ("wifi password", "wirral", 2, "") in everyone


def test_unanswered_text_is_screened_before_storage(db) -> None:
    with db.session() as s:
        row = record_unanswered(s, team_id="T1", partnership=None, question="email jo@example.org re CH65 0BE")
        assert "example.org" not in row.question and "CH65" not in row.question


def test_feedback_summary_counts_per_entry(db) -> None:
    with db.session() as s:
        record_feedback(s, team_id="T1", entry_id="a.b", helpful=True)
        record_feedback(s, team_id="T1", entry_id="a.b", helpful=False)
        record_feedback(s, team_id="T1", entry_id="a.b", helpful=True)
    with db.session() as s:
        assert feedback_summary(s) == {"a.b": (2, 1)}
