"""Partnership insight: the quality-assurance measures, their charts and the annual-report pack.

Read-only over the other capabilities' tables (it changes nothing, so it has no service, states or storage of
its own): `measures` computes every figure once, `charts` draws them, `pack` writes them for people to read.
"""
