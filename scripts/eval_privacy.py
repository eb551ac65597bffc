#!/usr/bin/env python3
"""The identifier screen on a labelled corpus: detection per category, false positives on benign text,
and the time to screen a message of Slack's maximum length.

Usage:
    python scripts/eval_privacy.py CORPUS.jsonl [--quiet]

CORPUS lines are {"text", "label": "identifying"|"benign", "category"}. Screens with
`bot.privacy.find_identifiers` in-process (the function every form and message goes through).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.privacy import find_identifiers
from scripts.labelled import Tally, read_cases


def worst_case_ms(cases: list[dict[str, str]]) -> tuple[float, float]:
    """Screen 40,000-character messages (Slack's limit) built to stress each pattern, and the corpus's benign
    lines run together to that length; the slowest, in ms of wall-clock and of CPU time (each the best of 3 runs,
    as a shared machine's load adds to the wall clock but not to the CPU time this process uses)."""
    shapes = ["a" * 40_000, "a." * 20_000, "1 " * 20_000, "Aa " * 13_333, "@" * 40_000, "a@" * 20_000,
              "x-" * 20_000, "Mr " * 13_333, "0" * 40_000, "word " * 8_000]
    prose = ". ".join(c["text"] for c in cases if c["label"] == "benign")
    if prose:
        shapes.append((prose + ". ") * (40_000 // len(prose) + 1))
    find_identifiers("warm up: word lists load once per process")
    wall = cpu = 0.0
    for s in shapes:
        runs = []
        for _ in range(3):
            w0, c0 = time.perf_counter(), time.process_time()
            find_identifiers(s[:40_000])
            runs.append((time.perf_counter() - w0, time.process_time() - c0))
        wall, cpu = max(wall, min(r[0] for r in runs)), max(cpu, min(r[1] for r in runs))
    return wall * 1000, cpu * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    cases = read_cases(a.corpus)
    tally = Tally("identifying", "MISSED", "FALSE POSITIVE", quiet=a.quiet)
    for c in cases:
        tally.add(c, bool(find_identifiers(c["text"])))
    tally.print_table("right/total", percent=True)
    id_ok, id_n = tally.totals("identifying")
    b_ok, b_n = tally.totals("benign")
    worst_cat = min((tally.ok[k] / tally.n[k], k) for k in tally.n if k.startswith("identifying:")) if id_n \
        else (1.0, "-")
    print(f"detected {id_ok}/{id_n} = {id_ok / max(1, id_n):.1%} (weakest category {worst_cat[1]} "
          f"{worst_cat[0]:.0%}); false positives {b_n - b_ok}/{b_n} = {(b_n - b_ok) / max(1, b_n):.1%}")
    wall, cpu = worst_case_ms(cases)
    print(f"worst 40,000-character message screened in {wall:.1f} ms ({cpu:.1f} ms CPU)")
    print(tally.closing())
    return 0


if __name__ == "__main__":
    sys.exit(main())
