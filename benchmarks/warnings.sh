#!/usr/bin/env bash
# Early-warning rules on a large register, on a fresh FileStorage in a temporary directory (the
# site's own var/ is not touched): the rules' time for one new or changed case, and filing
# throughput with the rules on and off, in one run.
# Usage: benchmarks/warnings.sh [number of cases, default 100000] [filings per block, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/warnings.py "${1:-100000}" "${2:-50}" \
    2> >(grep -v Warning >&2)
