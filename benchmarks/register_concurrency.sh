#!/usr/bin/env bash
# Concurrent filings: the case register against a stock Plone folder, in one run, on a fresh
# FileStorage in a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/register_concurrency.sh [writers] [items per writer]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf "s#^max-conflict-retries .*##"
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/register_concurrency.py "${1:-4}" "${2:-100}" 2>/dev/null
