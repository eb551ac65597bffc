"""One subcommand router for every slash command: a table of verbs, and the help made from that table.

`/safeguarding`, `/case-review`, `/escalate` and `/reminders` each build one `Router`. The first word typed picks
a `Verb`, whose handler gets the CommandContext with `text` set to the rest; `help` (or a word that is no verb)
gets the help, listed from the table in order, so a verb cannot exist without its help line or the reverse.
`/safeguarding` treats a word that is no verb as the start of a question (`otherwise`), and its help ends with
every other command's `summary`. A capability adding a word to another's command (answers' `topics`, admin's
`admin`) calls `add` on that command's router.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from handlers.context import CommandContext, SubcommandHandler

HELP_WORD = "help"


@dataclass(frozen=True)
class Verb:
    """One subcommand: the words that call it (the first is the one shown), its handler, its help line."""

    words: tuple[str, ...]
    handler: SubcommandHandler
    usage: str = ""  # what is typed after the word, e.g. "<number>"
    does: str = ""  # the help line; empty for an entry the help does not list


@dataclass
class Router:
    command: str  # "/reminders"
    title: str  # the help's first line
    verbs: list[Verb] = field(default_factory=list)
    bare: SubcommandHandler | None = None  # the command on its own (a form); None: the help
    bare_does: str = ""
    otherwise: SubcommandHandler | None = None  # text starting with no verb (a question); None: the help
    # text that reads as a worry about a child goes to `otherwise` whatever its first word ("report a boy says his dad
    # hits him", "admin staff told me ..."): the 999 line never depends on a verb's permission or arguments
    worry_first: Callable[[str], bool] | None = None
    otherwise_usage: str = ""
    otherwise_does: str = ""
    footer: str = ""
    summary: str = ""  # this command's lines in `/safeguarding help`
    overview: bool = False  # list every other router's summary at the end of this help (`/safeguarding`)

    def __post_init__(self) -> None:
        _ROUTERS[self.command] = self  # a new app replaces the table (tests build many apps in one process)

    def add(self, verb: Verb) -> None:
        """Add a verb (or replace the one answering to the same first word)."""
        self.verbs = [v for v in self.verbs if v.words[0] != verb.words[0]] + [verb]

    def find(self, word: str) -> Verb | None:
        word = word.lower()
        return next((v for v in self.verbs if word in v.words), None)

    def is_verb(self, word: str) -> bool:
        return word.lower() == HELP_WORD or self.find(word) is not None

    def reads_as_worry(self, text: str) -> bool:
        """A verb followed by more words that read as a worry about a child (`worry_first`)."""
        text = text.strip()
        return (self.otherwise is not None and self.worry_first is not None and " " in text
                and self.worry_first(text))

    def help_text(self) -> str:
        lines = [self.title]
        if self.bare is not None and self.bare_does:
            lines.append(f"• `{self.command}` — {self.bare_does}")
        if self.otherwise is not None and self.otherwise_does:
            lines.append(f"• `{self.command} {self.otherwise_usage}` — {self.otherwise_does}")
        for verb in self.verbs:
            if verb.does:
                typed = " ".join(p for p in (self.command, verb.words[0], verb.usage) if p)
                lines.append(f"• `{typed}` — {verb.does}")
        lines.append(f"• `{self.command} {HELP_WORD}` — this message")
        if self.overview:
            lines += [r.summary for r in sorted(_ROUTERS.values(), key=lambda r: r.command)
                      if r is not self and r.summary]
        if self.footer:
            lines.append(self.footer)
        return "\n".join(lines)

    def show_help(self, cmd: CommandContext) -> None:
        cmd.reply(self.help_text())

    def route(self, cmd: CommandContext) -> None:
        """The verb `cmd.text`'s first word names, called with the rest as `cmd.text`; else the form (nothing
        typed), the question (`otherwise`) or the help."""
        text = cmd.text.strip()
        word, _, rest = text.partition(" ")
        verb = self.find(word) if word else None
        if (verb is not None or word.lower() == HELP_WORD) and self.otherwise is not None \
                and self.reads_as_worry(text):
            cmd.text = text
            self.otherwise(cmd)
            return
        if verb is not None:
            cmd.text = rest.strip()
            verb.handler(cmd)
        elif not word:
            cmd.text = ""
            (self.bare or self.show_help)(cmd)
        elif word.lower() != HELP_WORD and self.otherwise is not None:
            cmd.text = text
            self.otherwise(cmd)
        else:
            self.show_help(cmd)


_ROUTERS: dict[str, Router] = {}


def registered() -> dict[str, Router]:
    """Every command's router, by command (what the tests walk)."""
    return dict(_ROUTERS)
