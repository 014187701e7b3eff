#!/usr/bin/env bash
# The performance budget of the public pages (issue 16): Lighthouse 12 (pinned in
# benchmarks/lighthouse, mobile profile: simulated slow 4G, 4x CPU slowdown) run headless with
# Debian's Chromium on every public page type of the demo site, as an anonymous first visit.
# Fails unless every page has performance >= 95, accessibility 100, <= 150 KiB transferred and
# <= 10 network requests. Builds nothing: the instance is the one `make build` made; the site is
# created on a fresh FileStorage in a temporary directory (var/ is not touched) and served by
# the instance's own WSGI pipeline (gzip filter included), on a free port, as `make start` does.
# Usage: benchmarks/perf_budget.sh   (CHROME_PATH: the browser, default /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
PERFORMANCE=95 ACCESSIBILITY=100 MAX_KIB=150 MAX_REQUESTS=10

(cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error)

source benchmarks/fresh_storage.sh
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
write_zope_conf
port=$(bin/zopepy -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The instance's WSGI configuration on that port, the fresh storage and logs in $tmp.
sed -e "s#^fast-listen = .*#fast-listen = 127.0.0.1:$port#" \
    -e "s#^zope_conf = .*#zope_conf = $tmp/zope.conf#" \
    -e "s#$(pwd)/var/log/#$tmp/#" parts/instance/etc/wsgi.ini > "$tmp/wsgi.ini"
zconsole() { bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" "$@" 2>>"$tmp/setup.log"; }

echo "perf-budget: creating the demo site on a fresh storage ..."
cat > "$tmp/admin.py" <<'PY'
import transaction
if app.acl_users.getUser("admin") is None:  # noqa: F821 - fresh_storage's inituser makes it
    app.acl_users._doAddUser("admin", "admin", ["Manager"], [])  # noqa: F821
transaction.commit()
PY
zconsole "$tmp/admin.py"
zconsole scripts/create_site.py >/dev/null
# The page list (one page of each type) and the receipt's signed link, before serving.
zconsole benchmarks/perf_pages.py | sed "s#\"path\": \"#\"url\": \"http://localhost:$port#" > "$tmp/pages.jsonl"

parts/instance/bin/interpreter -m Zope2.Startup.serve "$tmp/wsgi.ini" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 120); do
    if curl -fs -o /dev/null "http://localhost:$port/Plone"; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$tmp/serve.log"; exit 1; fi
    sleep 1
done
# Warm the instance (templates compiled, caches filled) so that the first page is not penalised.
while read -r line; do
    url=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["url"])' "$line")
    curl -s -o /dev/null -H 'Accept: text/html' "$url"
done < "$tmp/pages.jsonl"

echo "perf-budget: Lighthouse on $(wc -l < "$tmp/pages.jsonl") pages ..."
(cd benchmarks/lighthouse && node run.mjs) < "$tmp/pages.jsonl" > "$tmp/results.jsonl"
python3 benchmarks/perf_report.py "$PERFORMANCE" "$ACCESSIBILITY" "$MAX_KIB" "$MAX_REQUESTS" < "$tmp/results.jsonl"
