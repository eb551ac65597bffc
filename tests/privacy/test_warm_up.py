"""The identifier screen's warm-up at start (bot/privacy/warm.py): the app runs it once it is built, and it reaches
what screening prose makes on first use (the lower-case copies of the screen's patterns), so a practitioner's first
long message does not pay ~300 ms of CPU for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import bot.app
from bot.privacy.warm import warm_texts

ROOT = Path(__file__).resolve().parents[2]
# A fresh interpreter: screen 40,000 characters of a development corpus's benign prose (after the warm-up when asked)
# and print how many patterns the screen lowered for it that it had not lowered before.
_PROBE = """
import json, sys
from bot.privacy import find_identifiers, source
find_identifiers("Warm-up: Jane Smith, 1 High Street, Chester CH1 1AA")  # (what the app screened at start before)
if sys.argv[1] == "warm":
    from bot.privacy.warm import warm_up
    warm_up()
lines = [json.loads(x) for x in open("tests/privacy/corpus-own.jsonl", encoding="utf-8") if x.strip()]
prose = ". ".join(c["text"] for c in lines if c["label"] == "benign") + ". "
before = len(source._LOWERED)
find_identifiers((prose * (40_000 // len(prose) + 1))[:40_000])
print(len(source._LOWERED) - before)
"""


def _lowered_by_prose(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", _PROBE, mode], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_warm_up_reaches_what_screening_prose_first_makes():
    cold, warm = _lowered_by_prose("cold"), _lowered_by_prose("warm")
    assert cold >= 40  # (the probe sees the work: without the warm-up the first long message lowers this many)
    assert warm <= cold // 8


def test_the_app_runs_the_screen_warm_up_when_built(services, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(bot.app, "warm_screen", lambda: calls.append(1))
    app = bot.app.create_app(services)
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
    assert calls == [1]


def test_the_warm_up_texts_are_loaded_and_validated():
    texts = warm_texts()
    assert len(texts) >= 10 and all(len(t) > 100 for t in texts)
