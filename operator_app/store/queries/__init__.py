"""Read-side queries for the UI and the reports: findings, per-person rows, details, overviews."""

from operator_app.store.queries.detail import person_detail
from operator_app.store.queries.district import school_summaries
from operator_app.store.queries.findings import load_findings
from operator_app.store.queries.overview import overview, severity_by_school
from operator_app.store.queries.people import SCHOOL_ROW_PREFIX, person_rows, person_rows_for_key

__all__ = [
    "SCHOOL_ROW_PREFIX",
    "load_findings",
    "overview",
    "person_detail",
    "person_rows",
    "person_rows_for_key",
    "school_summaries",
    "severity_by_school",
]
