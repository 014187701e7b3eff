#!/usr/bin/env bash
# Concurrent filings: the case register against a stock Plone folder, in one run, on a fresh
# FileStorage in a temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/register_concurrency.sh [writers] [items per writer] [options]
# writers: one number or several (1,4,8); with several, --total=N gives each run N creates.
# Options: --retries=3[,10] (Zope's default 3), --scenarios=stock,register,filing, --objects
# (a table of the objects that conflicted: oid, class, the way to it from the root),
# --no-turns (filings side by side, as before cases/serial.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf "s#^max-conflict-retries .*##"
PYTHONPATH=benchmarks/bench bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/register_concurrency.py "${1:-4}" "${2:-100}" "${@:3}" 2>"$tmp/stderr" \
    || { tail -30 "$tmp/stderr"; exit 1; }
