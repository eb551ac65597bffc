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
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import payloads  # noqa: E402
from bot.localslack import LocalSlack  # noqa: E402

SECRET = "bench-signing-secret"
QUESTIONS = [
    "how long to notify the national panel",
    "what is the threshold document called",
    "who chairs the rapid review panel",
    "escalaton process step 2",
    "what is a LADO",
    "how often does the executive meet",
    "what does section 47 cover",
    "who do I contact at the partnership",
]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(port: int, fake: LocalSlack, db_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake.api_url, "DATABASE_URL": db_url, "LOG_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, check=True, cwd=ROOT,
                   capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(port),
                             "--host", "127.0.0.1", "--threads", "16"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def run_load(port: int, fake: LocalSlack, rate: float, duration: float, workers: int = 32) -> dict[str, float]:
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
            body, ctype = payloads.command_body(
                "/safeguarding", QUESTIONS[i % len(QUESTIONS)], team_id="TBENCH", user_id=f"U{i % 50:08d}",
                channel_id="CBENCH01", response_url=fake.response_url(uuid.uuid4().hex))
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
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"target_rps": rate, "sent": total, "achieved_rps": total / wall, "errors": errors[0],
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "mean_ms": statistics.fmean(latencies) * 1000}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--find-max", action="store_true", help="then step the rate up (10 s per step)")
    ap.add_argument("--port", type=int, default=38311)
    ap.add_argument("--latency", type=float, default=0.15, help="seconds every Slack call takes (default 0.15)")
    ap.add_argument("--quick", action="store_true", help="10 s instead of --duration")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.duration = 10

    fake = LocalSlack(team_id="TBENCH").start()
    fake.strict_ids = False  # the load's 50 users and one channel are made up; Slack's refusals are not measured
    fake.set_latency(args.latency)
    tmp = tempfile.mkdtemp()
    proc = start_server(args.port, fake, os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.db"))
    results: dict[str, object] = {}
    try:
        rss_start, cpu_start = rss_kb(proc.pid), cpu_seconds(proc.pid)
        main_run = run_load(args.port, fake, args.rate, args.duration)
        rss_end = rss_kb(proc.pid)
        deadline = time.time() + 30  # replies still in flight when the last ack came back
        while len(fake.calls_to("response_url")) < main_run["sent"] and time.time() < deadline:
            time.sleep(0.2)
        results["slack_latency_ms"] = args.latency * 1000
        main_run["server_cpu_ms_per_request"] = (cpu_seconds(proc.pid) - cpu_start) * 1000 / main_run["sent"]
        results["sustained"] = {**main_run, "replies_delivered": len(fake.calls_to("response_url")),
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
        proc.wait(timeout=10)
        fake.stop()
    if args.json:
        print(json.dumps(results))
        return 0
    s = results["sustained"]
    assert isinstance(s, dict)
    print(f"HTTP load at {args.latency * 1000:.0f} ms Slack latency: {s['target_rps']:.0f} req/s for "
          f"{args.duration:.0f} s -> achieved {s['achieved_rps']:.1f} req/s, "
          f"errors {s['errors']}, ack p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms; "
          f"replies delivered {s['replies_delivered']}/{s['sent']}; "
          f"server CPU {s['server_cpu_ms_per_request']:.2f} ms/request; "
          f"server RSS {s['rss_start_mb']:.0f} -> {s['rss_end_mb']:.0f} MB")
    if args.find_max:
        print(f"max sustained rate (p99 < 100 ms, no errors): {results['max_sustained_rps']} req/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
