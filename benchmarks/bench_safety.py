#!/usr/bin/env python3
"""Worry detection per message (lexicon + statistical backstop): p50/p95/max over the development corpora.

Usage: python benchmarks/bench_safety.py [--json]
Reads tests/safety/corpus-own.jsonl and corpus-a.jsonl (development sets), plus each line repeated five times
(long messages), after one warm-up pass that loads the lexicon and the model.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.safety import get_detector  # noqa: E402


def main() -> int:
    texts = [json.loads(line)["text"] for name in ("corpus-own.jsonl", "corpus-a.jsonl")
             for line in (ROOT / "tests" / "safety" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [" ".join([t] * 5) for t in texts[:200]]
    det = get_detector()
    t0 = time.perf_counter()
    for t in texts:
        det.detect(t)
    warm = (time.perf_counter() - t0) * 1000
    times = []
    for t in texts:
        s = time.perf_counter()
        det.detect(t)
        times.append((time.perf_counter() - s) * 1000)
    times.sort()
    out = {"messages": len(times), "p50_ms": times[len(times) // 2], "p95_ms": times[int(len(times) * 0.95)],
           "max_ms": times[-1], "first_pass_ms_total": warm}
    print(f"safety detection over {out['messages']} messages: p50 {out['p50_ms']:.3f} ms, "
          f"p95 {out['p95_ms']:.3f} ms, max {out['max_ms']:.3f} ms (first pass incl. loading {warm:.0f} ms)")
    if "--json" in sys.argv:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
