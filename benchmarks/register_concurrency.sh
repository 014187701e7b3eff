#!/usr/bin/env bash
# Concurrent filings: the case register against a stock Plone folder, in one run, on a fresh
# FileStorage in a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/register_concurrency.sh [writers] [items per writer]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s#/work/main/var/filestorage/Data.fs#$tmp/Data.fs#" \
    -e "s#/work/main/var/blobstorage#$tmp/blobs#" \
    -e "s#^max-conflict-retries .*##" \
    "parts/instance/etc/zope.conf" > "$tmp/zope.conf"
sed -i "s#$(pwd)/var/filestorage/Data.fs#$tmp/Data.fs#; s#$(pwd)/var/blobstorage#$tmp/blobs#" "$tmp/zope.conf"
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/register_concurrency.py "${1:-4}" "${2:-100}" 2>/dev/null
