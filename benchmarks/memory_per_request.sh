#!/usr/bin/env bash
# What each kind of request leaves behind in the process (objects, classes), on a fresh
# FileStorage in a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/memory_per_request.sh [requests per kind (30)]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/memory_per_request.py "${1:-30}" \
    2> >(grep --line-buffered -v Warning >&2)
