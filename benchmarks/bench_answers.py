"""Answering benchmark: latency, index build, memory, and accuracy against a plain rapidfuzz baseline.

    .venv/bin/python benchmarks/bench_answers.py [--questions FILE ...] [--scale 10000]

Prints figures only (no assertions); knowledge/README.md records the latest run.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from knowledge.answering import Answerer  # noqa: E402
from knowledge.base import KnowledgeBase, load_knowledge_base  # noqa: E402
from knowledge.partnerships import NATIONAL  # noqa: E402
from knowledge.text import find_places  # noqa: E402

DEV = Path("/work/shared/eval/dev-questions.jsonl")
HELDOUT = [ROOT / "tests/knowledge/heldout.jsonl", ROOT / "tests/knowledge/heldout2.jsonl",
           ROOT / "tests/knowledge/blind-a.jsonl"]


def _matcher():  # the grader's own matching rule
    spec = importlib.util.spec_from_file_location("score", "/work/shared/eval/score.py")
    if spec is None or spec.loader is None or not Path("/work/shared/eval/score.py").exists():
        return lambda text, expect: all(any(a.lower() in text.lower() for a in g.split("|")) for g in expect)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.matches


def load_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Baseline:
    """process.extractOne over titles+phrasings (partnership + national), WRatio, fixed cutoff."""

    def __init__(self, kb: KnowledgeBase, cutoff: float = 80.0) -> None:
        self.cutoff = cutoff
        self.choices: list[tuple[str, str]] = [(p, e.id) for e in kb for p in [e.title, *e.phrasings]]
        self.kb = kb

    def answer(self, question: str, partnership: str | None) -> tuple[bool, str]:
        places = find_places(question)
        area = places[0][1] if places else partnership
        pool = [(t, i) for t, i in self.choices
                if area is None or self.kb.get(i).partnership in (area, NATIONAL)]  # type: ignore[union-attr]
        best = process.extractOne(question, [t for t, _ in pool], scorer=fuzz.WRatio)
        if best is None or best[1] < self.cutoff:
            return False, ""
        return True, self.kb.get(pool[best[2]][1]).answer  # type: ignore[union-attr]


def accuracy(cases: list[dict], answer_fn, matches) -> tuple[float, float, int, int]:  # type: ignore[no-untyped-def]
    ok_in = n_in = ok_out = n_out = 0
    for c in cases:
        answered, text = answer_fn(c["q"], c.get("partnership"))
        if c["expect"] == "abstain":
            n_out += 1
            ok_out += not answered
        else:
            n_in += 1
            ok_in += answered and matches(text, c["expect"])
    return ok_in / max(1, n_in), ok_out / max(1, n_out), n_in, n_out


def latencies(answerer: Answerer, cases: list[dict], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per question (CPU time is what the code costs on a shared machine)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        for c in cases:
            t0, c0 = time.perf_counter(), time.thread_time()
            answerer.answer(c["q"], c.get("partnership"))
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    return wall, cpu


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def scaled_kb(kb: KnowledgeBase, size: int) -> KnowledgeBase:
    """Clone entries (new ids, a distinct made-up word each) until the KB holds `size` entries."""
    base = list(kb)
    entries = list(base)
    i = 0
    while len(entries) < size:
        src = base[i % len(base)]
        tag = f"synthetic{i:05d}"
        clone = src.model_copy(update={
            "id": f"{src.id}.{tag}",
            "title": f"{src.title} {tag}",
            "phrasings": [f"{p} {tag}" for p in src.phrasings],
            "keywords": [*src.keywords, tag],
        })
        entries.append(clone)
        i += 1
    return KnowledgeBase(entries)


def bench_index(kb: KnowledgeBase, label: str, cases: list[dict], repeat: int) -> dict[str, float]:
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    answerer = Answerer(kb)
    build_ms = (time.perf_counter() - t0) * 1000
    build_cpu_ms = (time.process_time() - c0) * 1000
    del answerer
    gc.collect()
    tracemalloc.start()  # a second build, traced, for memory (tracing slows it down)
    answerer = Answerer(kb)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    answerer.answer("warm up", None)
    lat, cpu = latencies(answerer, cases, repeat)
    print(f"{label:<24} entries={len(kb):>6}  build {build_ms:8.1f} ms wall {build_cpu_ms:8.1f} ms cpu  "
          f"memory {peak / 1e6:6.1f} MB  wall p50 {pct(lat, 50):6.2f} p95 {pct(lat, 95):6.2f} ms  "
          f"cpu p50 {pct(cpu, 50):6.2f} p95 {pct(cpu, 95):6.2f} ms  (n={len(lat)})")
    return {"entries": len(kb), "index_build_ms": build_ms, "index_build_cpu_ms": build_cpu_ms,
            "index_memory_mb": peak / 1e6, "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95),
            "cpu_p50_ms": pct(cpu, 50), "cpu_p95_ms": pct(cpu, 95)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", nargs="*", type=Path, default=[DEV, *HELDOUT])
    ap.add_argument("--scale", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line at the end")
    args = ap.parse_args()
    figures: dict[str, object] = {}
    files = [p for p in args.questions if p.exists()]
    matches = _matcher()

    t0 = time.perf_counter()
    kb = load_knowledge_base()
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"knowledge base load + validate: {load_ms:.1f} ms ({len(kb)} entries)")
    cases = [c for f in files for c in load_cases(f)]

    figures["shipped"] = bench_index(kb, "shipped KB", cases, args.repeat)
    if args.scale:
        figures["scaled"] = bench_index(scaled_kb(kb, args.scale), f"scaled KB ({args.scale:,})", cases, 1)

    answerer = Answerer(kb)
    baselines = [Baseline(kb, 80.0), Baseline(kb, 90.0)]
    print()
    print(f"{'question set':<22} {'method':<34} {'in-scope':>9} {'abstain':>9}")
    for f in files:
        fc = load_cases(f)
        ours = accuracy(fc, lambda q, p: ((r := answerer.answer(q, p)).answered, r.text), matches)
        rows = [("BM25+fuzzy+concepts (shipped)", ours)]
        for b in baselines:
            rows.append((f"rapidfuzz extractOne WRatio>={b.cutoff:.0f}", accuracy(fc, b.answer, matches)))
        for name, (rin, rout, n_in, n_out) in rows:
            print(f"{f.name:<22} {name:<34} {rin:8.1%} {rout:8.1%}   ({n_in} in-scope, {n_out} abstain)")
            figures[f"{f.stem} {name.split(' (')[0]}"] = f"in-scope {rin:.1%} abstain {rout:.1%}"
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
