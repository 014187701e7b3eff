#!/usr/bin/env bash
# The receipt PDF of a web filing (benchmarks/receipt_pdf.py): the QR code's mask chosen by the
# library or fixed, with and without reportlab's C accelerators, on a fresh FileStorage in a
# temporary directory (the site's own var/ is not touched).
# Usage: benchmarks/receipt_pdf.sh [PDFs per block, default 25]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/fresh_storage.sh
trap 'rm -rf "$tmp"' EXIT
write_zope_conf production
echo "| reportlab 加速 | 二维码掩模 | 一份回执 PDF |"
echo "|---|---|---|"
for accel in on off; do
    rm -rf "$tmp/Data.fs"* "$tmp/blobs"
    # Without: reportlab's ``from _rl_accel import …`` fails and it falls back to its Python code.
    hide=$([ $accel = off ] && echo "sys.modules['_rl_accel'] = None" || true)
    PYTHONPATH=benchmarks/shared bin/zopepy -c "import sys; $hide
sys.argv = ['zconsole', 'run', '$tmp/zope.conf', 'benchmarks/receipt_pdf.py', '${1:-25}']
from Zope2.utilities.zconsole import main; main()" 2>"$tmp/stderr" || { tail -30 "$tmp/stderr"; exit 1; }
done
