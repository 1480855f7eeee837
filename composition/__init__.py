"""The composition root: the one place that turns settings into adapters (ledger, vault,
S3 stores, boto3 clients, inboxes) and the ``Services`` bundle. Flows and the CLI both
call it; nothing else constructs an adapter."""
