#!/usr/bin/env bash
# Creates bench/.venv-synth: presidio-evaluator's sentence generator (its own templates, Faker
# values) for the general-English benchmark set only; never a project dependency, and no
# product lexicon comes from it. presidio-evaluator goes in without its heavy extras
# (transformers, plotly, scikit-learn): the generator needs only what is listed here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv-synth"
uv="$root/.venv/bin/uv"
export SSL_CERT_FILE="${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}"
if [ ! -x "$venv/bin/python" ]; then
  "$uv" venv --python "$(readlink -f "$root/.venv/bin/python")" "$venv"
fi
"$uv" pip install --python "$venv/bin/python" "faker==40.63.0" "pandas==3.1.1" "tqdm" \
  "python-dotenv" "presidio-analyzer==2.2.366" "presidio-anonymizer==2.2.366" "spacy>=3.8,<3.9"
"$uv" pip install --python "$venv/bin/python" --no-deps "presidio-evaluator==0.3.2"
"$venv/bin/python" -c "from presidio_evaluator.data_generator import PresidioSentenceFaker; print('synth ready')"
