"""Loading, validating and querying the knowledge base.

The knowledge base is a folder of YAML files (`knowledge/data/*.yaml`), one per partnership plus
`national.yaml` (Working Together 2018 and later national changes) and `glossary.yaml`. Each file:

    partnership: halton            # default for every entry in the file
    defaults:                      # optional; merged into every entry (source is merged key by key)
      as_of: 2019-06-01
      source: {document: 002_e260b638b2c74848.txt}
    entries:
      - id: halton.escalation.professional-differences
        kind: escalation
        ...

A bad file raises `KnowledgeBaseError` naming the file, the entry id and the field.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.models import (
    BUSINESS_UNIT_SOURCE,
    Contact,
    Entry,
    EscalationRoute,
    GovernanceGroup,
    RelevantAgency,
    Timescale,
    current_names_problem,
    is_business_unit_source,
)
from knowledge.partnerships import NATIONAL, PARTNERSHIPS

DATA_DIR = Path(__file__).resolve().parent / "data"
NOT_ENTRIES = frozenset({"vocabulary.yaml", "other_areas.yaml"})  # the search vocabulary (vocabulary.py): no entries

# The published documents the knowledge base is built from (see /work/shared/seeds/README.md).
SEED_DOCUMENTS: dict[str, str] = {
    "000_3d7e0856220a0d47.txt": "Cheshire West and Chester SCP, 'Our new arrangements', June 2019",
    "001_6ac355cb0da34b1c.txt": "Cheshire West and Chester LSCB Annual Report 2017-18",
    "002_e260b638b2c74848.txt": "Halton CYPSP Local Arrangements 2019/20",
    "003_0e30fa1ba900c0b7.txt": "Warrington Safeguarding Partnership arrangements report, June 2019",
    "004_553bab965ef81f28.txt": "Wirral Safeguarding Partnership, Multi-agency Safeguarding Arrangements (draft)",
}


class KnowledgeBaseError(ValueError):
    """A knowledge base file is invalid. `problems` lists every problem found, each naming file, id, field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if problems else "invalid knowledge base"
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(head + more)


def document_title(document: str) -> str:
    return SEED_DOCUMENTS.get(document, document)


class KnowledgeBase:
    def __init__(self, entries: Iterable[Entry], files: dict[str, str] | None = None) -> None:
        self._entries: list[Entry] = list(entries)
        self._by_id: dict[str, Entry] = {e.id: e for e in self._entries}
        self._councils: dict[str, str] = {}  # the entries are frozen: each area's council is read once
        self.files: dict[str, str] = files or {}  # entry id -> file it came from

    # -- basic access -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._entries)

    @property
    def partnerships(self) -> list[str]:
        present = {e.partnership for e in self._entries if e.partnership != NATIONAL}
        return [slug for slug in PARTNERSHIPS if slug in present]

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def entries(self, partnership: str | None = None, kind: str | None = None) -> list[Entry]:
        return [
            e
            for e in self._entries
            if (partnership is None or e.partnership == partnership) and (kind is None or e.kind == kind)
        ]

    def _first(self, partnership: str, kind: str) -> Entry | None:
        for e in self._entries:
            if e.partnership == partnership and e.kind == kind:
                return e
        return None

    # -- structured views ---------------------------------------------------------------------
    def escalation_route(self, partnership: str) -> EscalationRoute | None:
        e = self._first(partnership, "escalation")
        return e.route if e else None

    def partner_dispute_route(self, partnership: str) -> EscalationRoute | None:
        e = self._first(partnership, "dispute")
        return e.route if e else None

    def relevant_agencies(self, partnership: str) -> list[RelevantAgency]:
        out: list[RelevantAgency] = []
        for e in self.entries(partnership, "relevant_agencies"):
            out.extend(e.agencies)
        return out

    def groups(self, partnership: str) -> list[GovernanceGroup]:
        return [e.group for e in self.entries(partnership, "group") if e.group is not None]

    def contact(self, partnership: str) -> Contact | None:
        e = self._first(partnership, "contact")
        return e.contact if e else None

    def front_door(self, partnership: str) -> Contact | None:
        e = self._first(partnership, "front_door")
        return e.contact if e else None

    def front_door_entry(self, partnership: str) -> Entry | None:
        return self._first(partnership, "front_door")

    def contact_entry(self, partnership: str) -> Entry | None:
        return self._first(partnership, "contact")

    def council(self, partnership: str) -> str:
        """The area's council as its documents name it ("Halton Borough Council"): in its front door's name, else
        its partners' entries, else "<area> Council"."""
        if partnership not in self._councils:
            self._councils[partnership] = self._council(partnership)
        return self._councils[partnership]

    def _council(self, partnership: str) -> str:
        name = PARTNERSHIPS.get(partnership, partnership)
        said = re.compile(re.escape(name) + r"(?: [A-Z][a-z]+){0,2} Council\b")
        door = self.front_door(partnership)
        texts = [door.name if door else "", *(e.answer for e in self.entries(partnership, "partners"))]
        return next((m.group(0) for t in texts if (m := said.search(t))), f"{name} Council")

    def timescale(self, entry_id: str) -> Timescale:
        e = self._by_id.get(entry_id)
        if e is None or e.timescale is None:
            raise KeyError(f"no timescale entry {entry_id!r}")
        return e.timescale


# -- loading ----------------------------------------------------------------------------------


def _merge_defaults(raw: dict[str, Any], defaults: dict[str, Any], partnership: Any) -> dict[str, Any]:
    merged = dict(raw)
    if partnership is not None:
        merged.setdefault("partnership", partnership)
    for key, value in defaults.items():
        if key == "source" and isinstance(value, dict):
            src = raw.get("source")
            merged["source"] = {**value, **src} if isinstance(src, dict) else (src if src else dict(value))
        else:
            merged.setdefault(key, value)
    return merged


def _format_loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(entry)"


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in NOT_ENTRIES)
    return [path]


def parse_files(path: Path) -> tuple[list[Entry], dict[str, str], list[str]]:
    """Parse and validate every YAML file under `path`; return entries, id->file, and problems."""
    entries: list[Entry] = []
    origin: dict[str, str] = {}
    problems: list[str] = []
    files = _yaml_files(path)
    if not files:
        problems.append(f"{path}: no knowledge base files found")
    for file in files:
        name = file.name
        try:
            doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{name}: cannot read YAML: {exc}")
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
            problems.append(f"{name}: top level must be a mapping with an 'entries' list")
            continue
        defaults = doc.get("defaults") or {}
        file_partnership = doc.get("partnership")
        for i, raw in enumerate(doc["entries"]):
            if not isinstance(raw, dict):
                problems.append(f"{name}: entry #{i + 1}: field (entry): must be a mapping")
                continue
            entry_id = raw.get("id") or f"#{i + 1}"
            try:
                entry = Entry.model_validate(_merge_defaults(raw, defaults, file_partnership))
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append(f"{name}: entry {entry_id}: field {_format_loc(err['loc'])}: {err['msg']}")
                continue
            if entry.id in origin:
                problems.append(
                    f"{name}: entry {entry.id}: field id: duplicate id (already defined in {origin[entry.id]})"
                )
                continue
            origin[entry.id] = name
            entries.append(entry)
    ids = set(origin)
    notes = {e.id: e.note for e in entries}
    for e in entries:
        problems += [f"{origin[e.id]}: entry {e.id}: field {name}: {msg}"
                     for name, msg in entry_problems(e, ids, notes)]
    return entries, origin, problems


def entry_problems(e: Entry, ids: set[str], notes: dict[str, str | None]) -> list[tuple[str, str]]:
    """(field, problem) for the rules one entry must meet beyond its schema, given the other entries' ids and
    notes: `kb validate` and a business-unit draft (bot.kbedit) apply the same rules."""
    out: list[tuple[str, str]] = []
    dated = current_names_problem(e, notes)
    if dated:
        out.append(("see_also", dated))
    src = e.source
    if src.document not in SEED_DOCUMENTS and not src.url and not is_business_unit_source(src.document):
        out.append(("source.document", f"{src.document!r} is not a seed document, has no url and is not "
                                        f"'{BUSINESS_UNIT_SOURCE}, <date>'"))
    for ref in e.see_also:
        if ref not in ids:
            out.append(("see_also", f"unknown id {ref!r}"))
    if not e.phrasings and e.kind not in ("glossary",):
        out.append(("phrasings", "give at least one phrasing"))
    return out


_cache: dict[Path, KnowledgeBase] = {}
_lock = threading.Lock()


def load_knowledge_base(path: Path | None = None) -> KnowledgeBase:
    """Load (once per path) and validate the knowledge base; raise KnowledgeBaseError if invalid."""
    key = Path(path or DATA_DIR).resolve()
    with _lock:
        kb = _cache.get(key)
        if kb is not None:
            return kb
        entries, origin, problems = parse_files(key)
        if problems:
            raise KnowledgeBaseError(problems)
        kb = KnowledgeBase(entries, origin)
        _cache[key] = kb
        return kb


def clear_cache() -> None:
    with _lock:
        _cache.clear()
