"""How ledger actions map onto OCSF API Activity (class 6003) activities and actors.

Create (1): something new exists (a document, rendition, batch, claim, deliverable,
checkpoint, key, hold). Read (2): the trail was read (verify, query, export, report).
Update (3): the state of an existing thing changed (reviewed, quarantined, a submission
judged, keys rotated, a hold released). Delete (4): keys retired, a matter shredded.
An action this table does not know is Other (99), its name in ``activity_name``.
"""

from __future__ import annotations

from models.audit import Action

CREATE, READ, UPDATE, DELETE, OTHER = 1, 2, 3, 4, 99
ACTIVITY_NAMES = {
    CREATE: "Create",
    READ: "Read",
    UPDATE: "Update",
    DELETE: "Delete",
    OTHER: "Other",
}
_BY_ACTION: dict[str, int] = {
    Action.DOC_INGESTED: CREATE, Action.DOC_REDACTED: CREATE, Action.DOC_DISPATCHED: CREATE,
    Action.DOC_DELIVERED: CREATE, Action.BATCH_PLANNED: CREATE, Action.BATCH_DISPATCHED: CREATE,
    Action.BATCH_CLAIMED: CREATE, Action.QC_AGREEMENT: CREATE, Action.VAULT_HOLD_PLACED: CREATE,
    Action.AUDIT_CHECKPOINTED: CREATE, Action.AUDIT_KEY_INITIALISED: CREATE,
    Action.LEDGER_VERIFIED: READ, Action.AUDIT_QUERIED: READ, Action.AUDIT_EXPORTED: READ,
    Action.AUDIT_REPORTED: READ,
    Action.DOC_REVIEWED: UPDATE, Action.DOC_QUARANTINED: UPDATE,
    Action.SUBMISSION_ACCEPTED: UPDATE, Action.SUBMISSION_REJECTED: UPDATE,
    Action.VAULT_ROTATED: UPDATE, Action.VAULT_HOLD_RELEASED: UPDATE,
    Action.VAULT_KEY_RETIRED: DELETE, Action.VAULT_SHREDDED: DELETE,
}  # fmt: skip
USER, SYSTEM = 1, 3  # OCSF user.type_id


def activity_id(action: str) -> int:
    return _BY_ACTION.get(action, OTHER)


def actor_user(actor: str) -> dict[str, object]:
    """An OCSF ``user``: an AWS principal or a local identity is a User; the legacy
    ``sealroom`` service actor (and any other bare name) a System account."""
    person = actor.startswith(("arn:", "local:"))
    name = actor.rsplit("/", 1)[-1].removeprefix("local:")
    type_id = USER if person else SYSTEM
    return {"uid": actor, "name": name, "type_id": type_id, "type": "User" if person else "System"}
