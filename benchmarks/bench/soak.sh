#!/usr/bin/env bash
# Memory over hours (issue 17: what an instance needs, for monitoring): one ZEO instance of the
# production build under a day's mix of public and staff requests (soak_locustfile.py, locust
# headless, each user waiting 1-3 s) for <minutes>, on a fresh database (zeo_set.sh); the resident
# memory of the instance and of the ZEO server, and the objects in the database and in the
# instance's ZODB caches, sampled every minute. Prints a Markdown section (soak_report.py): memory
# over time, its growth after the first 10 minutes, the requests.
#   benchmarks/bench/soak.sh [minutes (60)] [users (8)]
# Needs the production (ZEO) build of `make bench` in var/bench/zeo (benchmarks/bench.sh zeo_setup)
# and locust in .venv-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
MINUTES=${1:-60}
USERS=${2:-8}
SET_NAME=soak
source benchmarks/bench/zeo_set.sh

dir=soak server=addon code=soak rules="" trees="" instances=1
demo=1  # the guides and stations of the demo content
start_set
zeo_pid=${pids[0]} instance_pid=${instance_pids[1]}
zodb_objects() {  # "<objects in the database> <objects in the instance's ZODB caches>" (Zope's control panel)
    curl -s -m 20 -u admin:admin "http://127.0.0.1:${PORTS[0]}/Control_Panel/Database/main/manage_main" \
        | sed 's/<[^>]*>/ /g' | tr '\n' ' ' | tr -s ' ' \
        | sed -n 's/.*objects in the database \([0-9]*\).*objects in memory from all caches \([0-9]*\).*/\1 \2/p' || true
}
sample() { echo "$(date +%s) $(ps -o rss= -p "$instance_pid") $(ps -o rss= -p "$zeo_pid") $(zodb_objects)" >>"$tmp/rss.txt"; }
(while sleep 60; do sample; done) &
pids+=($!)
sample
SOAK_HOST=http://127.0.0.1:${PORTS[0]} SOAK_PASSWORD=Filer-secret-1 PYTHONPATH=benchmarks/bench \
    timeout --foreground $((MINUTES * 60 + 120)) .venv-bench/bin/locust -f benchmarks/bench/soak_locustfile.py \
    --headless --users "$USERS" --spawn-rate "$USERS" --run-time "${MINUTES}m" --stop-timeout 10 \
    --csv "$tmp/soak" --csv-full-history --only-summary --loglevel WARNING >"$tmp/locust.log" 2>&1 || true
[ -s "$tmp/soak_stats.csv" ] || { echo "locust did not run:" >&2; tail -30 "$tmp/locust.log" >&2; exit 1; }
sample
kill -0 "$instance_pid" 2>/dev/null || { echo "the instance died:" >&2; tail -30 "$tmp/instance1.out" >&2; }
.venv-bench/bin/python benchmarks/bench/soak_report.py "$tmp/rss.txt" "$tmp/soak_stats.csv" \
    "$tmp/soak_stats_history.csv" "$MINUTES" "$USERS"
