# Sourced by filing_http.sh and soak.sh (from the checkout's root, ROOT set): a fresh database
# for each set in a temporary directory ($top), its storage server, an SMTP sink and two
# instances. The storage ($server): "addon", a ZEO server with the instances' eggs (as
# production.cfg builds it); "plain", a ZEO server with ZODB's eggs only; "rel", PostgreSQL with
# RelStorage (history-free, blobs in the database: relstorage.cfg; a cluster of its own, as
# scale/postgres.sh makes it, which needs root). The instances and the ZEO server are those of
# the builds of `make bench` (benchmarks/bench.sh zeo_setup): var/bench/zeo (production.cfg) and
# var/bench/rel (relstorage.cfg), their eggs and configuration; their databases and ports are not
# used. Everything listens on 127.0.0.1:18390-18393 (SET_PORT=N: N to N+3) and is stopped on exit.
# start_set reads: dir (the set's directory under $top), server, code, rules, trees
# (filing_http.sh's variants), demo (1: the site with the demo content; default none), instances
# (how many to start, 1 or 2; default 2); it sets tmp, py (the instances' interpreter), pids and
# instance_pids[1], instance_pids[2].
# storage_start starts the storage of the set in $tmp ($server: its kind) again; stop_set stops it.
# FILING_KEEP=1 keeps $top.
source scale/postgres.sh
ZEO=$ROOT/var/bench/zeo REL=$ROOT/var/bench/rel
FIRST_PORT=${SET_PORT:-18390}  # another to run beside a set on the default ports
ZEO_PORT=$FIRST_PORT SMTP_PORT=$((FIRST_PORT + 3))  # ZEO_PORT: the ZEO server's, or PostgreSQL's
PORTS=($((FIRST_PORT + 1)) $((FIRST_PORT + 2)))
REL_PASSWORD=Bench-rel-1  # of the database user plone (the rel build's DSN): a throw-away cluster on loopback
PY=$ZEO/parts/instance1/bin/interpreter
[ -x "$PY" ] || { echo "no ZEO build in $ZEO: run benchmarks/bench.sh (zeo_setup) first" >&2; exit 1; }
top=$(mktemp -d "/tmp/${SET_NAME:-filing-http}.XXXXXX")
pids=()
instance_pids=()
clusters=()
stop_set() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    for cluster in "${clusters[@]}"; do pg_stop "$cluster"; done
    pids=() clusters=()
}
cleanup() {
    stop_set
    [ -n "${FILING_KEEP:-}" ] || rm -rf "$top"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
printf 'from ZEO.runzeo import main\nmain()\n' >"$top/runzeo.py"  # the instances' interpreter takes no -m … -C

wait_for_zeo() {  # wait_for_zeo <pid>: until the ZEO server answers on its port, or its log if it
    # exited (after a fixed 2 s pause a set twice failed with "timed out waiting for connection")
    for _ in $(seq 120); do
        kill -0 "$1" 2>/dev/null || { echo "the ZEO server did not start:" >&2; tail -20 "$tmp/zeo.out" >&2; exit 1; }
        (exec 3<>"/dev/tcp/127.0.0.1/$ZEO_PORT") 2>/dev/null && return 0
        sleep 0.5
    done
    echo "the ZEO server is not listening on $ZEO_PORT after 60 s" >&2
    exit 1
}

storage_start() {  # the storage of the set in $tmp: its ZEO server, or its PostgreSQL cluster
    if [ -e "$tmp/zeo.conf" ]; then
        py=$PY
        if [ "$server" = plain ]; then  # ZODB's eggs only, as plone.recipe.zeoserver builds it without `eggs`
            PYTHONPATH=$(sed -n 's/^PYTHONPATH="\(.*\)"$/\1/p' "$ZEO/parts/zeoserver/bin/runzeo") \
                "$ROOT/.venv/bin/python3.11" -m ZEO.runzeo -C "$tmp/zeo.conf" >>"$tmp/zeo.out" 2>&1 &
        else  # the instances' eggs, the add-on among them
            "$PY" "$top/runzeo.py" -C "$tmp/zeo.conf" >>"$tmp/zeo.out" 2>&1 &
        fi
        pids+=($!)
        wait_for_zeo $!
    else
        py=$REL/parts/instance1/bin/interpreter
        chmod 755 "$top"  # PostgreSQL's user makes its cluster in there
        clusters+=("$tmp/pg")  # before it starts: stopped on exit even if making it fails half-way
        pg_start "$tmp/pg" "$ZEO_PORT" "$REL_PASSWORD"
    fi
}

start_set() {  # a fresh database in $top/$dir, its storage ($server), SMTP sink, site, 2 instances
    tmp=$top/$dir
    local build=$ZEO
    if [ "$server" = rel ]; then
        build=$REL
        [ -x "$REL/parts/instance1/bin/interpreter" ] \
            || { echo "no RelStorage build in $REL: run benchmarks/bench.sh (zeo_setup) first" >&2; exit 1; }
    fi
    mkdir -p "$tmp"/var/{log,filestorage,blobstorage,blobcache,cache,instance1,instance2} "$tmp/home"
    printf 'admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=\n' >"$tmp/home/inituser"  # admin/admin, throw-away
    [ "$server" = rel ] || sed -e "s#^  address .*#  address 127.0.0.1:$ZEO_PORT#" -e "s#$ZEO/var#$tmp/var#g" \
        -e '/<runner>/,/<\/runner>/d' "$ZEO/parts/zeoserver/etc/zeo.conf" >"$tmp/zeo.conf"
    for n in 1 2; do
        sed -e "s#$build/var#$tmp/var#g" -e "s#127.0.0.1:18300#127.0.0.1:$ZEO_PORT#" \
            -e "s#^%define INSTANCEHOME .*#%define INSTANCEHOME $tmp/home#" \
            -e "s#^LABORRIGHTS_CACHING_PROXY .*##" -e "s#port='[0-9]*'#port='$ZEO_PORT'#" \
            -e "s#password='[^']*'#password='$REL_PASSWORD'#" "$build/parts/instance$n/etc/zope.conf" >"$tmp/zope$n.conf"
        sed -e "s#^fast-listen = .*#fast-listen = 127.0.0.1:${PORTS[$((n - 1))]}#" \
            -e "s#$build/parts/instance$n/etc/zope.conf#$tmp/zope$n.conf#" -e "s#$build/var#$tmp/var#g" \
            "$build/parts/instance$n/etc/wsgi.ini" >"$tmp/wsgi$n.ini"
    done
    [ "$code" = threads ] && sed -i "s#^threads = .*#threads = 2#" "$tmp/wsgi2.ini"
    storage_start
    .venv-bench/bin/python -u -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >"$tmp/mail.log" 2>&1 &
    pids+=($!)
    SITE_DEMO=${demo:-0} "$py" -m Zope2.utilities.zconsole run "$tmp/zope1.conf" scripts/create_site.py >"$tmp/site.log" 2>&1 \
        || { tail -30 "$tmp/site.log" >&2; exit 1; }
    "$py" -m Zope2.utilities.zconsole run "$tmp/zope1.conf" benchmarks/bench/filing_site.py "$SMTP_PORT" Filer-secret-1 $rules \
        >>"$tmp/site.log" 2>&1 || { tail -30 "$tmp/site.log" >&2; exit 1; }
    for n in $(seq "${instances:-2}"); do
        FILING_PLAIN_TREES=$([ -n "$trees" ] && echo 1 || echo 0) FILING_INLINE_FLAG=$tmp/send-inline \
            FILING_SWITCH_FLAG=$([ "$code" = switch ] && echo "$tmp/switch-1ms" || true) \
            FILING_NOSPOOL_FLAG=$([ "$code" = spool ] && echo "$tmp/no-spool" || true) \
            FILING_GC_DEFAULTS=$([ "$code" = gc ] && [ "$n" = 2 ] && echo 1 || echo 0) \
            FILING_EASYFORM_ORIGINAL=$([ "$code" = easyform ] && [ "$n" = 2 ] && echo 1 || echo 0) \
            "$py" benchmarks/bench/filing_instance.py "$tmp/wsgi$n.ini" >"$tmp/instance$n.out" 2>&1 &
        pids+=($!)
        instance_pids[n]=$!
    done
    for port in "${PORTS[@]:0:${instances:-2}}"; do
        for _ in $(seq 240); do
            curl -fs -o /dev/null "http://127.0.0.1:$port/Plone/apply/complaint" && break
            sleep 0.5
        done
    done
}
