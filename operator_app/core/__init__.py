"""Pure-Python domain logic: identifiers, names, school names, matching, finding rules (no Qt, no SQL)."""
