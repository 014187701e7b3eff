#!/usr/bin/env bash
# The statistics page's figures on a large register (issue 14 item 2), on a copy of the generated
# register of N cases (benchmarks/dataset.sh builds it once; the site's own var/ is not touched).
# Usage: benchmarks/statistics.sh [number of cases, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/dataset.sh
use_dataset "${1:-100000}" production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/statistics.py \
    "${1:-100000}" 2> >(grep --line-buffered -v Warning >&2)
