"""The cyclic collector is paused while a message is screened (bot/privacy/__init__.py, knowledge/collector.py): a long
message's screening made ~9 collections of its own short-lived objects, 4-5 ms of its CPU."""

from __future__ import annotations

import gc

import pytest

import bot.privacy as privacy


@pytest.mark.parametrize("screen", [privacy.find_identifiers, privacy.redact])
def test_collector_paused_while_screening_and_restored(monkeypatch: pytest.MonkeyPatch, screen) -> None:
    seen: list[bool] = []
    real = privacy._detectors

    def spy(text: str):
        seen.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(privacy, "_detectors", spy)
    assert gc.isenabled()
    screen("his sister Kayla lives at 12 Elm Road")
    assert seen and not any(seen)  # (redact may screen a text more than once)
    assert gc.isenabled()


def test_collector_left_off_when_already_off() -> None:
    gc.disable()
    try:
        privacy.find_identifiers("his sister Kayla lives at 12 Elm Road")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_restored_when_screening_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str):
        raise RuntimeError("detector failed")

    monkeypatch.setattr(privacy, "_detectors", broken)
    with pytest.raises(RuntimeError):
        privacy.find_identifiers("anything at all")
    assert gc.isenabled()
