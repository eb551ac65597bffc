#!/usr/bin/env python3
"""The identifier screen on a labelled corpus: detection per category, false positives on benign text,
and the time to screen a message of Slack's maximum length.

Usage:
    python scripts/eval_privacy.py CORPUS.jsonl [--quiet]
    python scripts/eval_privacy.py --union CORPUS.jsonl CORPUS.jsonl ...   (one line per set and their total, no timing:
        a change that raises one development set and lowers the others shows here)

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
    # name-dense text (an attendee list, pasted minutes): many name and role candidates, each checked against the text
    for dense in ["Jo Hill (IRO) ", "Present: Sarah Jones (DSL), Mark Brown (SW), Dr Amir Khan (GP). ", "the boy who ",
                  "Amy, Ben, Cara, Dev, Ella, Finn, Grace, Hari, Isla, Jack, "]:
        shapes.append(dense * (40_000 // len(dense) + 1))
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


def union(paths: list[str]) -> int:
    """Detected and false positives per set and over all of them together."""
    totals = [0, 0, 0, 0]
    for path in paths:
        cases = read_cases(path)
        flags = [(c["label"] == "identifying", bool(find_identifiers(c["text"]))) for c in cases]
        row = [sum(f for i, f in flags if i), sum(i for i, _ in flags), sum(f for i, f in flags if not i),
               sum(not i for i, _ in flags)]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"{Path(path).name:<24} detected {row[0]}/{row[1]} = {row[0] / max(1, row[1]):.1%}; "
              f"false positives {row[2]}/{row[3]} = {row[2] / max(1, row[3]):.1%}")
    print(f"{'all together':<24} detected {totals[0]}/{totals[1]} = {totals[0] / max(1, totals[1]):.2%}; "
          f"false positives {totals[2]}/{totals[3]} = {totals[2] / max(1, totals[3]):.2%}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--union", action="store_true")
    a = ap.parse_args()
    if a.union or len(a.corpus) > 1:
        return union(a.corpus)
    cases = read_cases(a.corpus[0])
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
