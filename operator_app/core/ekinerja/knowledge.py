"""The knowledge base of seed 004's 20 messages, read from resources/ekinerja/messages.toml."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

NON_DATA = frozenset({2, 6, 8, 9, 11, 13, 14, 17, 18, 20})  # never a data fix (issue 15)


@dataclass(frozen=True, slots=True)
class Step:
    actor: str
    where: str
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    no: int
    category: str
    seen_by: str
    messages: tuple[str, ...]  # exact wordings, the main one first
    aliases: tuple[str, ...]  # search helpers only
    cause: str
    steps: tuple[Step, ...]
    wait: str
    warning: str
    data_codes: tuple[str, ...]
    hint_codes: tuple[str, ...]
    plt_hint: bool
    owner: str  # who acts when the school's data does not explain it
    next_step: str

    @property
    def message(self) -> str:
        return self.messages[0]

    @property
    def actors(self) -> tuple[str, ...]:
        """Who acts, in the order of the steps, each once."""
        return tuple(dict.fromkeys(s.actor for s in self.steps))

    @property
    def is_data(self) -> bool:
        """True when findings of this app can cause it (a data fix is possible)."""
        return bool(self.data_codes)


@functools.cache
def _raw() -> dict[str, Any]:
    text = (
        resources.files("operator_app")
        .joinpath("resources/ekinerja/messages.toml")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


def _entry(d: dict[str, Any]) -> Entry:
    return Entry(
        no=int(d["no"]),
        category=str(d["category"]),
        seen_by=str(d["seen_by"]),
        messages=tuple(d["messages"]),
        aliases=tuple(d.get("aliases", ())),
        cause=str(d["cause"]),
        steps=tuple(Step(s["actor"], s["where"], s["text"]) for s in d["steps"]),
        wait=str(d.get("wait", "")),
        warning=str(d.get("warning", "")),
        data_codes=tuple(d.get("data_codes", ())),
        hint_codes=tuple(d.get("hint_codes", ())),
        plt_hint=bool(d.get("plt_hint", False)),
        owner=str(d["owner"]),
        next_step=str(d["next_step"]),
    )


@functools.cache
def entries() -> tuple[Entry, ...]:
    """All entries, by number."""
    return tuple(sorted((_entry(d) for d in _raw()["entry"]), key=lambda e: e.no))


def entry(no: int) -> Entry:
    for e in entries():
        if e.no == no:
            return e
    raise KeyError(no)


ACTOR_LABELS: dict[str, str] = dict(_raw()["actors"])
CATEGORY_LABELS: dict[str, str] = dict(_raw()["categories"])


def actor_label(actor: str) -> str:
    return ACTOR_LABELS.get(actor, actor)


def entry_for_wording(text: str) -> Entry | None:
    """The entry one of whose exact wordings is `text` (case and spacing ignored)."""
    want = " ".join(text.lower().split())
    for e in entries():
        if any(" ".join(m.lower().split()) == want for m in e.messages):
            return e
    return None
