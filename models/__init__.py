"""Pure domain: documents, findings, batches, annotations, audit events, the error tree.

Imports nothing of ours and does no I/O.
"""
