"""e-Kinerja sync log (Log Sinkronisasi PMM) rows as a third source

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('row_number', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=60), nullable=True),
    sa.Column('nama', sa.String(length=300), nullable=True),
    sa.Column('unor', sa.String(length=300), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.String(length=40), nullable=True),
    sa.Column('raw_json', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_sync_failure_batch_id', 'sync_failure', ['batch_id'], unique=False)
    op.create_index('ix_sync_failure_nip', 'sync_failure', ['nip'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sync_failure_nip', table_name='sync_failure')
    op.drop_index('ix_sync_failure_batch_id', table_name='sync_failure')
    op.drop_table('sync_failure')
