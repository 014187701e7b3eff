#!/usr/bin/env bash
# REST API under load: POST @cases rate and GET @case-status latency with a large register,
# on a fresh FileStorage in a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/api_load.sh [cases in the register] [filings] [lookups] [client threads]
# Results: docs/api.md, section “性能”.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/api_load.py \
    "${1:-100000}" "${2:-1000}" "${3:-2000}" "${4:-4}" 2>/dev/null
