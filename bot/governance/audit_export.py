"""The audit log as CSV, for the partnership's information governance lead."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import TextIO

from sqlalchemy.orm import Session

from bot.timeutil import to_london
from storage.audit import entries

COLUMNS = ["id", "at_london", "team_id", "actor_id", "action", "entity_type", "entity_id", "before", "after"]


def export_csv(session: Session, out: TextIO, *, since: datetime, team_id: str | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = entries(session, team_id=team_id, since=since)
    for row in rows:
        writer.writerow([
            row.id,
            to_london(row.at).isoformat(timespec="seconds"),
            row.team_id,
            row.actor_id,
            row.action,
            row.entity_type,
            row.entity_id,
            json.dumps(row.before, sort_keys=True) if row.before is not None else "",
            json.dumps(row.after, sort_keys=True) if row.after is not None else "",
        ])
    return len(rows)
