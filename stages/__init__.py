"""Application stages as plain functions: ingest, redact, dispatch, collect, reassemble.

Each stage composes the domain packages (redaction, vault, review, audit) through the
``Services`` bundle and records every state change in the ledger. No Prefect here: the
flows in ``flows/`` are thin wrappers around these functions, and unit tests call them
directly with in-memory fakes.
"""
