"""Every capability has the same files (docs/shape.md): find the capability, then the layer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CAPABILITIES = ("answers", "case_reviews", "escalations", "reminders", "kbedit")
FILES = ("service.py", "flows.py", "blocks.py", "states.py", "ids.py")


@pytest.mark.parametrize("cap", CAPABILITIES)
def test_each_capability_has_storage_service_flows_blocks_states_ids_and_a_handler(cap: str) -> None:
    missing = [f"bot/{cap}/{name}" for name in FILES if not (ROOT / "bot" / cap / name).is_file()]
    missing += [p for p in (f"storage/{cap}.py", f"handlers/{cap}.py") if not (ROOT / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("cap", CAPABILITIES)
def test_each_handler_calls_its_capabilitys_flows(cap: str) -> None:
    source = (ROOT / "handlers" / f"{cap}.py").read_text()
    assert f"bot.{cap}.flows" in source or (f"from bot.{cap} import" in source and "flows" in source)


def test_no_python_file_is_over_400_lines() -> None:
    """The style guide's limit, for every file a new engineer reads (a file past it is split, not excused)."""
    long = {str(p.relative_to(ROOT)): n for folder in ("bot", "handlers", "knowledge", "storage", "scripts",
                                                        "benchmarks", "tests")
            for p in (ROOT / folder).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
