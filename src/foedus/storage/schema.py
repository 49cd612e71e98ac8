"""The registry's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Alembic migrations in ``migrations/`` create and evolve these tables; this module is
the single description the queries and the migrations' autogeneration work from.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "agreement_parties",
    "agreement_sources",
    "agreements",
    "api_tokens",
    "articles",
    "audit_log",
    "capabilities",
    "dataset_loads",
    "metadata",
    "provisions",
    "state_spells",
    "states",
    "users",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

states = Table(
    "states",
    metadata,
    Column("ccode", Integer, primary_key=True, autoincrement=False),
    Column("abbreviation", String(8), nullable=False),
    Column("name", String(120), nullable=False),
    Column("iso3", String(3)),
    Column("region", String(20)),
)

state_spells = Table(
    "state_spells",
    metadata,
    Column("ccode", ForeignKey("states.ccode", ondelete="CASCADE"), primary_key=True),
    Column("start", Date, primary_key=True),
    Column("end", Date, nullable=False),
)

capabilities = Table(
    "capabilities",
    metadata,
    Column("ccode", Integer, primary_key=True, autoincrement=False),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("version", String(8), primary_key=True),
    Column("milex", Float),
    Column("milper", Float),
    Column("irst", Float),
    Column("pec", Float),
    Column("tpop", Float),
    Column("upop", Float),
    Column("cinc", Float),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("origin", String(32), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("short_name", String(200)),
    Column("kind", String(40), nullable=False, index=True),
    Column("signed", Date),
    Column("signed_year", Integer, index=True),
    Column("in_force", Date),
    Column("ended", Date),
    Column("status", String(16), nullable=False),
    Column("sensitivity", Integer, nullable=False, default=0, index=True),
    Column("notes", Text),
    Column("attributes", JSON, nullable=False),
    Column("text", Text),
)

agreement_parties = Table(
    "agreement_parties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "agreement_id",
        ForeignKey("agreements.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("ccode", Integer, nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("name", String(200)),
    Column("joined", Date),
    Column("left", Date),
    Column("phase", Integer),
)

agreement_sources = Table(
    "agreement_sources",
    metadata,
    Column("agreement_id", ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("dataset", String(32), primary_key=True),
    Column("source_id", String(64), primary_key=True),
    Column("version", String(16)),
    Column("note", Text),
    Index("ix_agreement_sources_dataset_source_id", "dataset", "source_id"),
)

provisions = Table(
    "provisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "agreement_id",
        ForeignKey("agreements.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("label", String(40), nullable=False, index=True),
    Column("grade", Integer),
    Column("source", String(64)),
    Column("method", String(16), nullable=False),
    Column("confidence", Float),
    Column("evidence", Text),
    Column("article", String(200)),
)

articles = Table(
    "articles",
    metadata,
    Column("agreement_id", ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("heading", String(200), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

dataset_loads = Table(
    "dataset_loads",
    metadata,
    Column("dataset", String(32), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("rows_loaded", Integer, nullable=False),
    Column("issues", JSON, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(120), nullable=False),
    Column("action", String(32), nullable=False),
    Column("object_type", String(32), nullable=False),
    Column("object_id", String(200)),
    Column("detail", JSON),
)

users = Table(
    "users",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("clearance", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("prefix", String(16), primary_key=True),
    Column("user_name", ForeignKey("users.name", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)
