"""What a compiled pattern can read around a match, worked out from its parsed form (moved out of source.py, which
re-exports them, to make room there for the message's shared word split): how far back and ahead a match attempt
reads, and the pattern with the assertions a window's end could change left out."""

from __future__ import annotations

import re
from re import _compiler, _parser
from re import _constants as _sre  # the standard library's own names for a parsed pattern's parts


def _reach_back(pattern: re.Pattern[str]) -> int:
    """How many characters before its start position a match attempt can read: one (for \\b) and the widest
    look-behind with everything nested in it, an upper bound (kept by the pattern's identity, as _lowered is)."""
    if (found := _BACK.get(id(pattern))) is not None:
        return found[1]
    back = 1 + _behind(_parser.parse(pattern.pattern, pattern.flags))
    _BACK[id(pattern)] = (pattern, back)
    return back


def _reach_ahead(pattern: re.Pattern[str]) -> int:
    """How many characters from its start position a match attempt can read: the widest way through it, look-aheads
    counted as if they consumed, and one more (for \\b at its end), an upper bound (kept by the pattern's identity)."""
    if (found := _AHEAD.get(id(pattern))) is not None:
        return found[1]
    ahead = _ahead(_parser.parse(pattern.pattern, pattern.flags)).getwidth()[1] + 1
    _AHEAD[id(pattern)] = (pattern, ahead)
    return ahead


def _ahead(tree: _parser.SubPattern) -> _parser.SubPattern:
    out = []
    for op, av in tree:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if av[0] < 0:
                continue
            op, av = _sre.SUBPATTERN, (None, 0, 0, _ahead(av[1]))
        elif op is _sre.SUBPATTERN:
            av = (*av[:3], _ahead(av[3]))
        elif op is _sre.BRANCH:
            av = (av[0], [_ahead(b) for b in av[1]])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            av = (av[0], av[1], _ahead(av[2]))
        elif op is _sre.ATOMIC_GROUP:
            op, av = _sre.SUBPATTERN, (None, 0, 0, _ahead(av))
        elif op is _sre.GROUPREF_EXISTS:
            raise ValueError("conditional groups are not measured")
        out.append((op, av))
    return _parser.SubPattern(tree.state, out)


def _behind(tree: _parser.SubPattern) -> int:
    most = 0
    for op, av in tree:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            most = max(most, (av[1].getwidth()[1] + 1 if av[0] < 0 else 0) + _behind(av[1]))
        elif op is _sre.SUBPATTERN:
            most = max(most, _behind(av[3]))
        elif op is _sre.BRANCH:
            most = max(most, *(_behind(b) for b in av[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            most = max(most, _behind(av[2]))
        elif op is _sre.ATOMIC_GROUP:
            most = max(most, _behind(av))
        elif op is _sre.GROUPREF_EXISTS:
            most = max(most, *(_behind(b) for b in av[1:] if b is not None))
    return most


def _relaxed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with each assertion a window's end could change left out (one that may be tested at the last
    character a match consumes: a closing \\b, a look-ahead with too little after it), atomic groups and possessive
    repeats made plain: wherever some way through `pattern` matches in a window, this matches the whole message at
    the same place (kept by the pattern's identity)."""
    if (found := _RELAXED.get(id(pattern))) is not None:
        return found[1]
    relaxed = _compiler.compile(_plain(_parser.parse(pattern.pattern, pattern.flags), 0), pattern.flags)
    _RELAXED[id(pattern)] = (pattern, relaxed)
    return relaxed


def _plain(tree: _parser.SubPattern, after: int) -> _parser.SubPattern:
    """`tree` relaxed as _relaxed says, when at least `after` characters must follow it in every match."""
    items = list(tree)
    rest = [after] * (len(items) + 1)  # how many characters must follow each item
    for k in range(len(items) - 1, 0, -1):
        rest[k - 1] = rest[k] + _parser.SubPattern(tree.state, [items[k]]).getwidth()[0]
    out = []
    for (op, av), follows in zip(items, rest, strict=False):
        if op is _sre.AT:
            if follows < 1:
                continue
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            reads = _ahead(av[1]).getwidth()[1] + 1 if av[0] > 0 else 1
            if follows < reads:
                continue
        elif op is _sre.SUBPATTERN:
            av = (*av[:3], _plain(av[3], follows))
        elif op is _sre.BRANCH:
            av = (av[0], [_plain(b, follows) for b in av[1]])
        elif op is _sre.POSSESSIVE_REPEAT and follows >= 1 and av[2].getwidth() == (1, 1):
            pass  # (a run of single characters with one more after it stops where it would in the whole message)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            plain = _sre.MIN_REPEAT if op is _sre.MIN_REPEAT else _sre.MAX_REPEAT
            op, av = plain, (av[0], av[1], _plain(av[2], follows))
        elif op is _sre.ATOMIC_GROUP:
            op, av = _sre.SUBPATTERN, (None, 0, 0, _plain(av, follows))
        elif op is _sre.GROUPREF_EXISTS:
            raise ValueError("conditional groups are not relaxed")
        out.append((op, av))
    return _parser.SubPattern(tree.state, out)


_BACK: dict[int, tuple[re.Pattern[str], int]] = {}
_AHEAD: dict[int, tuple[re.Pattern[str], int]] = {}
_RELAXED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
