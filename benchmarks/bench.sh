#!/usr/bin/env bash
# make bench (issue 17 item 6): the set-ups measured side by side in one run, the results written
# into docs/performance.md between the markers "bench:begin" and "bench:end" (a rerun replaces
# them), with the date, the machine (nproc, memory, load average at the start) and the targets
# beside the numbers (targets are reported, never asserted):
#
#   pages    anonymous pages (home, station finder, a guide) against the stock Plone front page:
#            uncached, with plone.app.caching's RAM cache, and through Varnish (deploy/varnish.vcl)
#            — locust, headless, pinned, in .venv-bench; loopback only, bounded in users and time
#   zeo      one ZEO instance against two (anonymous rate, uncached, the same locust load)
#   filing   filings over HTTP (form and @cases mixed) with 1, 4 and 8 clients on one and two ZEO
#            instances, the same on PostgreSQL + RelStorage (Debian's postgresql, a cluster of its
#            own), and on one ZEO instance with the warning rules switched on and off between rows
#            (bench/filing_http.sh, its own ports 18390-18393), and with 1, 4 and 8 writers in one
#            process (register_concurrency.py), at Zope's default 3 retries
#   register lookup (api_load.py), worklists (worklists.py), statistics (statistics.py), the
#            warning rules (warnings.py) at
#            BENCH_CASES cases, each on a copy of one generated register (benchmarks/dataset.sh:
#            built once into var/bench-data/cases-N/ and reused; its build time reported)
#   storage  Data.fs bytes per case before and after packing against a plain Dexterity item
#
# Settings (environment): BENCH_CASES (default 100000), BENCH_SECONDS per page and mode (20),
# BENCH_USERS locust users (8), BENCH_FILINGS per writer count (600), BENCH_LOOKUPS (2000),
# BENCH_STORAGE_ITEMS (10000), BENCH_PHASES (pages,zeo,filing,register,storage), BENCH_LABEL
# (a note printed under the section's heading, e.g. "small verification run").
# The ZEO set-up is built in var/bench/zeo/ (production.cfg, eggs shared with the checkout);
# everything listens on 127.0.0.1:18300-18382; whatever this script starts it stops on exit
# (Ctrl-C included). Varnish comes from Debian (installed when missing, needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3.11}
CASES=${BENCH_CASES:-100000}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
USERS=${BENCH_USERS:-8}
FILINGS=${BENCH_FILINGS:-600}
LOOKUPS=${BENCH_LOOKUPS:-2000}
STORAGE_ITEMS=${BENCH_STORAGE_ITEMS:-10000}
PHASES=${BENCH_PHASES:-pages,zeo,filing,register,storage}
ZEO_PORT=18300 I1=18381 I2=18382 VARNISH_PORT=18380
ZEO=$ROOT/var/bench/zeo REL=$ROOT/var/bench/rel
RUN=$(mktemp -d /tmp/laborrights-bench.XXXXXX)
chmod 755 "$RUN"
began=$(date +%s)

log() { echo "== bench [$(( $(date +%s) - began )) s]: $*" >&2; }
stop_all() {
    status=$?
    set +e
    log "stopping everything it started"
    [ -f "$RUN/varnish.pid" ] && kill "$(cat "$RUN/varnish.pid")" 2>/dev/null
    for instance in instance1 instance2; do
        [ -x "$ZEO/bin/$instance" ] && "$ZEO/bin/$instance" stop >/dev/null 2>&1
    done
    [ -x "$ZEO/bin/zeoserver" ] && "$ZEO/bin/zeoserver" stop >/dev/null 2>&1
    rm -rf "$RUN"
    exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT TERM
wants() { [[ ",$PHASES," == *",$1,"* ]]; }
source scale/build_setup.sh

# --- the machine, at the start ---------------------------------------------------------------
{
    echo "- 日期：$(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M') 北京时间"
    echo "- 机器：$(nproc) 核（$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')），"\
"内存 $(free -g | awk '/^Mem:/ {print $2}') GiB，开始时负载均值 $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- 设置：BENCH_CASES=$CASES，每页每种方式 ${SECONDS_PER_RUN} s、locust ${USERS} 个用户，"\
"登记每种并发 $FILINGS 件，查询 $LOOKUPS 次，存储 $STORAGE_ITEMS 件；阶段 $PHASES"
    [ -n "${BENCH_LABEL:-}" ] && echo "- **$BENCH_LABEL**"
} >"$RUN/00-machine.md"

# --- the ZEO set-up and locust (pages, zeo) ---------------------------------------------------
wait_http() {  # wait_http <url>: until it answers 200 (3 minutes at most)
    for _ in $(seq 360); do
        curl -fs -o /dev/null -H "Host: localhost" "$1" && return 0
        sleep 0.5
    done
    echo "$1 did not answer within 3 minutes" >&2
    return 1
}
zeo_setup() {
    log "locust (benchmarks/bench/requirements.txt, pinned) in .venv-bench"
    if [ ! .venv-bench/bin/locust -nt benchmarks/bench/requirements.txt ]; then
        "$PYTHON" -m venv .venv-bench
        .venv-bench/bin/pip install --quiet -r benchmarks/bench/requirements.txt
        touch .venv-bench/bin/locust
    fi
    # production.cfg (debug mode off, ZEO) with the development environment: the public pages
    # measured are the demo content's (guides, stations), which a production instance refuses.
    log "ZEO set-up in var/bench/zeo/ (production.cfg), a site with the demo content and /stock"
    if ! command -v curl >/dev/null || ! command -v varnishd >/dev/null || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl varnish postgresql >/dev/null
    fi
    make --no-print-directory .venv/bin/buildout PYTHON="$PYTHON"
    build_setup "$ZEO" production.cfg "site:admin=admin:Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
        site:environment=development ports:zeoserver=$ZEO_PORT ports:instance1=$I1 ports:instance2=$I2 \
        site:caching-proxy=http://127.0.0.1:$VARNISH_PORT >"$RUN/buildout.log" 2>&1 \
        || { tail -30 "$RUN/buildout.log"; return 1; }
    log "RelStorage build in var/bench/rel/ (relstorage.cfg): its eggs and configuration for filing_http.sh's rel set"
    build_setup "$REL" relstorage.cfg "site:admin=admin:unused" site:environment=development relstorage:host=127.0.0.1 \
        >"$RUN/buildout-rel.log" 2>&1 || { tail -30 "$RUN/buildout-rel.log"; return 1; }
    "$ZEO/bin/zeoserver" start >/dev/null
    SITE_DEMO=1 "$ZEO/bin/instance1" run scripts/create_site.py \
        >"$RUN/site.log" 2>&1 || { tail -30 "$RUN/site.log"; return 1; }
    "$ZEO/bin/instance1" run benchmarks/bench/sites.py stock >>"$RUN/site.log" 2>&1 \
        || { tail -30 "$RUN/site.log"; return 1; }
}
caching() {  # caching uncached|ram|varnish: the mode of both sites (a separate ZEO client)
    if [ "$1" = varnish ]; then
        for site in Plone stock; do
            SITE_ID=$site LABORRIGHTS_CACHING_PROXY=http://127.0.0.1:$VARNISH_PORT \
                "$ZEO/bin/instance1" run scripts/setup_caching.py >>"$RUN/site.log" 2>&1
        done
    else
        "$ZEO/bin/instance1" run benchmarks/bench/sites.py "$1" >>"$RUN/site.log" 2>&1
    fi
}
PAGES=("stock Plone front page|/stock" "home page|/Plone" "station finder|/Plone/stations"
       "guide page|/Plone/guides/wage-arrears-checklist")
locust_run() {  # locust_run <hosts> <path> <csv prefix>: prints "req/s p50 p95 failures requests"
    local hosts=$1 path=$2 prefix=$3 url
    for url in ${hosts//,/ }; do  # warm up: templates compiled, caches filled
        for _ in $(seq 10); do curl -s -o /dev/null -H "Host: localhost" "$url$path"; done
    done
    BENCH_HOSTS=$hosts BENCH_PATH=$path timeout --foreground $(( SECONDS_PER_RUN + 60 )) .venv-bench/bin/locust \
        -f benchmarks/bench/locustfile.py --headless --users "$USERS" --spawn-rate "$USERS" \
        --run-time "${SECONDS_PER_RUN}s" --stop-timeout 5 --only-summary --csv "$prefix" \
        --loglevel WARNING >"$prefix.log" 2>&1 || true  # locust exits 1 when a request failed
    "$PYTHON" benchmarks/bench/locust_stats.py "$prefix"_stats.csv
}

phase_pages() {
    local out=$RUN/10-pages.md mode name path line
    log "pages: instance 1 alone, uncached / RAM cache; then Varnish in front of both instances"
    "$ZEO/bin/instance1" start >/dev/null
    wait_http "http://127.0.0.1:$I1/Plone"
    : >"$RUN/pages.txt"
    for mode in uncached ram varnish; do
        caching "$mode"
        local hosts=http://127.0.0.1:$I1
        if [ "$mode" = varnish ]; then
            "$ZEO/bin/instance2" start >/dev/null
            wait_http "http://127.0.0.1:$I2/Plone"
            sed -e "s/\"8081\"/\"$I1\"/" -e "s/\"8082\"/\"$I2\"/" deploy/varnish.vcl >"$RUN/varnish.vcl"
            varnishd -a 127.0.0.1:$VARNISH_PORT -T none -n "$RUN/varnish" -P "$RUN/varnish.pid" \
                -f "$RUN/varnish.vcl" -s malloc,64m
            wait_http "http://127.0.0.1:$VARNISH_PORT/Plone"
            hosts=http://127.0.0.1:$VARNISH_PORT
        fi
        for line in "${PAGES[@]}"; do
            name=${line%%|*} path=${line#*|}
            log "pages: $mode $path"
            echo "$mode|$name|$path|$(locust_run "$hosts" "$path" "$RUN/pages-$mode-${path//\//_}")" >>"$RUN/pages.txt"
        done
    done
    # The Varnish rates are hits (deploy/varnish.vcl sets X-Cache), not the backends'.
    curl -s -o /dev/null -D - -H "Host: localhost" "http://127.0.0.1:$VARNISH_PORT/Plone" \
        | tr -d '\r' | grep -i '^x-cache:' >"$RUN/xcache.txt" || echo "X-Cache: (none)" >"$RUN/xcache.txt"
    kill "$(cat "$RUN/varnish.pid")" && rm -f "$RUN/varnish.pid"
    "$ZEO/bin/instance2" stop >/dev/null
    {
        echo "### 匿名页面：不缓存、plone.app.caching 内存缓存、经 Varnish"
        echo
        echo "locust（FastHttpUser，无等待）$USERS 个用户、每页每种方式 ${SECONDS_PER_RUN} s，只在本机回环地址；"\
"不缓存与内存缓存：实例 1 单独（ZEO 客户端）；Varnish：deploy/varnish.vcl，后端两个实例"\
"（测后再请求首页一次：\`$(cat "$RUN/xcache.txt")\`）。locust 与实例、Varnish 在同一台机器上，"\
"经 Varnish 的速率受负载发生器本身所限（是下限）。目标：经 Varnish ≥ 不缓存的 100 倍。"
        echo
        "$PYTHON" benchmarks/bench/pages_table.py <"$RUN/pages.txt"
    } >"$out"
}

phase_zeo() {
    local out=$RUN/20-zeo.md line name path one two
    log "zeo: one instance against two (uncached)"
    caching uncached
    "$ZEO/bin/instance1" start >/dev/null 2>&1 || true
    "$ZEO/bin/instance2" start >/dev/null
    wait_http "http://127.0.0.1:$I1/Plone" && wait_http "http://127.0.0.1:$I2/Plone"
    {
        echo "### 一个实例与 ZEO 上两个实例（匿名、不缓存）"
        echo
        echo "同样的 locust 负载（$USERS 个用户、${SECONDS_PER_RUN} s）；两个实例时用户轮流分到两个实例（不经负载均衡器）。目标：两个实例 ≥ 一个的 1.6 倍。"
        echo
        echo "| 页面 | 一个实例 req/s | 两个实例 req/s | 倍数（目标 ≥ 1.6） | 失败（一个 / 两个） |"
        echo "|---|---|---|---|---|"
        for line in "${PAGES[@]:1:2}"; do
            name=${line%%|*} path=${line#*|}
            one=$(locust_run "http://127.0.0.1:$I1" "$path" "$RUN/zeo-one-${path//\//_}")
            two=$(locust_run "http://127.0.0.1:$I1,http://127.0.0.1:$I2" "$path" "$RUN/zeo-two-${path//\//_}")
            # shellcheck disable=SC2086
            set -- $one $two
            echo "| $name \`$path\` | $1 | $6 | $(awk "BEGIN {printf \"%.2f\", ($1 > 0 ? $6 / $1 : 0)}") | $4 / $9 |"
        done
    } >"$out"
    "$ZEO/bin/instance1" stop >/dev/null
    "$ZEO/bin/instance2" stop >/dev/null
}

phase_filing() {
    local out=$RUN/30-filing.md
    log "filing over HTTP: complaint form and POST @cases mixed, one and two instances on ZEO and on RelStorage (benchmarks/bench/filing_http.sh)"
    FILING_SETS="addon:one,two rel:one,two addon:one:alternate" \
        benchmarks/bench/filing_http.sh "$FILINGS" 1,4,8 50 >"$RUN/filing-http.txt" 2>"$RUN/filing-http.err" \
        || { tail -30 "$RUN/filing-http.err" >&2; return 1; }
    log "filing over HTTP: 4 clients against 1 in turn on one database (benchmarks/bench/filing_http.sh :clients)"
    FILING_SETS="addon:one:clients" benchmarks/bench/filing_http.sh "$FILINGS" 1,4 0 >"$RUN/filing-clients.txt" \
        2>"$RUN/filing-clients.err" || { tail -30 "$RUN/filing-clients.err" >&2; return 1; }
    log "filing in one process: 1, 4 and 8 writers, $FILINGS filings each, 3 retries"
    benchmarks/register_concurrency.sh 1,4,8 0 --total="$FILINGS" --scenarios=filing --retries=3 >"$RUN/filing.txt"
    {
        echo "### 登记（HTTP）：网上申请表与 POST @cases 各半，ZEO 与 RelStorage 上一个实例与两个实例（Zope 默认 3 次重试）"
        echo
        echo "benchmarks/bench/filing_http.sh：每组设置一个新数据库（ZEO 服务器，或 PostgreSQL 上的 RelStorage：无历史、附件存库中）；每种并发 $FILINGS 件，另 50 件同时发出。"\
"“预警规则开/关”一组在另一个新数据库的一个实例上，每种并发分四行、各一半件数，管理员在行与行之间经 @registry 打开或关闭全部预警规则（开、关、关、开：数据库变大和机器的漂移对两边一样），表后合计（议题 14：规则开着的登记速率应 ≥ 关闭时的 0.9 倍）。"\
"目标（议题 17）：不丢件；每件冲突 < 0.05；p99 < 1 s；4 个客户端的速率 ≥ 1 个的 0.9 倍；回执各发一次。"
        echo
        cat "$RUN/filing-http.txt"
        echo
        echo "#### 4 个客户端与 1 个客户端轮流（同一数据库）"
        echo
        echo "上表的 1、4、8 个客户端依次运行，后面的行落在更大的数据库上。这里在一个新数据库的一个实例上按 4、1、1、4 个客户端"\
"轮流运行四行，各 $((FILINGS / 2)) 件，两种并发面对同样的数据库增长（filing_http.sh 的 :clients 一组），表后合计（议题 17：≥ 0.9）。"
        echo
        cat "$RUN/filing-clients.txt"
        echo
        echo "### 登记（同一进程）：1、4、8 个并发写入者（Zope 默认 3 次重试）"
        echo
        echo "benchmarks/register_concurrency.py 的公开申请场景（file_case），每种并发共 $FILINGS 件。"
        echo
        grep '^|' "$RUN/filing.txt" | awk -F'|' 'NR == 1 {print $0 " 每件冲突 |"; next}
            NR == 2 {print $0 "---|"; next}
            {printf "%s %.3f |\n", $0, ($5 > 0 ? $8 / $5 : 0)}'
    } >"$out"
}

phase_register() {
    local out=$RUN/40-register.md
    log "register: the generated register of $CASES cases (built unless var/bench-data holds it)"
    benchmarks/dataset.sh "$CASES" >"$RUN/dataset.txt"
    log "register: lookup at $CASES cases"
    benchmarks/api_load.sh "$CASES" 200 "$LOOKUPS" 4 >"$RUN/lookup.txt"
    log "register: worklists at $CASES cases"
    benchmarks/worklists.sh "$CASES" >"$RUN/worklists.txt" 2>"$RUN/worklists.err"
    log "register: statistics at $CASES cases"
    benchmarks/statistics.sh "$CASES" >"$RUN/statistics.txt" 2>"$RUN/statistics.err"
    log "register: warning rules at $CASES cases"
    benchmarks/warnings.sh "$CASES" 50 >"$RUN/warnings.txt" 2>"$RUN/warnings.err"
    {
        echo "### $CASES 件事项：进度查询、工作台、统计、预警规则"
        echo
        echo "四项共用一个生成的登记库（benchmarks/dataset.sh：六个区县、各类争议、各种状态、三年），"\
"每项在它的副本上运行。$(sed -n 's/^built \(.*\) Beijing time in \(.*\) s$/生成于 \1（北京时间），用时 \2 秒。/p' "$RUN/dataset.txt")"\
"目标：查询 p95 < 50 ms，工作台 p95 < 100 ms。"
        echo
        echo "#### 进度查询（benchmarks/api_load.py，1 个与 4 个客户端，客户端在自己的进程里）"
        echo
        grep -E '^(register|clients|server)' "$RUN/lookup.txt" | sed 's/^/- /'
        echo "- 手机号不符（wrong phone）：客户端来自同一地址，跳过验证题，计数照生产方式读写（每个键最多保留限额个时间）；"\
"“budgets lifted to 10⁹”一行是 2026-12-04 以前的测法（每个键保留每次失败的时间），作对照"
        echo
        sed -n '/^| measure/,$p' "$RUN/lookup.txt"
        echo
        echo "#### 工作台（benchmarks/worklists.py）"
        echo
        grep '^|' "$RUN/worklists.txt"
        echo
        echo "#### 统计（benchmarks/statistics.py，全市一年；p50 = 10 次热运行的中位数，另列最慢一次）"
        echo
        grep '^|' "$RUN/statistics.txt"
        echo
        echo "#### 预警规则（benchmarks/warnings.py：一件事项的规则时间；同一进程内一件接一件登记，规则开、关交替）"
        echo
        echo "目标：一件新的或有变动的事项的规则 < 50 ms。申请人经 HTTP 登记时规则开、关的对照在上面的“登记（HTTP）”。"
        echo
        grep -E '^(Rules for|Filing throughput|Warnings raised)' "$RUN/warnings.txt" | sed 's/^/- /'
    } >"$out"
}

phase_storage() {
    local out=$RUN/50-storage.md
    log "storage: $STORAGE_ITEMS cases and $STORAGE_ITEMS plain items, Data.fs before and after packing"
    (
        source benchmarks/fresh_storage.sh
        trap 'rm -rf "$tmp"' EXIT
        write_zope_conf production
        PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$tmp/zope.conf" benchmarks/bench/storage_size.py \
            "$STORAGE_ITEMS" 2>"$RUN/storage.err" || { tail -30 "$RUN/storage.err" >&2; exit 1; }
    ) >"$RUN/storage.txt"
    {
        echo "### Data.fs：每件事项的字节数，打包前后，与普通 Dexterity 条目对比"
        echo
        echo "目标：打包后 ≤ 普通条目的 1.5 倍。"
        echo
        grep -v '^$' "$RUN/storage.txt" | sed '1s/^/- /;1a\\'
    } >"$out"
}

if wants pages || wants zeo || wants filing; then  # filing: the build's eggs and configuration
    zeo_setup
fi
for phase in pages zeo filing register storage; do
    if wants "$phase"; then
        started=$(date +%s)
        # A failed phase is reported and the next one runs (`set -e` holds inside the subshell,
        # which is in no `if`: there bash would ignore it).
        set +e
        # Ctrl-C: the phase ends after its current command (each is bounded), then stop_all.
        (trap 'exit 130' INT TERM; set -e; "phase_$phase")
        status=$?
        set -e
        [ "$status" -eq 130 ] && exit 130
        if [ "$status" -ne 0 ]; then
            log "phase $phase failed (status $status)"
            echo "### 阶段 $phase：未完成（出错，状态 $status，见运行输出）" >"$RUN/9-$phase-failed.md"
        fi
        echo "- 阶段 $phase：$(( $(date +%s) - started )) s" >>"$RUN/99-durations.md"
    fi
done
echo "- 共 $(( $(date +%s) - began )) s" >>"$RUN/99-durations.md"
"$PYTHON" benchmarks/bench/write_section.py docs/performance.md "$RUN"
log "docs/performance.md updated"
