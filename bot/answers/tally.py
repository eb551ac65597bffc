"""How many questions were asked, answered, declined or met with "did you mean": counts only, never text.

The insight measures need these by week and topic. Writing a row per question would put a database write on
every answer (and SQLite's one writer in the path of every ack), so each process keeps the counts in memory and
adds them to the `question_counts` table about once a minute. A process that dies loses at most that minute of
counts; nothing else depends on them.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.logs import get_logger
from bot.timeutil import today
from knowledge.answering import Answer
from storage.answers import CountKey, add_question_counts
from storage.db import Database

log = get_logger(__name__)

FLUSH_SECONDS = 60.0
FLUSH_KEYS = 200  # distinct (team, area, week, topic, outcome) keys held before writing early


def week_of(day: date) -> date:
    """The Monday of `day`'s week (Europe/London): the unit the insight charts count in."""
    return day - timedelta(days=day.weekday())


@dataclass
class QuestionTally:
    counts: Counter[CountKey] = field(default_factory=Counter)
    since: float | None = None  # wall time (time-machine travels it) of the oldest count not yet written
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, team_id: str, ans: Answer, partnership: str | None) -> None:
        # An unanswered question counts under the topic it came nearest to (a "did you mean" or a related entry),
        # so the business unit sees where answers are missing without anyone's words being kept.
        key = CountKey(team_id, ans.partnership or partnership or "", week_of(today()), ans.nearest_topic,
                       str(ans.outcome), bool(ans.safety))
        with self.lock:
            self.counts[key] += 1
            if self.since is None:
                self.since = time.time()

    def due(self) -> bool:
        with self.lock:
            return self.since is not None and (
                time.time() - self.since >= FLUSH_SECONDS or len(self.counts) >= FLUSH_KEYS)

    def flush(self, db: Database) -> int:
        """Add the held counts to the table; on a database fault keep them for the next try. Keys written."""
        with self.lock:
            taken, self.counts, self.since = self.counts, Counter(), None
        if not taken:
            return 0
        try:
            with db.session() as s:
                add_question_counts(s, taken)
        except SQLAlchemyError:
            log.warning("answers.tally_not_written", keys=len(taken))
            with self.lock:
                self.counts.update(taken)
                self.since = self.since or time.time()
            return 0
        return len(taken)
