"""versioned operator decisions with who/when and a history of every attempt (issue 14)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

- finding_state, match_decision, unor_condition, unor_alias: `version` (existing rows 1) and
  `decided_by` (existing rows NULL: not recorded before); finding_state also `decided_at` (UTC).
- finding_event: `outcome` (existing rows 'applied'), `old_note`, `seen_version`, `version`,
  `decided_by`, `decided_at`.
- decision_head: the compare-and-set version per decided subject; one row (version 1) per
  existing match person, unor-condition person and unor alias.
- decision_event: history of match / unor-condition / unor-alias decisions.
- The decision times written before 0003 (the PC's local wall time) are left as they are; the
  new decision_head rows of existing decisions have no decided_at (the instant is not known).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_VALUE_TABLES = (
    # table, time column, key columns, decision_head kind, subject column
    ('match_decision', 'decided_at', ('person_key', 'siasn_key'), 'match', 'person_key'),
    ('unor_condition', 'decided_at', ('person_key',), 'unor_condition', 'person_key'),
    ('unor_alias', 'created_at', ('unor_key',), 'unor_alias', 'unor_key'),
)


def upgrade() -> None:
    for name in ('match_decision', 'unor_condition', 'unor_alias'):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
            batch_op.add_column(sa.Column('decided_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('finding_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('decided_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('finding_event', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('outcome', sa.String(length=10), server_default='applied', nullable=False)
        )
        batch_op.add_column(sa.Column('old_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('seen_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('decided_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True))
    head = op.create_table('decision_head',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('kind', 'subject')
    )
    op.create_table('decision_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('person_key', sa.String(length=300), nullable=True),
    sa.Column('target', sa.String(length=300), nullable=True),
    sa.Column('old_value', sa.String(length=300), nullable=True),
    sa.Column('new_value', sa.String(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('seen_version', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_decision_event_person_key', 'decision_event', ['person_key'], unique=False)
    op.create_index('ix_decision_event_subject', 'decision_event', ['kind', 'subject'], unique=False)

    conn = op.get_bind()
    rows = []
    for name, _when, _keys, kind, subject in _VALUE_TABLES:
        t = sa.table(name, sa.column(subject, sa.String()))
        for (key,) in conn.execute(sa.select(t.c[subject]).distinct()):
            rows.append({'kind': kind, 'subject': key, 'version': 1, 'decided_at': None})
    if rows:
        op.bulk_insert(head, rows)


def downgrade() -> None:
    op.drop_index('ix_decision_event_subject', table_name='decision_event')
    op.drop_index('ix_decision_event_person_key', table_name='decision_event')
    op.drop_table('decision_event')
    op.drop_table('decision_head')
    with op.batch_alter_table('finding_event', schema=None) as batch_op:
        for column in ('decided_at', 'decided_by', 'version', 'seen_version', 'old_note', 'outcome'):
            batch_op.drop_column(column)
    with op.batch_alter_table('finding_state', schema=None) as batch_op:
        for column in ('decided_at', 'decided_by', 'version'):
            batch_op.drop_column(column)
    for name in ('unor_alias', 'unor_condition', 'match_decision'):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column('decided_by')
            batch_op.drop_column('version')
