#!/usr/bin/env bash
# make test-scale: the production set-ups, built and running, checked over HTTP (scale/check.py).
#
#   1. ZEO server + two Zope instances sharing the blob directory (profiles/production.cfg):
#      a case filed on instance 1 is seen and handled on instance 2 and back; blobs both ways.
#   2. Varnish (Debian package, deploy/varnish.vcl) in front of the two ZEO instances, caching
#      switched on by scripts/setup_caching.py: anonymous pages from the cache, purged on change,
#      staff pages, case pages, forms, the API for logged-in users and cookies never cached;
#      writes on instance 1 (on instance 2 while instance 1 is stopped), reads on both.
#      A receipt not sent yet when instance 1 is killed (kill -9) is sent once it starts again.
#   3. Backups of the ZEO set-up (deploy/backup.sh: repozo full + incremental and the blobs),
#      everything destroyed, deploy/restore.sh, every case, attachment and notice found again.
#   4. PostgreSQL (Debian package) with RelStorage, history-free, blobs in the database with a
#      local cache per instance (profiles/relstorage.cfg): the same cross-instance check, then
#      pg_dump, the database dropped, pg_restore, everything found again.
#
# Each set-up is built in its own directory var/scale/<zeo|rel>/ (a buildout.cfg extending the
# repository's profile, sharing eggs/), never in the developers' bin/ and parts/. Everything
# listens on 127.0.0.1 on ports 18000-18100 and 15432; whatever this script starts it stops on
# exit. Needs root (CI) or the Debian packages postgresql and varnish installed beforehand.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=$ROOT/var/scale
PYTHON=${PYTHON:-python3.11}
ZEO_PORT=18100 Z1=18081 Z2=18082 R1=18091 R2=18092 VARNISH_PORT=18000 PG_PORT=15432
MUTE_SMTP_PORT=18025 SINK_SMTP_PORT=18026
started=$(date +%s)

RUN=$(mktemp -d /tmp/laborrights-scale.XXXXXX)
chmod 755 "$RUN"
export SCALE_RESULTS=$RUN/results
: >"$SCALE_RESULTS"
STEP="start"
step() { STEP=$1; echo; echo "== test-scale [$(( $(date +%s) - started )) s]: $1"; }
pass() { echo "PASS: $1" | tee -a "$SCALE_RESULTS"; }
fail() { echo "FAIL: $1" | tee -a "$SCALE_RESULTS"; }

source scale/postgres.sh
stop_all() {
    status=$?
    set +e
    if [ "$status" -ne 0 ]; then
        fail "step '$STEP' stopped with status $status (see above)"
    fi
    echo; echo "== test-scale: stopping everything it started"
    for dir in "$SCALE/zeo" "$SCALE/rel"; do
        for instance in instance1 instance2; do
            [ -x "$dir/bin/$instance" ] && "$dir/bin/$instance" stop >/dev/null 2>&1
        done
    done
    [ -x "$SCALE/zeo/bin/zeoserver" ] && "$SCALE/zeo/bin/zeoserver" stop >/dev/null 2>&1
    [ -f "$RUN/varnish.pid" ] && kill "$(cat "$RUN/varnish.pid")" 2>/dev/null
    jobs -p | xargs -r kill 2>/dev/null  # the mail servers of the kill -9 check
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && pg_stop "$RUN/pg"
    passed=$(grep -c '^PASS' "$SCALE_RESULTS")
    failed=$(grep -c '^FAIL' "$SCALE_RESULTS")
    rm -rf "$RUN"
    echo "test-scale: took $(( $(date +%s) - started )) s"
    echo "test-scale: $passed passed, $failed failed"
    if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
        exit 1
    fi
    exit 0
}
trap stop_all EXIT
trap 'exit 130' INT TERM

step "Debian packages (postgresql, varnish)"
if ! command -v varnishd >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql varnish >/dev/null
fi
echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}'), $(varnishd -V 2>&1 | head -1)"

step "build the ZEO and RelStorage set-ups in var/scale/ (eggs shared with the checkout)"
make --no-print-directory .venv/bin/buildout PYTHON="$PYTHON"
PASSWORD="Scale-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SCALE_ADMIN="admin:$PASSWORD"
source scale/build_setup.sh
build() {  # build <name> <profile> <buildout options…>: in var/scale/<name>
    build_setup "$SCALE/$1" "$2" "site:admin=admin:$PASSWORD" "${@:3}"
}
build zeo production.cfg ports:zeoserver=$ZEO_PORT ports:instance1=$Z1 ports:instance2=$Z2 \
    site:caching-proxy=http://127.0.0.1:$VARNISH_PORT
build rel relstorage.cfg ports:instance1=$R1 ports:instance2=$R2 \
    relstorage:host=127.0.0.1 relstorage:port=$PG_PORT "relstorage:password=$PASSWORD"
pass "both set-ups built (admin password given on the command line, 'site:admin=admin:…')"

wait_http() {  # wait_http <url>: until the instance answers (any HTTP status; 2 minutes at most)
    for _ in $(seq 240); do
        if "$PYTHON" - "$1" <<'EOF'
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=5)
except urllib.error.HTTPError:
    pass
except OSError:
    sys.exit(1)
EOF
        then return 0; fi
        sleep 0.5
    done
    fail "$1 did not answer within 2 minutes"
    return 1
}
start_instances() {  # start_instances <dir> <port1> <port2>
    "$1/bin/instance1" start >/dev/null
    "$1/bin/instance2" start >/dev/null
    wait_http "http://127.0.0.1:$2/Plone" && wait_http "http://127.0.0.1:$3/Plone"
}
stop_instances() {
    "$1/bin/instance1" stop >/dev/null
    "$1/bin/instance2" stop >/dev/null
}
check() { "$PYTHON" "$ROOT/scale/check.py" "$@"; }
run_logged() {  # run_logged <name> <command…>: output to $RUN/<name>.log, its end shown on failure
    local name=$1
    shift
    if ! "$@" >"$RUN/$name.log" 2>&1; then
        echo "--- $* failed; the end of its output:"
        grep -v '^WARNING' "$RUN/$name.log" | tail -40
        return 1
    fi
    grep -v '^WARNING' "$RUN/$name.log" | tail -1
}

ZEO=$SCALE/zeo
Z1_URL=http://127.0.0.1:$Z1/Plone Z2_URL=http://127.0.0.1:$Z2/Plone
step "ZEO: server, site (SITE_DEMO=0), caching set-up, two instances"
"$ZEO/bin/zeoserver" start >/dev/null
SITE_DEMO=0 run_logged zeo-site "$ZEO/bin/instance1" run scripts/create_site.py
run_logged zeo-caching "$ZEO/bin/instance1" run scripts/setup_caching.py
start_instances "$ZEO" $Z1 $Z2
pass "ZEO server on :$ZEO_PORT, instances on :$Z1 and :$Z2"

step "ZEO: a case filed on instance 1, seen and handled on instance 2"
check cross "$Z1_URL" "$Z2_URL" --state "$RUN/zeo-state.json" || true

step "Varnish (deploy/varnish.vcl) in front of the two ZEO instances"
sed -e "s/\"8081\"/\"$Z1\"/" -e "s/\"8082\"/\"$Z2\"/" deploy/varnish.vcl >"$RUN/varnish.vcl"
varnishd -a 127.0.0.1:$VARNISH_PORT -T none -n "$RUN/varnish" -P "$RUN/varnish.pid" \
    -f "$RUN/varnish.vcl" -s malloc,64m
wait_http "http://127.0.0.1:$VARNISH_PORT/Plone"
check varnish "http://127.0.0.1:$VARNISH_PORT/Plone" "$Z1_URL" || true
answered_by() {  # answered_by <method>: "<count> instanceN" lines, from Varnish's log (std.log in the VCL)
    varnishlog -d -n "$RUN/varnish" -g request -q "ReqMethod eq \"$1\"" -i VCL_Log 2>/dev/null \
        | grep -o 'backend: instance[0-9]' | sort | uniq -c | awk '{print $1, $3}' | paste -sd, -
}
writes=$(answered_by POST) reads=$(answered_by GET)
[[ $writes == *instance1* && $writes != *instance2* ]] \
    && pass "Varnish sends every write (POST) to instance 1 while it is healthy: $writes" \
    || fail "writes through Varnish not all on instance 1: ${writes:-none in the log}"
[[ $reads == *instance1* && $reads == *instance2* ]] \
    && pass "… and shares the reads between both instances: $reads" \
    || fail "reads through Varnish not shared by both instances: ${reads:-none in the log}"

step "Varnish: writes go to instance 2 while instance 1 is down"
"$ZEO/bin/instance1" stop >/dev/null
for _ in $(seq 60); do  # the probe (every 5 s) calls it sick after 4 failures; its last report counts
    varnishlog -d -n "$RUN/varnish" -g raw -i Backend_health 2>/dev/null | grep "instance1 " | tail -1 \
        | grep -qE "(Went|Still) sick" && break
    sleep 1
done
check write "http://127.0.0.1:$VARNISH_PORT/Plone" || true
writes=$(answered_by POST)
[[ $writes == *instance2* ]] && pass "with instance 1 stopped, the write went to instance 2: $writes" \
    || fail "with instance 1 stopped, no write reached instance 2: ${writes:-none in the log}"
"$ZEO/bin/instance1" start >/dev/null
wait_http "$Z1_URL"

step "ZEO: a receipt not sent yet when instance 1 is killed (kill -9) is sent after it starts again"
# Instance 1's sender thread waits on a mail server that never answers; the site's mail is then
# pointed at a working one (through instance 2), instance 1 is killed and started again.
"$PYTHON" -c 'import socket, sys, time; s = socket.create_server(("127.0.0.1", int(sys.argv[1]))); time.sleep(900)' \
    $MUTE_SMTP_PORT &
mute_smtp=$!
mkdir -p "$RUN/mail"
"$PYTHON" "$ROOT/scale/check.py" mail-sink $SINK_SMTP_PORT "$RUN/mail" &  # not `check …&`: $! is the server
sink_smtp=$!
check mail-server "$Z1_URL" $MUTE_SMTP_PORT || true
check web-filing "$Z1_URL" killed@example.org "$RUN/killed-reference" || true
sleep 2  # the sender thread is waiting for the mute server's greeting
waiting=$(find "$ZEO/var/outbox-spool" -path '*/.failed' -prune -o -name '*.pickle' -print | wc -l)
[ "$waiting" -ge 1 ] && pass "the receipt waits in the spool while the mail server does not answer ($waiting file)" \
    || fail "no unsent receipt in $ZEO/var/outbox-spool"
check mail-server "$Z2_URL" $SINK_SMTP_PORT || true
pid=$("$ZEO/bin/instance1" status | sed -n 's/.*pid=\([0-9]*\).*/\1/p' || true)
[ -n "$pid" ] && kill -9 "$pid" || fail "instance 1's process not found (bin/instance1 status), not killed"
"$ZEO/bin/instance1" start >/dev/null || true  # zdaemon may have started it again already
wait_http "$Z1_URL"
check receipt "$RUN/mail" "$RUN/killed-reference" killed@example.org || true
kill "$mute_smtp" "$sink_smtp" 2>/dev/null || true
wait "$mute_smtp" "$sink_smtp" 2>/dev/null || true

step "ZEO backups: full (make backup FULL=1), one more case, incremental (make backup)"
BACKUP_ENV=(DATA_FS="$ZEO/var/filestorage/Data.fs" BLOB_DIR="$ZEO/var/blobstorage"
    BACKUP_DIR="$RUN/backups" REPOZO="$ZEO/bin/repozo")
env "${BACKUP_ENV[@]}" FULL=1 deploy/backup.sh
sleep 1  # repozo names its files by the second
check add "$Z1_URL" --state "$RUN/zeo-state.json" || true
env "${BACKUP_ENV[@]}" deploy/backup.sh
ls "$RUN/backups/filestorage" | grep -qE "\.deltafsz?$" && pass "an incremental backup (.deltafs) was made" \
    || fail "no incremental backup (.deltafs)"

step "ZEO: destroy the database and the blobs, restore (make restore), start again"
stop_instances "$ZEO"
"$ZEO/bin/zeoserver" stop >/dev/null
rm -rf "$ZEO/var/filestorage" "$ZEO/var/blobstorage"
env "${BACKUP_ENV[@]}" deploy/restore.sh
"$ZEO/bin/zeoserver" start >/dev/null
start_instances "$ZEO" $Z1 $Z2
check verify "$Z2_URL" --state "$RUN/zeo-state.json" || true
kill "$(cat "$RUN/varnish.pid")" && rm -f "$RUN/varnish.pid"
stop_instances "$ZEO"
"$ZEO/bin/zeoserver" stop >/dev/null

REL=$SCALE/rel
R1_URL=http://127.0.0.1:$R1/Plone R2_URL=http://127.0.0.1:$R2/Plone
step "PostgreSQL: a cluster of its own in $RUN/pg on :$PG_PORT"
pg_start "$RUN/pg" $PG_PORT "$PASSWORD"
psql_admin() { PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PG_PORT -U postgres "$@"; }
pass "PostgreSQL on 127.0.0.1:$PG_PORT, database plone owned by plone"

step "RelStorage: site (SITE_DEMO=0), two instances, cross-instance check"
SITE_DEMO=0 run_logged rel-site "$REL/bin/instance1" run scripts/create_site.py
start_instances "$REL" $R1 $R2
check cross "$R1_URL" "$R2_URL" --state "$RUN/rel-state.json" || true
keep=$(PGPASSWORD=$PASSWORD psql -At -h 127.0.0.1 -p $PG_PORT -U plone plone \
    -c "SELECT count(*) FROM information_schema.tables WHERE table_name = 'transaction'")
[ "$keep" = 0 ] && pass "history-free: no 'transaction' table" || fail "history-preserving tables found"
blobs=$(PGPASSWORD=$PASSWORD psql -At -h 127.0.0.1 -p $PG_PORT -U plone plone -c "SELECT count(*) FROM blob_chunk")
[ "$blobs" -gt 0 ] && pass "blobs are in the database ($blobs blob chunk(s))" || fail "no blob in the database"

step "RelStorage backup: pg_dump, drop the database and the blob caches, pg_restore"
PGPASSWORD=$PASSWORD pg_dump -Fc -h 127.0.0.1 -p $PG_PORT -U plone -f "$RUN/plone.dump" plone
stop_instances "$REL"
psql_admin -c "DROP DATABASE plone"
psql_admin -c "CREATE DATABASE plone OWNER plone ENCODING 'UTF8'"
rm -rf "$REL/var/blobcache"
PGPASSWORD=$PASSWORD pg_restore -h 127.0.0.1 -p $PG_PORT -U plone -d plone --no-owner "$RUN/plone.dump"
pass "pg_dump ($(du -h "$RUN/plone.dump" | cut -f1)) restored into a new database"
start_instances "$REL" $R1 $R2
check verify "$R2_URL" --state "$RUN/rel-state.json" || true
