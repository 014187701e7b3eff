#!/usr/bin/env bash
# The statistics page's figures on a large register (issue 14 item 2), on a fresh FileStorage in
# a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/statistics.sh [number of cases, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/statistics.py "${1:-100000}" 2> >(grep -v Warning >&2)
