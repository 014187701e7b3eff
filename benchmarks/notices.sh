#!/usr/bin/env bash
# The notices issued from the Word templates (documents/automatic.py, issuing.pdf_of), on a fresh
# FileStorage in a temporary directory (the site's own var/ is not touched): routing and closing
# a case with and without the automatic notices, and the PDF of an issued notice on its first
# and its second download.
# Usage: benchmarks/notices.sh [cases per block, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/notices.py "${1:-40}" \
    2> >(grep -v Warning >&2)
