"""The rule families; adding a rule means adding a module here and its test."""

from __future__ import annotations

from types import ModuleType

from operator_app.core.rules import duplicates, identity, kepsek, nip, padanan, status, unor

FAMILIES: tuple[ModuleType, ...] = (nip, identity, status, unor, duplicates, kepsek, padanan)
