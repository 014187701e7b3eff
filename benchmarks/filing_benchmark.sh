#!/usr/bin/env bash
# Public filing through a real WSGI server (waitress, 4 threads, as the instance is configured):
# the create-case action against easyform's save-data action on the same field model, in one
# run, on a fresh FileStorage in a temporary directory (the site's own var/ is not touched).
# Production settings: debug mode and verbose security off, the C security policy, 3 retries.
# Usage: benchmarks/filing_benchmark.sh [submissions per action, default 500] [port, default 18437]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
port=${2:-18437}
source benchmarks/fresh_storage.sh
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
write_zope_conf production "s#^max-conflict-retries .*##"  # Zope's default 3 retries, as deployed
cat > "$tmp/wsgi.ini" <<INI
[server:main]
use = egg:waitress#main
listen = 127.0.0.1:$port
threads = 4
clear_untrusted_proxy_headers = false
max_request_body_size = 1073741824

[app:zope]
use = egg:Zope#main
zope_conf = $tmp/zope.conf

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    zope
INI

bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/filing_benchmark.py setup 2>/dev/null
bin/zopepy -m Zope2.Startup.serve "$tmp/wsgi.ini" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/Plone/apply/complaint" && break
    sleep 1
done
bin/zopepy benchmarks/filing_benchmark.py client "http://127.0.0.1:$port/Plone" "$count" "$tmp/accepted.json"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/filing_benchmark.py verify "$tmp/accepted.json" 2>/dev/null
