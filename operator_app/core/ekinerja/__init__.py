"""The 20 e-Kinerja "Sinkron PMM" error messages: the knowledge base and the message search."""

from operator_app.core.ekinerja.knowledge import (
    ACTOR_LABELS,
    CATEGORY_LABELS,
    Entry,
    Step,
    entries,
    entry,
)
from operator_app.core.ekinerja.matching import Match, explain

__all__ = [
    "ACTOR_LABELS",
    "CATEGORY_LABELS",
    "Entry",
    "Match",
    "Step",
    "entries",
    "entry",
    "explain",
]
