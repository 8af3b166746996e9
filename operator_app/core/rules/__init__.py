"""The rule families; adding a rule touches one module, its test, and this list."""

from __future__ import annotations

from operator_app.core.rules import (
    duplicates,
    identity,
    kepsek,
    matching,
    moved,
    nip,
    status,
    unor,
)
from operator_app.core.rules.context import Context, Family, Need

FAMILIES: tuple[Family, ...] = (
    nip.FAMILY,
    identity.FAMILY,
    status.FAMILY,
    unor.FAMILY,
    duplicates.FAMILY,
    moved.FAMILY,
    kepsek.FAMILY,
    matching.FAMILY,
)

__all__ = ["FAMILIES", "Context", "Family", "Need"]
