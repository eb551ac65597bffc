"""`safeguarding-bot audit export` writes the audit log as CSV without free text."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

from storage import audit


def test_audit_export_csv(db, database_url, tmp_path):
    with db.session() as s:
        audit.record(s, team_id="T1", actor_id="U1", action="role.grant", entity_type="user", entity_id="U2",
                     after={"role": "manager"})
        audit.record(s, team_id="T1", actor_id="U1", action="workspace.set_partnership", entity_type="workspace",
                     entity_id="T1", before={"partnership": None}, after={"partnership": "halton"})
    env = {**os.environ, "DATABASE_URL": database_url}
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "audit", "export", "--since", "2020-01-01"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["action"] for r in rows] == ["role.grant", "workspace.set_partnership"]
    assert rows[1]["after"] == '{"partnership": "halton"}'
    assert "2 audit entries exported" in proc.stderr


def test_audit_export_rejects_bad_date(database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "audit", "export", "--since", "last week"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    assert "not a date in YYYY-MM-DD form" in proc.stderr
