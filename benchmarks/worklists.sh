#!/usr/bin/env bash
# Worklist queries on a large register: on a copy of the generated register of N cases
# (benchmarks/dataset.sh builds it once; the site's own var/ is not touched).
# Usage: benchmarks/worklists.sh [number of cases]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/dataset.sh
use_dataset "${1:-100000}"
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/worklists.py \
    2> >(grep --line-buffered -v Warning >&2)
