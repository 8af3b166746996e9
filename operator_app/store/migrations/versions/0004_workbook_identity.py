"""which correction workbook a workflow decision came from

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

- finding_state.workbook_id: the id of the exported workbook (its hidden `_kunci` sheet) the
  current status was read from; NULL when it was decided in the app, by a re-check, by an
  unversioned workbook, or before 0004. A row is only taken as changed since the workbook's
  export when the change came from somewhere else, so one workbook edited and read back again
  and again is not refused by its own earlier imports (store/workbook_statuses.py).
- finding_event.workbook_id: the same, for every applied or refused attempt from a workbook.
- Existing rows get NULL: decisions read from a workbook before 0004 count as made elsewhere,
  which only makes a re-read of such an old workbook refuse rows, never overwrite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('finding_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('workbook_id', sa.String(length=32), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_finding_state_workbook_id'), ['workbook_id'], unique=False
        )
    with op.batch_alter_table('finding_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('workbook_id', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('finding_event', schema=None) as batch_op:
        batch_op.drop_column('workbook_id')
    with op.batch_alter_table('finding_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_state_workbook_id'))
        batch_op.drop_column('workbook_id')
