"""The annual-report pack: PNG and SVG that parse, CSVs with their columns, a page that needs no network."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import time_machine
from PIL import Image

from bot.case_reviews import service as cases
from bot.insight import measures, pack
from storage.answers import CountKey, add_question_counts, record_feedback, record_unanswered
from tests.conftest import TEAM_ID
from tests.escalations.conftest import london
from tests.insight.test_measures import Q2, _case

pytestmark = pytest.mark.filterwarnings("error::UserWarning")  # a chart matplotlib could not lay out


def _seed(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        refs = [_case(s, date(2026, 5, d), notified=date(2026, 5, d + 10)).ref for d in (4, 5, 6)]
        with time_machine.travel(london(2026, 5, 20), tick=False):  # asked in the period
            for _ in range(3):
                record_unanswered(s, team_id=TEAM_ID, partnership="halton", question="who runs the training pool")
            record_feedback(s, team_id=TEAM_ID, entry_id="halton.group.executive", helpful=False,
                            question="who chairs")
            record_feedback(s, team_id=TEAM_ID, entry_id="national.timescale.rapid-review", helpful=True)
            record_feedback(s, team_id=TEAM_ID, entry_id="wirral.group.executive", helpful=False)  # not Halton's
            week = date(2026, 5, 18)
            add_question_counts(s, Counter({CountKey(TEAM_ID, "halton", week, "", "cannot_answer", False): 3,
                                            CountKey(TEAM_ID, "halton", week, "Groups", "answer", False): 2,
                                            CountKey(TEAM_ID, "wirral", week, "Groups", "answer", False): 7}))
        record_unanswered(s, team_id=TEAM_ID, partnership="halton", question="asked after the period")
    return refs


def test_pack_files_parse_and_withhold_small_numbers(db, tmp_path: Path):
    late = _seed(db)
    with db.session() as s:
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1))
    files = pack.write(m, cases.timescales(), tmp_path)
    names = {p.name for p in files}
    assert {"case-review-timeliness.png", "case-review-timeliness.svg", "case-review-timeliness.csv",
            "late.csv", "index.html"} <= names
    for png in tmp_path.glob("*.png"):
        with Image.open(png) as img:
            img.verify()
            assert img.size[0] >= 700  # readable on a phone when scaled to its width
    for svg in tmp_path.glob("*.svg"):
        assert ET.parse(svg).getroot().tag.endswith("svg")
    rows = list(csv.reader((tmp_path / "case-review-timeliness.csv").open()))
    assert rows[0] == ["measure", "cases", "on time", "percent on time"]
    assert rows[1][1:] == ["fewer than 5", "withheld", "withheld"]  # three cases: the rate could point at one
    assert [r[1] for r in csv.reader((tmp_path / "late.csv").open())][1:] == late  # all three were 10 days late
    page = (tmp_path / "index.html").read_text()
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert 'alt="Panel told within 5 working days: fewer than 5 cases (figure withheld)' in page
    assert "Counts of 1 to 4 are not shown" in page
    questions = list(csv.reader((tmp_path / "questions.csv").open()))
    assert questions == [["week beginning", "Answered", "Did you mean", "Asked which area", "No answer"],
                         ["2026-05-18", "2", "0", "0", "3"]]  # questions are not cases: not withheld
    written = b"".join(p.read_bytes() for p in files)
    assert b"training pool" not in written and b"who chairs" not in written  # counts only, never what was asked
    assert (m.questions.rated, m.questions.not_helpful) == (2, 1)


def test_cli_writes_the_pack_and_refuses_a_misspelt_partnership(database_url: str, db, tmp_path: Path):
    _seed(db)
    env = {**os.environ, "DATABASE_URL": database_url}
    run = [sys.executable, "-m", "bot.cli", "report", "--since", "2026-03-01", "--until", "2026-05-31"]
    done = subprocess.run([*run, "--partnership", "halton", "--out", str(tmp_path / "out")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Halton" in done.stdout and (tmp_path / "out" / "index.html").exists()
    bad = subprocess.run([*run, "--partnership", "haltn", "--out", str(tmp_path / "x")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "did you mean halton" in bad.stderr
    backwards = subprocess.run([*run[:5], "2026-06-01", "--until", "2026-05-01", "--partnership", "halton",
                                "--out", str(tmp_path / "y")], env=env, capture_output=True, text=True, timeout=120)
    assert backwards.returncode == 2 and "runs forwards" in backwards.stderr
