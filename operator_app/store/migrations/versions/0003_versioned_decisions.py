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
- The decision times written before 0003 were the PC's local wall time; they are rewritten as
  UTC (the times written from 0003 on), so "latest decision" keeps sorting right.
"""

from __future__ import annotations

from datetime import datetime, timezone

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


def _local_to_utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo is None else value


def _utc_to_local(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _rewrite_times(convert: object) -> None:
    conn = op.get_bind()
    for name, when, keys, _kind, _subject in _VALUE_TABLES:
        t = sa.table(name, *(sa.column(k, sa.String()) for k in keys), sa.column(when, sa.DateTime()))
        for row in conn.execute(sa.select(t)).mappings().all():
            if row[when] is None:
                continue
            conn.execute(
                sa.update(t)
                .where(*(t.c[k] == row[k] for k in keys))
                .values({when: convert(row[when])})  # type: ignore[operator]
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

    _rewrite_times(_local_to_utc)
    conn = op.get_bind()
    rows = []
    for name, when, _keys, kind, subject in _VALUE_TABLES:
        t = sa.table(name, sa.column(subject, sa.String()), sa.column(when, sa.DateTime()))
        query = sa.select(t.c[subject], sa.func.max(t.c[when])).group_by(t.c[subject])
        for key, at in conn.execute(query):
            if isinstance(at, str):  # SQLite hands max() of a DATETIME back as its text
                at = datetime.fromisoformat(at)
            at = at.replace(tzinfo=timezone.utc) if at is not None else None
            if conn.dialect.name == 'sqlite' and at is not None:
                at = at.replace(tzinfo=None)  # UtcDateTime's storage on SQLite
            rows.append({'kind': kind, 'subject': key, 'version': 1, 'decided_at': at})
    if rows:
        op.bulk_insert(head, rows)


def downgrade() -> None:
    _rewrite_times(_utc_to_local)
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
