#!/usr/bin/env bash
# Background statistics exports (issue 14): what stays on the request thread (the size check and
# recording the job) and what the worker does (the whole city's workbook), on a copy of the
# generated register of N cases (benchmarks/dataset.sh builds it once; var/ is not touched).
# Usage: benchmarks/statistics_export.sh [number of cases, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/dataset.sh
use_dataset "${1:-100000}" production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" \
    benchmarks/statistics_export.py "${1:-100000}" 2> >(grep --line-buffered -v Warning >&2)
