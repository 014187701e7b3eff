#!/usr/bin/env bash
# Anonymous requests/s of the public pages (home page, station finder, a guide) against the stock
# Plone front page, in one run, both sites with plone.app.caching set up, on a fresh FileStorage
# in a temporary directory (the site's own var/ is not touched). Zope runs as in production:
# debug mode off, C security policy.
# Usage: benchmarks/public_pages.sh [seconds per page] [concurrent clients]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/public_pages.py "${1:-10}" "${2:-4}" 2>/dev/null
