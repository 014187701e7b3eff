#!/usr/bin/env bash
# Early-warning rules on a large register, on a copy of the generated register of N cases
# (benchmarks/dataset.sh builds it once; the site's own var/ is not touched): the rules' time for
# one new or changed case, and filing throughput with the rules on and off, in one run.
# Usage: benchmarks/warnings.sh [number of cases, default 100000] [filings per block, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/dataset.sh
use_dataset "${1:-100000}" production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/warnings.py "${1:-100000}" "${2:-50}" \
    2> >(grep -v Warning >&2)
