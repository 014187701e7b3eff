#!/usr/bin/env bash
# Worklist queries on a large register, on a fresh FileStorage in a temporary directory (the
# site's own var/ is not touched). Usage: benchmarks/worklists.sh [number of cases]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/worklists.py "${1:-100000}" 2> >(grep -v Warning >&2)
