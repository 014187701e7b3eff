#!/usr/bin/env bash
# Filings over HTTP (issue 17 item 2): the complaint form and POST @cases mixed, against one
# instance and against two instances on one ZEO server, each set on a fresh database in a
# temporary directory, at Zope's default 3 conflict retries. Prints Markdown tables
# (filing_clients.py, filing_conflicts.py).
#   benchmarks/bench/filing_http.sh [filings per row (600)] [client counts (1,4,8)] [at once (50)]
# Sets (FILING_SETS, default "plain:two:plain addon:one,two": before and after this change):
# <storage server>:<instances>[:plain], where the storage server is the ZEO server "plain" (ZODB's
# eggs only: the server cannot import the add-on's classes, so it cannot resolve conflicts on
# them — production.cfg before zeoserver `eggs`) or "addon" (the instances' eggs, as
# production.cfg builds it now), or "rel": PostgreSQL with RelStorage (relstorage.cfg; needs
# root to run PostgreSQL's cluster as its user); instances "one" (all filings to instance 1)
# or "two" (taken in turn); ":plain": the register's bins index their ids in a plain OIBTree, as
# before upgrade 1035, to compare in one run; ":norules": every warning rule switched off (the
# filings without the rules, issue 14); ":alternate": the rules switched on and off between rows
# on the same instance and database (PATCH @registry as the administrator), on / off / off / on
# with half the filings each, so drift over the run (the database growing, the machine) falls
# on both alike; a table of the rules-on ÷ rules-off rates per client count follows (issue 14:
# ≥ 0.9); ":sender": likewise, mail sent by the sender thread or in the request's thread after
# the commit (as before the sender thread), switched between rows by a flag file the instances
# look for (filing_instance.py); ":switch": likewise, the GIL handed over every 1 ms or every 5 ms
# (CPython's default), by a flag file (filing_instance.py); ":threads": likewise, the rows sent to
# instance 1 (4 threads, as built) or to instance 2 (2 threads), on the same ZEO server; ":gc":
# likewise, instance 1 as built or instance 2 with CPython's garbage collector settings
# (garbage_collection.py's tuning left out); FILING_GC_LOG=1 logs every collection over 20 ms;
# ":easyform": likewise, instance 1 as built or instance 2 with collective.easyform's own lookup of
# a field's validator and default (a new class per lookup: class_per_interface's superAdapter left out);
# ":spool": likewise, the messages written to the outbox spool before the sender thread gets them (as
# built) or not (as before the spool), by a flag file (filing_instance.py);
# ":clients": likewise, rows of 1 client and of the largest client count of the list, taken in turn (the
# rate of many clients against one on the same database, not one after the other as the plain sets).
# Needs the builds of `make bench` in var/bench/zeo and (for "rel") var/bench/rel (benchmarks/bench.sh
# zeo_setup) for their eggs and configuration; their databases and ports are not used: everything
# here listens on 127.0.0.1:18390-18393 and is stopped on exit (zeo_set.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FILINGS=${1:-600}
CLIENTS=${2:-1,4,8}
AT_ONCE=${3:-50}
SETS=${FILING_SETS:-plain:two:plain addon:one,two}
conflicts=()
source benchmarks/bench/zeo_set.sh

filing_row() {  # filing_row <label> <filings>: one row of filings by $clients clients to $hosts
    FILING_PIDS="${instance_pids[1]},${instance_pids[2]}" \
        .venv-bench/bin/python benchmarks/bench/filing_clients.py "$1 | $label" "$hosts" "$clients" "$2" \
        "$seq" "$tmp/var/log/instance1.log,$tmp/var/log/instance2.log" "$tmp/mail.log" 2>>"$top/clients.err"
    seq=$((seq + $2))
}
ab_rows() {  # ab_rows <A> <B> <switch>: rows A, B, B, A of half the filings each, "<switch> A|B" before
    # each; the rows also go to $top/ab.md for ab_ratio.py
    for side in "$1" "$2" "$2" "$1"; do
        $3 "$side"
        filing_row "$server_label，$side" "$((n / 2))" >>"$top/ab.md"  # not in a subshell: seq
        tail -1 "$top/ab.md"
    done  # ends on A: the rules on, the sender thread, as the other sets run
    ab_pairs+=("$1 $2")
}
sending_to() {  # sending_to 发送线程|请求内发送: the flag file filing_instance.py looks for
    if [ "$1" = 请求内发送 ]; then touch "$tmp/send-inline"; else rm -f "$tmp/send-inline"; fi
}
switching_every() {  # switching_every 1ms|5ms: the GIL's switch interval, by a flag file (filing_instance.py)
    if [ "$1" = 1ms ]; then touch "$tmp/switch-1ms"; else rm -f "$tmp/switch-1ms"; fi
}
spooling_to() {  # spooling_to 写待发目录|不写待发目录: the flag file filing_instance.py looks for
    if [ "$1" = 不写待发目录 ]; then touch "$tmp/no-spool"; else rm -f "$tmp/no-spool"; fi
}
serving_with() {  # serving_with <changed> <side>: the rows of <changed> to instance 2, the others to instance 1
    if [ "$1" = "$2" ]; then hosts=http://127.0.0.1:${PORTS[1]}; else hosts=$one; fi
}
clients_to() {  # clients_to <n>个客户端: the client count of the next row
    clients=${1%个客户端}
}
rules_to() {  # rules_to 预警规则开|预警规则关: every warning rule, through the registry as the administrator
    local value=true
    [ "$1" = 预警规则关 ] && value=false
    curl -fsS -o /dev/null -u admin:admin -X PATCH -H "Accept: application/json" -H "Content-Type: application/json" \
        "$one/Plone/@registry" -d "{$(for rule in $RULES; do printf '"suizhou.laborrights.warnings.%s_enabled": %s,' "$rule" "$value"; done | sed 's/,$//')}"
}

echo "| 存储服务器 | 实例 | 并发 | 件数 | 丢失 | 不同编号 | 已登记 | 冲突（每件） | 重试用尽 | 件/秒 | p50 ms | p99 ms | 回执邮件（份/应发），重复 | 短信，重复 | 实例 CPU ms/件 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
ab_pairs=()
one=http://127.0.0.1:${PORTS[0]}
two=$one,http://127.0.0.1:${PORTS[1]}
for set in $SETS; do
    server=${set%%:*} code=${set#*:*:} instances_list=${set#*:}
    instances_list=${instances_list%%:*}
    trees="" rules="" code_label="" dir=$server
    if [ "$code" = plain ]; then
        trees=plain code_label="，分箱 id 索引为普通 B 树（1035 之前）" dir=$server-plain
    elif [ "$code" = norules ]; then
        rules=norules code_label="，预警规则全部关闭" dir=$server-norules
    elif [ "$code" = sender ] || [ "$code" = switch ] || [ "$code" = threads ] || [ "$code" = gc ] \
        || [ "$code" = easyform ] || [ "$code" = clients ] || [ "$code" = spool ]; then
        dir=$server-$code
    elif [ "$code" = alternate ]; then
        dir=$server-alternate
        RULES=$("$PY" -c "from suizhou.laborrights.warnings.rules import ALL_RULES; print(' '.join(ALL_RULES))")
    fi
    start_set
    case $server in
        plain) server_label="仅 ZODB（不能解决加载项类的冲突）" ;;
        rel) server_label="PostgreSQL + RelStorage（无历史）" ;;
        *) server_label="含加载项（eggs）" ;;
    esac
    server_label+=$code_label
    seq=1
    for instances in ${instances_list//,/ }; do
        hosts=$one label="1 个"
        [ "$instances" = two ] && hosts=$two label="2 个"
        for clients in ${CLIENTS//,/ } at-once; do
            n=$FILINGS
            [ "$clients" = at-once ] && n=$AT_ONCE
            if [ "$code" = alternate ]; then
                ab_rows 预警规则开 预警规则关 rules_to
            elif [ "$code" = sender ]; then
                ab_rows 发送线程 请求内发送 sending_to
            elif [ "$code" = switch ]; then
                ab_rows 1ms 5ms switching_every
            elif [ "$code" = spool ]; then
                ab_rows 写待发目录 不写待发目录 spooling_to
            elif [ "$code" = threads ]; then
                ab_rows 2线程 4线程 "serving_with 2线程"
            elif [ "$code" = gc ]; then
                ab_rows 回收调整 Python默认 "serving_with Python默认"
            elif [ "$code" = easyform ]; then
                ab_rows 每接口一个类 每次新建类 "serving_with 每次新建类"
            elif [ "$code" = clients ]; then
                [ "$clients" = "${CLIENTS%%,*}" ] || continue  # one block, on the first turn
                ab_rows "${CLIENTS##*,}个客户端" 1个客户端 clients_to
            else
                filing_row "$server_label" "$n"
            fi
        done
    done
    printf '%s：实例 1 %s MB，实例 2 %s MB\n' "$server_label（$dir）" \
        $(for n in 1 2; do echo $(($(ps -o rss= -p "${instance_pids[n]}") / 1024)); done) >>"$top/memory.md"
    stop_set
    conflicts[${#conflicts[@]}]=$dir
done
echo
echo "每组结束时实例的常驻内存（RSS）："
echo
sed 's/^/- /' "$top/memory.md"
for pair in $(printf '%s\n' "${ab_pairs[@]}" | sort -u | tr ' ' ':'); do
    echo
    echo "${pair%%:*}与${pair#*:}对照（同一数据库，逐行切换，各一半件数）："
    python3 benchmarks/bench/ab_ratio.py "${pair%%:*}" "${pair#*:}" <"$top/ab.md"
done
for dir in "${conflicts[@]}"; do  # the objects conflicted on (the storage server again, alone)
    tmp=$top/$dir server=${dir%%-*}
    storage_start
    echo
    echo "冲突对象（$dir）："
    echo
    PYTHONPATH=benchmarks/bench "$py" -m Zope2.utilities.zconsole run "$tmp/zope1.conf" benchmarks/bench/filing_conflicts.py \
        "$tmp/var/log/instance1.log" "$tmp/var/log/instance2.log" 2>>"$top/clients.err"
    stop_set
done
grep -v '^WARNING' "$top/clients.err" >&2 || true
