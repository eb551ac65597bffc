"""What the HTTP benchmarks share: the signing secret and questions, the server started as deployed, the fake
Slack in its own process, signed posts, a process's CPU and memory, and one percentile rule.

Imported by bench_http, bench_ack_cpu, bench_modals and bench_escalations (each puts benchmarks/ on the path).
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot import payloads  # noqa: E402

SECRET = "bench-signing-secret"
TEAM = "TBENCH"
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


def question(i: int, response_url: str) -> tuple[str, str]:
    """The i-th signed-to-be `/safeguarding <question>` body: 8 questions, 50 people, one channel."""
    return payloads.command_body("/safeguarding", QUESTIONS[i % len(QUESTIONS)], team_id=TEAM,
                                 user_id=f"U{i % 50:08d}", channel_id="CBENCH01", response_url=response_url)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile, p in 0..1 (0.99 is p99)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    return {"p50_ms": 1000 * statistics.median(seconds), "p95_ms": 1000 * pct(seconds, 0.95),
            "max_ms": 1000 * max(seconds)}


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (all its threads) from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def server_env(api_url: str, db_url: str) -> dict[str, str]:
    return {**os.environ, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url, "DATABASE_URL": db_url, "LOG_LEVEL": "WARNING"}


def free_port() -> int:
    """A port nothing listens on now (other sessions may run the same benchmarks on their fixed ports)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, api_url: str, db_url: str, threads: int = 16,
                 extra: tuple[str, ...] = (), env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`safeguarding-bot serve --http` in its own process after `db upgrade`, as deployed; waits for /healthz.
    `env` replaces the single-workspace environment (bench_scaleout serves OAuth installs)."""
    env = env or server_env(api_url, db_url)
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, check=True, cwd=ROOT,
                   capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(port),
                             "--host", "127.0.0.1", "--threads", str(threads), *extra], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 90  # building the search index takes seconds on a busy machine
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode} (is port {port} taken?)")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def process_tree_cpu(pid: int) -> float:
    """CPU of a process and its children (a server started with more than one worker)."""
    total = cpu_seconds(pid)
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for kid in child.read_text().split():
            with suppress(FileNotFoundError, ProcessLookupError):
                total += process_tree_cpu(int(kid))
    return total


def post_signed(base: str, body: str, ctype: str, secret: str = SECRET) -> str:
    """Post as Slack does; the acknowledgement's body (a modal's field errors, say)."""
    req = urllib.request.Request(base + "/slack/events", data=body.encode(), method="POST",
                                 headers={"Content-Type": ctype, **payloads.sign(secret, body)})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read().decode()


def _fake_main(conn: Connection, team_id: str, latency: float) -> None:
    from bot.localslack import LocalSlack

    fake = LocalSlack(team_id=team_id).start()
    fake.strict_ids = False
    fake.set_latency(latency)
    conn.send((fake.api_url, fake.response_url("TOKEN")))
    while True:
        method = conn.recv()
        if method is None:
            break
        conn.send(len(fake.calls_to(method)))
    fake.stop()


class FakeSlackProcess:
    """The local fake Slack in a process of its own, so its CPU is not counted as the app's."""

    def __init__(self, latency: float, team_id: str = TEAM) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_fake_main, args=(child, team_id, latency), daemon=True)
        self._proc.start()
        self.api_url, template = self._conn.recv()
        self._response_base = template.removesuffix("TOKEN")

    @property
    def pid(self) -> int:
        return int(self._proc.pid or 0)

    def response_url(self, token: str) -> str:
        return self._response_base + token

    def count(self, method: str) -> int:
        self._conn.send(method)
        return int(self._conn.recv())

    def stop(self) -> None:
        self._conn.send(None)
        self._proc.join(5)
