"""The checkpoint signing key in AWS KMS: an asymmetric ``ECC_NIST_P256`` key
(``SIGN_VERIFY``) behind the alias ``<prefix>/checkpoint``. The private key never leaves
KMS; ``Sign`` returns a DER ECDSA-SHA-256 signature, a C2SP signed-note signature of type
0x02. (KMS's Ed25519 keys are not emulated by moto, so tests could not cover them.)
botocore errors become ``KeyServiceError``; ``create()`` is the only call that makes a key.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from models.errors import CheckpointKeyError, KeyServiceError
from vault.signing import DEFAULT_NAME, ECDSA, NoteVerifier

KEY_SPEC = "ECC_NIST_P256"
ALGORITHM = "ECDSA_SHA_256"


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class KmsNoteSigner(NoteVerifier):
    def __init__(self, kms: Any, key_arn: str, public_der: bytes, name: str) -> None:
        super().__init__(name, ECDSA, public_der)
        self._kms, self._arn = kms, key_arn

    def sign(self, message: bytes) -> bytes:
        try:
            got = self._kms.sign(
                KeyId=self._arn, Message=message, MessageType="RAW", SigningAlgorithm=ALGORITHM
            )
        except (ClientError, BotoCoreError) as exc:
            raise KeyServiceError("checkpoint-key", "KMS signing failed") from exc
        return bytes(got["Signature"])

    def public(self) -> NoteVerifier:
        return NoteVerifier(self.name, ECDSA, self.public_key)


class KmsSigningKey:
    def __init__(self, kms: Any, alias_prefix: str, name: str = DEFAULT_NAME) -> None:
        self._kms = kms
        self.alias = f"{alias_prefix.rstrip('/')}/checkpoint"
        self.name = name

    def exists(self) -> bool:
        return self._arn() is not None

    def create(self) -> KmsNoteSigner:
        if not self.exists():
            try:
                made = self._kms.create_key(
                    KeySpec=KEY_SPEC, KeyUsage="SIGN_VERIFY", Description="Sealroom checkpoints"
                )
                self._kms.create_alias(AliasName=self.alias, TargetKeyId=made["KeyMetadata"]["Arn"])
            except (ClientError, BotoCoreError) as exc:
                raise KeyServiceError("checkpoint-key", "cannot create the KMS key") from exc
        return self.signer()

    def signer(self) -> KmsNoteSigner:
        arn = self._arn()
        if arn is None:
            raise CheckpointKeyError(
                "checkpoint-key", "no checkpoint key (sealroom audit init-key)"
            )
        try:
            public = self._kms.get_public_key(KeyId=arn)["PublicKey"]
        except (ClientError, BotoCoreError) as exc:
            raise KeyServiceError("checkpoint-key", "cannot read the KMS public key") from exc
        return KmsNoteSigner(self._kms, arn, bytes(public), self.name)

    def verifier(self) -> NoteVerifier | None:
        return self.signer().public() if self.exists() else None

    def _arn(self) -> str | None:
        try:
            return str(self._kms.describe_key(KeyId=self.alias)["KeyMetadata"]["Arn"])
        except ClientError as exc:
            if _code(exc) == "NotFoundException":
                return None
            raise KeyServiceError("checkpoint-key", "KMS key lookup failed") from exc
        except BotoCoreError as exc:
            raise KeyServiceError("checkpoint-key", "KMS key lookup failed") from exc
