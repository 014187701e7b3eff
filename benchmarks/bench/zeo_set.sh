# Sourced by filing_http.sh and soak.sh (from the checkout's root, ROOT set): a fresh database
# for each set in a temporary directory ($top), its ZEO server, an SMTP sink and two instances
# of the production (ZEO) build of `make bench` (var/bench/zeo: its eggs and configuration; its
# database and ports are not used). Everything listens on 127.0.0.1:18390-18393 and is stopped on
# exit. start_set reads: dir (the set's directory under $top), server ("plain": ZODB's eggs only;
# otherwise the instances'), code, rules, trees (filing_http.sh's variants), demo (1: the site with
# the demo content; default none); it sets tmp, pids and
# instance_pids[1], instance_pids[2]. FILING_KEEP=1 keeps $top.
ZEO=$ROOT/var/bench/zeo
ZEO_PORT=18390 SMTP_PORT=18393
PORTS=(18391 18392)
PY=$ZEO/parts/instance1/bin/interpreter
[ -x "$PY" ] || { echo "no ZEO build in $ZEO: run benchmarks/bench.sh (zeo_setup) first" >&2; exit 1; }
top=$(mktemp -d "/tmp/${SET_NAME:-filing-http}.XXXXXX")
pids=()
instance_pids=()
stop_set() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
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

start_set() {  # a fresh database in $top/$dir, the ZEO server ($server), SMTP sink, site, 2 instances
    tmp=$top/$dir
    mkdir -p "$tmp"/var/{log,filestorage,blobstorage,cache,instance1,instance2} "$tmp/home"
    printf 'admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=\n' >"$tmp/home/inituser"  # admin/admin, throw-away
    sed -e "s#^  address .*#  address 127.0.0.1:$ZEO_PORT#" -e "s#$ZEO/var#$tmp/var#g" \
        -e '/<runner>/,/<\/runner>/d' "$ZEO/parts/zeoserver/etc/zeo.conf" >"$tmp/zeo.conf"
    for n in 1 2; do
        sed -e "s#$ZEO/var#$tmp/var#g" -e "s#127.0.0.1:18300#127.0.0.1:$ZEO_PORT#" \
            -e "s#^%define INSTANCEHOME .*#%define INSTANCEHOME $tmp/home#" \
            -e "s#^LABORRIGHTS_CACHING_PROXY .*##" "$ZEO/parts/instance$n/etc/zope.conf" >"$tmp/zope$n.conf"
        sed -e "s#^fast-listen = .*#fast-listen = 127.0.0.1:${PORTS[$((n - 1))]}#" \
            -e "s#$ZEO/parts/instance$n/etc/zope.conf#$tmp/zope$n.conf#" -e "s#$ZEO/var#$tmp/var#g" \
            "$ZEO/parts/instance$n/etc/wsgi.ini" >"$tmp/wsgi$n.ini"
    done
    [ "$code" = threads ] && sed -i "s#^threads = .*#threads = 2#" "$tmp/wsgi2.ini"
    if [ "$server" = plain ]; then  # ZODB's eggs only, as plone.recipe.zeoserver builds it without `eggs`
        PYTHONPATH=$(sed -n 's/^PYTHONPATH="\(.*\)"$/\1/p' "$ZEO/parts/zeoserver/bin/runzeo") \
            "$ROOT/.venv/bin/python3.11" -m ZEO.runzeo -C "$tmp/zeo.conf" >"$tmp/zeo.out" 2>&1 &
    else  # the instances' eggs, the add-on among them
        "$PY" "$top/runzeo.py" -C "$tmp/zeo.conf" >"$tmp/zeo.out" 2>&1 &
    fi
    pids+=($!)
    wait_for_zeo $!
    .venv-bench/bin/python -u -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >"$tmp/mail.log" 2>&1 &
    pids+=($!)
    SITE_DEMO=${demo:-0} "$PY" -m Zope2.utilities.zconsole run "$tmp/zope1.conf" scripts/create_site.py >"$tmp/site.log" 2>&1 \
        || { tail -30 "$tmp/site.log" >&2; exit 1; }
    "$PY" -m Zope2.utilities.zconsole run "$tmp/zope1.conf" benchmarks/bench/filing_site.py "$SMTP_PORT" Filer-secret-1 $rules \
        >>"$tmp/site.log" 2>&1 || { tail -30 "$tmp/site.log" >&2; exit 1; }
    for n in 1 2; do
        FILING_PLAIN_TREES=$([ -n "$trees" ] && echo 1 || echo 0) FILING_INLINE_FLAG=$tmp/send-inline \
            FILING_SWITCH_FLAG=$([ "$code" = switch ] && echo "$tmp/switch-1ms" || true) \
            FILING_NOSPOOL_FLAG=$([ "$code" = spool ] && echo "$tmp/no-spool" || true) \
            FILING_GC_DEFAULTS=$([ "$code" = gc ] && [ "$n" = 2 ] && echo 1 || echo 0) \
            FILING_EASYFORM_ORIGINAL=$([ "$code" = easyform ] && [ "$n" = 2 ] && echo 1 || echo 0) \
            "$PY" benchmarks/bench/filing_instance.py "$tmp/wsgi$n.ini" >"$tmp/instance$n.out" 2>&1 &
        pids+=($!)
        instance_pids[n]=$!
    done
    for port in "${PORTS[@]}"; do
        for _ in $(seq 240); do
            curl -fs -o /dev/null "http://127.0.0.1:$port/Plone/apply/complaint" && break
            sleep 0.5
        done
    done
}
