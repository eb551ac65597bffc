#!/usr/bin/env python3
"""The identifier screen's worst case (#11 section 2: a 40,000-character message in under 50 ms): CPU time to
screen each 40,000-character shape of scripts/eval_privacy.py's worst_case_ms and the benign prose of every
development privacy corpus run together to that length. Prints figures; asserts nothing.

Usage: python benchmarks/bench_screen.py [--runs N] [--json]
Each figure is the best of N runs (default 5) of time.process_time, which a shared machine's load does not add to.
Held-out and blind corpora (t, p, m, j, k, v) are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.privacy import find_identifiers  # noqa: E402
from scripts.fuzz_screen_speed import LIMIT, cpu_ms, message  # noqa: E402  one timing loop, one 40,000-character fill

# held-out and blind sets, never read (v: the seventh session's final blind set; add any new one here)
HELD_OUT = {"bh", "bf", "bc", "az", "ay", "t", "p", "m", "j", "k", "v", "w", "y", "aa", "ac", "af", "ah", "aj",
            "ak", "am", "ao", "aq", "ar", "at", "av"}
SHAPES = {"a": "a" * LIMIT, "a.": "a." * 20_000, "1 ": "1 " * 20_000, "Aa ": "Aa " * 13_333, "@": "@" * LIMIT,
          "a@": "a@" * 20_000, "x-": "x-" * 20_000, "Mr ": "Mr " * 13_333, "0": "0" * LIMIT, "word ": "word " * 8_000}
# name-dense text (an attendee list, pasted minutes): many name and role candidates, each checked against the text
NAME_DENSE = ["Jo Hill (IRO) ", "Present: Sarah Jones (DSL), Mark Brown (SW), Dr Amir Khan (GP). ", "the boy who ",
              "Amy, Ben, Cara, Dev, Ella, Finn, Grace, Hari, Isla, Jack, "]
SHAPES.update({s: message(s) for s in NAME_DENSE})
# found by scripts/fuzz_screen_speed.py (branch speed): one short phrase of the screen's own cue words, repeated, each
# slowed a detector that read every cue's sentence or every word's context afresh (siblings, schools, relatives' jobs,
# names in a run of capitals, initials, usernames, personal numbers, birth dates, streets, combinations, events)
FUZZ = ["yr 7 at ", "in year 7 ", "Ks1 ", "Reception ", "his sister ", "Twin ", "Oldest ", "Stepsister ",
        "mum, she is a ", "Mum said she is a ", "Nan ", "man ", "gf ", "De ", "Hale ", "Elton ", "Way ", "Lane ",
        "House ", "S ", "A3 ", "S47 ", "tt ", "jw ", "sc ", "fb ", "Xbox ", "b. 1 ", "7, March; bank, 7 & ", "Flat 3, ",
        "little one ", "Teen dad ", "mum of twins ", "22 year old ", "7yo ", "st giles's "]
SHAPES.update({s: message(s) for s in FUZZ})


def prose_shapes() -> dict[str, str]:
    """Each development corpus's benign lines joined as eval_privacy.py joins them, repeated to 40,000 characters."""
    out = {}
    for path in sorted((ROOT / "tests" / "privacy").glob("corpus-*.jsonl")):
        if path.stem.removeprefix("corpus-") in HELD_OUT:
            continue
        cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        prose = ". ".join(c["text"] for c in cases if c["label"] == "benign")
        if prose:
            out[f"prose {path.stem}"] = message(prose + ". ")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    find_identifiers("warm up: word lists load once per process")
    figures = {name: cpu_ms(find_identifiers, text, a.runs) for name, text in {**SHAPES, **prose_shapes()}.items()}
    if a.json:
        print(json.dumps({k: round(v, 2) for k, v in figures.items()}))  # one line: benchmarks/run_all.py reads it
        return 0
    for name, ms in figures.items():
        print(f"{name!r:<24} {ms:6.1f} ms CPU")
    prose = [v for k, v in figures.items() if k.startswith("prose")]
    print(f"worst shape {max(v for k, v in figures.items() if not k.startswith('prose')):.1f} ms CPU; "
          f"prose worst {max(prose):.1f}, mean {sum(prose) / len(prose):.1f} ms CPU (best of {a.runs} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
