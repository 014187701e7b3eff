#!/usr/bin/env bash
# Anonymous requests/s of the public pages (home page, station finder, a guide) against the stock
# Plone front page, in one run, both sites with plone.app.caching set up, on a fresh FileStorage
# in a temporary directory (the site's own var/ is not touched). Zope runs as in production:
# debug mode off, C security policy.
# Usage: benchmarks/public_pages.sh [seconds per page] [concurrent clients]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s#$(pwd)/var/filestorage/Data.fs#$tmp/Data.fs#" \
    -e "s#$(pwd)/var/blobstorage#$tmp/blobs#" \
    -e "s#^debug-mode on#debug-mode off#" \
    -e "s#^security-policy-implementation python#security-policy-implementation C#" \
    -e "s#^verbose-security on#verbose-security off#" \
    "parts/instance/etc/zope.conf" > "$tmp/zope.conf"
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/public_pages.py "${1:-10}" "${2:-4}" 2>/dev/null
