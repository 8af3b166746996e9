"""Hypothesis settings of the hostile suite: a small, derandomized run in CI, a long one on demand.

    OPERATOR_APP_FUZZ_EXAMPLES=5000 pytest tests/hostile     # every fuzz test tries 5,000 inputs

CI runs each fuzz test with its own small `ci` count, derandomized so a run is repeatable, with
no example database (nothing written into the repository). A long run draws fresh random inputs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_RUN = int(os.environ.get("OPERATOR_APP_FUZZ_EXAMPLES", "0") or 0)

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
}
settings.register_profile("hostile-ci", derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("hostile-long", derandomize=False, **_COMMON)  # type: ignore[arg-type]


def fuzz(ci: int) -> settings:
    """Settings for one fuzz test: `ci` examples in CI, OPERATOR_APP_FUZZ_EXAMPLES in a long run."""
    profile = settings.get_profile("hostile-long" if LONG_RUN else "hostile-ci")
    return settings(profile, max_examples=LONG_RUN or ci)
