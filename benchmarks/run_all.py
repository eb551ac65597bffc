"""Run every benchmark of the product and print one table (`make bench`).

Each benchmark script prints its own figures; run with --json it prints one JSON object on its last
line, which this flattens into rows, each with the Slack latency the fake answered at ("-" where no Slack
call is measured). QUICK=1 (or --quick) runs shorter versions that fit a 2-core box in a few minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

QUICK = bool(os.environ.get("QUICK")) or "--quick" in sys.argv
# (name, command, Slack latency in ms the fake answers at, or None where no Slack call is timed)
BENCHMARKS: list[tuple[str, list[str], int | None]] = [
    ("answers", ["benchmarks/bench_answers.py", "--json"], None),
    ("screen", ["benchmarks/bench_screen.py", "--json"], None),
    ("reminders", ["benchmarks/bench_reminders.py", "--json", "--latency", "0.1", *(["--quick"] if QUICK else [])],
     100),
    ("flat", ["benchmarks/bench_flat.py", "--json", *(["--quick"] if QUICK else [])], None),
    ("case_reviews", ["benchmarks/bench_case_reviews.py", "--json"], 0),
    ("escalations", ["benchmarks/bench_escalations.py", "--json"], 0),
    ("insight", ["benchmarks/bench_insight.py", "--json", *(["--escalations", "500"] if QUICK else [])], None),
    ("dashboard", ["benchmarks/bench_dashboard.py", "--json", *(["--escalations", "500"] if QUICK else [])], 0),
    ("modals", ["benchmarks/bench_modals.py", "--json", "--latency", "0.15"], 150),
    ("ack_cpu", ["benchmarks/bench_ack_cpu.py", "--json", "--latency", "0.15",
                 "--requests", "50" if QUICK else "200"], 150),
    ("http", ["benchmarks/bench_http.py", "--json", "--rate", "200", "--latency", "0.15",
              "--duration", "10" if QUICK else "60"], 150),
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
    table: list[tuple[str, str, str, str]] = []
    failed = 0
    for name, cmd, latency in BENCHMARKS:
        lat = "-" if latency is None else f"{latency} ms"
        if not (ROOT / cmd[0]).exists():
            table.append((name, "(missing)", cmd[0], lat))
            continue
        print(f"== {name}: {' '.join(cmd)}", file=sys.stderr)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, *cmd], cwd=ROOT, capture_output=True, text=True, timeout=1800)
        took = time.perf_counter() - t0
        if proc.returncode != 0:
            failed += 1
            table.append((name, "FAILED", proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "", lat))
            continue
        last = [line for line in proc.stdout.splitlines() if line.strip()][-1]
        for key, value in flatten("", json.loads(last)):
            table.append((name, key, value, lat))
        table.append((name, "benchmark wall time s", f"{took:.1f}", lat))
    width = max(len(k) for _, k, _, _ in table) if table else 10
    print(f"{'benchmark':<12}  {'slack latency':<13}  {'figure':<{width}}  value")
    print(f"{'-' * 12}  {'-' * 13}  {'-' * width}  {'-' * 12}")
    for name, key, value, lat in table:
        print(f"{name:<12}  {lat:<13}  {key:<{width}}  {value}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
