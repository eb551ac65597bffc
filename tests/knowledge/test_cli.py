"""The CLI contract, run as a subprocess exactly as the evaluation runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent / "safeguarding-bot"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    cmd = [str(BIN), *args] if BIN.exists() else [sys.executable, "-m", "knowledge.cli", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_ask_jsonl_contract_in_order() -> None:
    questions = [
        {"question": "How many days for a rapid review?", "partnership": "halton"},
        {"question": "What's the weather tomorrow?", "partnership": None},
        {"question": "how is the partnership funded", "partnership": None},
        {"question": "a child told me he is being hit at home", "partnership": "warrington"},
    ]
    proc = run("ask", "--jsonl", stdin="".join(json.dumps(q) + "\n" for q in questions))
    assert proc.returncode == 0, proc.stderr
    outs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(outs) == 4
    for o in outs:
        assert isinstance(o["answered"], bool) and isinstance(o["text"], str)
        assert o["entry_id"] is None or isinstance(o["entry_id"], str)
        assert isinstance(o["score"], float) and isinstance(o["sources"], list)
        assert isinstance(o["suggestions"], list)
    assert outs[0]["answered"] and "15 working days" in outs[0]["text"]
    assert outs[0]["sources"][0]["document"].endswith(".txt")
    assert not outs[1]["answered"] and outs[1]["entry_id"] is None
    assert not outs[2]["answered"] and outs[2]["outcome"] == "ask_partnership" and len(outs[2]["suggestions"]) >= 2
    assert outs[3]["answered"] and outs[3]["text"].index("999") < outs[3]["text"].index("Warrington")


def test_ask_single_question_json() -> None:
    proc = run("ask", "who", "chairs", "the", "safeguarding", "education", "sub-group?", "--partnership", "halton",
               "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["answered"] and out["entry_id"] == "halton.group.education-subgroup"


def test_kb_validate_ok_and_failing(tmp_path: Path) -> None:
    ok = run("kb", "validate")
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")
    (tmp_path / "bad.yaml").write_text(
        "partnership: halton\nentries:\n  - id: halton.faq.x\n    kind: faq\n    title: T\n", encoding="utf-8"
    )
    bad = run("kb", "validate", "--path", str(tmp_path))
    assert bad.returncode == 1
    assert "bad.yaml: entry halton.faq.x: field answer" in bad.stdout


def test_kb_list_and_show() -> None:
    listed = run("kb", "list", "--partnership", "wirral", "--kind", "group")
    assert listed.returncode == 0 and "wirral.group.executive" in listed.stdout
    assert "halton." not in listed.stdout
    shown = run("kb", "show", "national.timescale.rapid-review")
    assert shown.returncode == 0 and json.loads(shown.stdout)["timescale"]["amount"] == 15
    assert run("kb", "show", "no.such").returncode == 1


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`safeguarding-bot ask ... | head -1`: the reader closes the pipe after one line; the CLI stops quietly (no
    BrokenPipeError traceback on stderr) instead of crashing mid-answer."""
    cmd = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "bot.cli"]
    proc = subprocess.Popen([*cmd, "ask", "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b'{"question": "what is a rapid review", "partnership": "halton"}\n' * 400)
    proc.stdin.close()
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away with answers still to come
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
