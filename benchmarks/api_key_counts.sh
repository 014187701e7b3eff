#!/usr/bin/env bash
# What counting one keyed API filing writes and costs, per-minute counts against the former list
# of times, on a fresh FileStorage in a temporary directory. Usage: benchmarks/api_key_counts.sh [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/api_key_counts.py "${1:-50}" 2> >(grep --line-buffered -v Warning >&2)
