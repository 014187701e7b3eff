#!/usr/bin/env bash
# REST API under load: POST @cases rate and GET @case-status latency with a large register, on a
# copy of the generated register of N cases (benchmarks/dataset.sh builds it once; the site's own
# var/ is not touched).
# Usage: benchmarks/api_load.sh [cases in the register] [filings] [lookups] [client threads]
# Results: docs/api.md, section “性能”.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/dataset.sh
use_dataset "${1:-100000}"
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/api_load.py \
    "${1:-100000}" "${2:-1000}" "${3:-2000}" "${4:-4}" 2>/dev/null
