#!/usr/bin/env bash
# What the access log costs a page view, on a fresh FileStorage in a temporary directory (the
# site's own var/ is not touched). Usage: benchmarks/access_log.sh [views per variant]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/access_log.py "${1:-200}" 2> >(grep --line-buffered -v Warning >&2)
