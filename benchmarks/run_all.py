"""Run every benchmark of the product and print one table (`make bench`).

Each benchmark script prints its own figures; run with --json it prints one JSON object on its last
line, which this flattens into rows. Set QUICK=1 for a shorter HTTP run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BENCHMARKS: list[tuple[str, list[str]]] = [
    ("answers", ["benchmarks/bench_answers.py", "--json"]),
    ("reminders", ["benchmarks/bench_reminders.py", "--json"]),
    ("case_reviews", ["benchmarks/bench_case_reviews.py", "--json"]),
    ("escalations", ["benchmarks/bench_escalations.py", "--json"]),
    ("http", ["benchmarks/bench_http.py", "--json", "--rate", "200",
              "--duration", "10" if os.environ.get("QUICK") else "60", "--find-max"]),
]


def flatten(prefix: str, value: object) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        rows: list[tuple[str, str]] = []
        for k, v in value.items():
            rows += flatten(f"{prefix}.{k}" if prefix else str(k), v)
        return rows
    if isinstance(value, float):
        return [(prefix, f"{value:,.3f}")]
    return [(prefix, str(value))]


def main() -> int:
    table: list[tuple[str, str, str]] = []
    failed = 0
    for name, cmd in BENCHMARKS:
        if not (ROOT / cmd[0]).exists():
            table.append((name, "(missing)", cmd[0]))
            continue
        print(f"== {name}: {' '.join(cmd)}", file=sys.stderr)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, *cmd], cwd=ROOT, capture_output=True, text=True, timeout=1800)
        took = time.perf_counter() - t0
        if proc.returncode != 0:
            failed += 1
            table.append((name, "FAILED", proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""))
            continue
        last = [line for line in proc.stdout.splitlines() if line.strip()][-1]
        for key, value in flatten("", json.loads(last)):
            table.append((name, key, value))
        table.append((name, "benchmark wall time s", f"{took:.1f}"))
    width = max(len(k) for _, k, _ in table) if table else 10
    print(f"{'benchmark':<10}  {'figure':<{width}}  value")
    print(f"{'-' * 10}  {'-' * width}  {'-' * 12}")
    for name, key, value in table:
        print(f"{name:<10}  {key:<{width}}  {value}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
