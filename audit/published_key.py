"""The checkpoint public key published beside the ledger: a ``checkpoint_keys`` table in
the ledger's own database (SQLite or Postgres alike), holding verifier keys
(``<name>+<hex key hash>+<base64 key>``, public material only).

Publishing is what lets anyone holding the ledger find the key; it is never what makes
a key trusted: verification pins the key out of band (the key provider, a setting, or
``--key``) and a published key that differs from the pinned one fails verification.
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, String, Table, Text, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from audit.engine import make_engine, write_transaction
from models.errors import LedgerError

_metadata = MetaData()
keys_table = Table(
    "checkpoint_keys",
    _metadata,
    Column("key_id", String(255), primary_key=True),
    Column("vkey", Text, nullable=False),
    Column("published", Text, nullable=False),
)


class PublishedKeys:
    """``PublishedKeys(ledger_url)``: read and add the published verifier keys."""

    def __init__(self, url: str) -> None:
        self._engine = make_engine(url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> PublishedKeys:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def publish(self, key_id: str, vkey: str, when: str) -> bool:
        """Add ``vkey`` unless published already; True when added."""
        try:
            with write_transaction(self._engine) as conn:
                _metadata.create_all(conn)
                found = conn.execute(select(keys_table).where(keys_table.c.key_id == key_id))
                if found.first() is not None:
                    return False
                conn.execute(keys_table.insert().values(key_id=key_id, vkey=vkey, published=when))
        except IntegrityError:
            return False
        except SQLAlchemyError as exc:
            raise LedgerError("checkpoint_keys", "cannot publish the checkpoint key") from exc
        return True

    def all(self) -> list[str]:
        """Every published verifier key, oldest first; none when the table is absent."""
        try:
            with self._engine.connect() as conn:
                if not self._engine.dialect.has_table(conn, keys_table.name):
                    return []
                rows = conn.execute(select(keys_table).order_by(keys_table.c.published))
                return [str(r.vkey) for r in rows]
        except SQLAlchemyError as exc:
            raise LedgerError("checkpoint_keys", "cannot read the published keys") from exc
