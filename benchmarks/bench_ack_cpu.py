"""CPU time per request on the acknowledgement path, free of the wall-clock noise of a shared machine.

Signed `/safeguarding <question>` commands are handed one at a time to the app's WSGI callable in this
process (the gate, Bolt, the listener up to its ack), with the replies going to a local fake Slack that
answers in --latency seconds and runs in a process of its own (so its CPU is not counted). For each request it
records the CPU time from the request's start until the ack is returned, and (every thread of the process)
until the listener has finished, its reply delivered; requests never overlap, so nothing else is running.
The ack figure is the CPU of the thread that serves the request (the gate and Bolt; the replay claim and the
listener run on other threads, so their CPU is in the whole-request figure, as is the answer, which runs after
the ack). Prints medians and p90 over --requests; --profile also prints the functions taking the most CPU on
the ack path (cProfile of the request thread).

    .venv/bin/python benchmarks/bench_ack_cpu.py --requests 400 --latency 0.15
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import SECRET, FakeSlackProcess, pct, question

from bot import payloads


def environ_for(body: str, ctype: str) -> dict[str, object]:
    raw = body.encode()
    headers = payloads.sign(SECRET, body)
    return {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "SERVER_PROTOCOL": "HTTP/1.1",
            "CONTENT_TYPE": ctype, "CONTENT_LENGTH": str(len(raw)), "wsgi.input": io.BytesIO(raw),
            "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
            "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"]}


def count_finished(app: Any) -> threading.Semaphore:
    """A semaphore released each time one of the app's listeners returns (its reply already delivered)."""
    done = threading.Semaphore(0)
    executor = app.listener_runner.listener_executor
    submit = executor.submit

    def counted(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def run() -> Any:
            try:
                return fn(*args, **kwargs)
            finally:
                done.release()
        return submit(run)

    executor.submit = counted
    return done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--latency", type=float, default=0.15)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    fake = FakeSlackProcess(args.latency)
    tmp = tempfile.mkdtemp()
    os.environ.update({"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
                       "SLACK_API_URL": fake.api_url, "LOG_LEVEL": "WARNING",
                       "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.db")})
    from bot.app import create_app
    from bot.cli import _services
    from bot.http import make_wsgi_app
    from bot.settings import load_settings

    services = _services(load_settings())
    app = create_app(services)
    wsgi = make_wsgi_app(app, services)
    finished = count_finished(app)
    profiler = cProfile.Profile() if args.profile else None
    ack_cpu, ack_wall, whole_cpu = [], [], []
    warmup = 20
    try:
        for i in range(args.requests + warmup):
            body, ctype = question(i, fake.response_url(uuid.uuid4().hex))
            environ = environ_for(body, ctype)
            status: list[str] = []
            c0, t0, w0 = time.process_time(), time.thread_time(), time.perf_counter()
            if profiler is not None and i >= warmup:
                profiler.enable()
            b"".join(wsgi(environ, lambda s, h, *_, seen=status: seen.append(s)))
            if profiler is not None:
                profiler.disable()
            t1, w1 = time.thread_time(), time.perf_counter()
            if not finished.acquire(timeout=30):
                raise SystemExit(f"request {i}: the listener did not finish")
            c2 = time.process_time()
            if not status or not status[0].startswith("200"):
                raise SystemExit(f"request {i} was not acknowledged: {status}")
            if i >= warmup:
                ack_cpu.append((t1 - t0) * 1000)
                ack_wall.append((w1 - w0) * 1000)
                whole_cpu.append((c2 - c0) * 1000)
        delivered = fake.count("response_url")
    finally:
        fake.stop()
        services.db.dispose()
    q = pct

    out = {"slack_latency_ms": args.latency * 1000, "requests": args.requests,
           "ack_cpu_ms_p50": statistics.median(ack_cpu), "ack_cpu_ms_p90": q(ack_cpu, 0.9),
           "ack_wall_ms_p50": statistics.median(ack_wall), "ack_wall_ms_p90": q(ack_wall, 0.9),
           "request_cpu_ms_p50": statistics.median(whole_cpu), "request_cpu_ms_p90": q(whole_cpu, 0.9),
           "replies_delivered": delivered,
           "load_average": os.getloadavg()[0]}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"ack path, one request at a time ({args.requests}, Slack latency {args.latency * 1000:.0f} ms, "
              f"load average {out['load_average']:.1f}): CPU p50 {out['ack_cpu_ms_p50']:.2f} ms, "
              f"p90 {out['ack_cpu_ms_p90']:.2f} ms; wall p50 {out['ack_wall_ms_p50']:.1f} ms; "
              f"whole request incl. answer and reply (fake Slack not counted): "
              f"CPU p50 {out['request_cpu_ms_p50']:.2f} ms, "
              f"p90 {out['request_cpu_ms_p90']:.2f} ms; replies delivered {delivered}/{args.requests + warmup}")
    if profiler is not None:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(45)
        print(stream.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
