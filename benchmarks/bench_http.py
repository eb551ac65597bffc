"""HTTP mode under load: signed `/safeguarding <question>` commands from this process to the app running
in a second process (`safeguarding-bot serve --http`), with the bot's replies going to a local fake Slack.

Every Slack call (the `response_url` reply included) takes --latency seconds at the fake, as a round trip
to real Slack does (default 150 ms). Prints acknowledgement latency (p50/p95/p99), errors, achieved rate,
how many replies reached Slack and the server's memory over the run, then (with --find-max) steps the rate
up to find the highest rate sustained with p99 < 100 ms and no errors.

    .venv/bin/python benchmarks/bench_http.py --rate 200 --duration 60 --latency 0.15
    .venv/bin/python benchmarks/bench_http.py --quick      # 10 s
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    SECRET,
    FakeSlackProcess,
    cpu_seconds,
    free_port,
    pct,
    process_tree_cpu,
    question,
    rss_kb,
    start_server,
)

from bot import payloads
from storage.scratch import create_scratch_database


def run_load(port: int, fake: FakeSlackProcess, rate: float, duration: float, workers: int = 32) -> dict[str, float]:
    total = int(rate * duration)
    start = time.perf_counter() + 0.2
    jobs: queue.Queue[int | None] = queue.Queue()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while (i := jobs.get()) is not None:
            due = start + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            body, ctype = question(i, fake.response_url(uuid.uuid4().hex))
            headers = {"Content-Type": ctype, **payloads.sign(SECRET, body)}
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/slack/events", body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            # latency counted from when the request was due, so a backlog shows up (no coordinated omission)
            elapsed = time.perf_counter() - min(t0, max(due, t0 - 10))
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors[0] += 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for t in threads:
        t.start()
    for i in range(total):
        jobs.put(i)
    for _ in threads:
        jobs.put(None)
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"target_rps": rate, "sent": total, "achieved_rps": total / wall, "errors": errors[0],
            "p50_ms": pct(latencies, 0.50) * 1000, "p95_ms": pct(latencies, 0.95) * 1000,
            "p99_ms": pct(latencies, 0.99) * 1000, "mean_ms": statistics.fmean(latencies) * 1000}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--find-max", action="store_true", help="then step the rate up (10 s per step)")
    ap.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    ap.add_argument("--latency", type=float, default=0.15, help="seconds every Slack call takes (default 0.15)")
    ap.add_argument("--quick", action="store_true", help="10 s instead of --duration")
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --http --workers N)")
    ap.add_argument("--threads", type=int, default=16, help="HTTP threads per server process (serve --threads)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.port = args.port or free_port()
    if args.quick:
        args.duration = 10

    # the fake Slack answers from its own process (as Slack does from its own machines), so its threads do not
    # share this process's interpreter lock with the load generator's clocks; its CPU is reported apart
    fake = FakeSlackProcess(args.latency)
    # SQLite in a temp dir, or a private database beside DATABASE_URL's PostgreSQL (BENCH_DATABASE_URL: as given)
    given = os.environ.get("BENCH_DATABASE_URL")
    scratch = None if given else create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_http")
    proc = start_server(args.port, fake.api_url, given or scratch.url,  # type: ignore[union-attr]
                        threads=args.threads, extra=("--workers", str(args.workers)) if args.workers > 1 else ())
    results: dict[str, object] = {"server_processes": args.workers,
                                  "database": "postgresql" if "postgres" in (given or scratch.url) else "sqlite"}
    try:
        rss_start, cpu_start = rss_kb(proc.pid), process_tree_cpu(proc.pid)
        own_start, load_start = time.process_time(), os.getloadavg()[0]
        fake_start = cpu_seconds(fake.pid)
        main_run = run_load(args.port, fake, args.rate, args.duration)
        own_cpu = time.process_time() - own_start
        rss_end = rss_kb(proc.pid)
        deadline = time.time() + 30  # replies still in flight when the last ack came back
        fake_cpu = cpu_seconds(fake.pid) - fake_start
        while fake.count("response_url") < main_run["sent"] and time.time() < deadline:
            time.sleep(0.2)
        results["slack_latency_ms"] = args.latency * 1000
        main_run["server_cpu_ms_per_request"] = (process_tree_cpu(proc.pid) - cpu_start) * 1000 / main_run["sent"]
        # the load generator and the fake Slack share the same two cores as the server
        main_run["loadgen_cpu_ms_per_request"] = own_cpu * 1000 / main_run["sent"]
        main_run["fake_slack_cpu_ms_per_request"] = fake_cpu * 1000 / main_run["sent"]
        main_run["load_average_start_end"] = f"{load_start:.1f}-{os.getloadavg()[0]:.1f}"
        results["sustained"] = {**main_run, "replies_delivered": fake.count("response_url"),
                                "rss_start_mb": rss_start / 1024, "rss_end_mb": rss_end / 1024}
        if args.find_max:
            best = None
            rate = args.rate
            while rate <= 2000:
                step = run_load(args.port, fake, rate, 10)
                ok = step["errors"] == 0 and step["p99_ms"] < 100 and step["achieved_rps"] >= 0.95 * rate
                print(f"  step {rate:>6.0f} req/s: p99 {step['p99_ms']:.1f} ms, errors {step['errors']}, "
                      f"achieved {step['achieved_rps']:.0f} -> {'ok' if ok else 'over'}", file=sys.stderr)
                if not ok:
                    break
                best = rate
                rate += 25
            results["max_sustained_rps"] = best
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        fake.stop()
        if scratch is not None:
            scratch.drop()
    if args.json:
        print(json.dumps(results))
        return 0
    s = results["sustained"]
    assert isinstance(s, dict)
    print(f"HTTP load at {args.latency * 1000:.0f} ms Slack latency ({results['database']}): "
          f"{s['target_rps']:.0f} req/s for "
          f"{args.duration:.0f} s -> achieved {s['achieved_rps']:.1f} req/s, "
          f"errors {s['errors']}, ack p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms; "
          f"replies delivered {s['replies_delivered']}/{s['sent']}; "
          f"server CPU {s['server_cpu_ms_per_request']:.2f} ms/request ({args.workers} process(es)), "
          f"load generator CPU {s['loadgen_cpu_ms_per_request']:.2f} ms/request, "
          f"fake Slack CPU {s['fake_slack_cpu_ms_per_request']:.2f} ms/request; "
          f"server RSS {s['rss_start_mb']:.0f} -> {s['rss_end_mb']:.0f} MB; load average "
          f"{s['load_average_start_end']}")
    if args.find_max:
        print(f"max sustained rate (p99 < 100 ms, no errors): {results['max_sustained_rps']} req/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
