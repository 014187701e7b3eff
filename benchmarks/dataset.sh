#!/usr/bin/env bash
# The generated register of N cases (benchmarks/dataset.py), built once into
# var/bench-data/cases-N/ (FileStorage, its index and blobs; git-ignored) and reused.
#
#   benchmarks/dataset.sh N          build it now unless it is there (e.g. nohup nice -n 10 …)
#   benchmarks/dataset.sh N upgrade  run the add-on's pending upgrade steps on the stored dataset
#                                    itself, once, instead of on every copy (no run is going on)
#   source benchmarks/dataset.sh     (from the repository root, in a benchmark script), then
#   use_dataset N [production]       $tmp/zope.conf on a copy of the dataset in $tmp: a run never
#                                    changes the dataset; the script's benchlib.dataset_site()
#                                    runs the add-on's pending upgrade steps on the copy.
# A dataset of another generator version (dataset.py's VERSION) is built anew. Two runs that
# need the same dataset at once: the second waits for the first's build (flock).
set -euo pipefail

dataset_dir() { echo "var/bench-data/cases-$1"; }

dataset_conf() {  # dataset_conf <directory>: a zope.conf file (printed: its path) on that storage
    local conf
    conf=$(mktemp)
    printf 'admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=\n' >"$1/inituser"
    sed -e "s#$(pwd)/var/filestorage/Data.fs#$(pwd)/$1/Data.fs#" \
        -e "s#$(pwd)/var/blobstorage#$(pwd)/$1/blobs#" \
        -e "s#^instancehome .*#instancehome $(pwd)/$1#" \
        -e "s#^ *LABORRIGHTS_OUTBOX_SPOOL .*#LABORRIGHTS_OUTBOX_SPOOL $(pwd)/$1/outbox-spool#" \
        -e "s#^debug-mode on#debug-mode off#" \
        parts/instance/etc/zope.conf >"$conf"
    echo "$conf"
}

build_dataset() {  # build_dataset N: unless var/bench-data/cases-N holds this version's dataset
    local cases=$1 dir version conf partial
    dir=$(dataset_dir "$cases")
    version=$(sed -n 's/^VERSION = //p' benchmarks/dataset.py)
    mkdir -p var/bench-data
    exec 9>"var/bench-data/cases-$cases.lock"
    flock 9
    if ! grep -qx "version $version" "$dir/dataset.txt" 2>/dev/null; then
        partial=$dir.partial
        rm -rf "$partial" && mkdir -p "$partial"
        conf=$(dataset_conf "$partial")
        echo "Building $cases cases into $dir (once; later runs copy it)" >&2
        PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$conf" benchmarks/dataset.py "$cases" \
            >"$partial/dataset.txt" 2> >(grep --line-buffered -v Warning >&2)
        rm -f "$conf" "$partial/inituser" "$partial/Data.fs.tmp" "$partial/Data.fs.lock"
        rm -rf "$dir" && mv "$partial" "$dir"
    fi
    exec 9>&-
}

upgrade_dataset() {  # upgrade_dataset N: the pending upgrade steps, on the stored dataset
    local dir conf
    build_dataset "$1"
    dir=$(dataset_dir "$1")
    exec 9>"var/bench-data/cases-$1.lock"
    flock 9
    conf=$(dataset_conf "$dir")
    PYTHONPATH=benchmarks/shared bin/zopepy -m Zope2.utilities.zconsole run "$conf" benchmarks/dataset_upgrade.py \
        >>"$dir/dataset.txt" 2> >(grep --line-buffered -v Warning >&2)
    rm -f "$conf" "$dir/inituser" "$dir/Data.fs.tmp" "$dir/Data.fs.lock"
    exec 9>&-
}

use_dataset() {  # use_dataset N [production]: fresh_storage.sh's $tmp/zope.conf on a copy
    build_dataset "$1"
    source benchmarks/fresh_storage.sh
    trap 'rm -rf "$tmp"' EXIT
    write_zope_conf ${2:+"$2"}
    local dir
    dir=$(dataset_dir "$1")
    cp "$dir/Data.fs" "$dir/Data.fs.index" "$tmp/"
    cp -r "$dir/blobs" "$tmp/blobs"
    echo "Dataset: $dir (built $(sed -n 's/^built //p' "$dir/dataset.txt")$(sed -n 's/^upgraded/; upgraded/p' \
        "$dir/dataset.txt" | tail -1))" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    cd "$(dirname "$0")/.."
    if [ "${2:-}" = upgrade ]; then
        upgrade_dataset "${1:?usage: benchmarks/dataset.sh N [upgrade]}"
    else
        build_dataset "${1:?usage: benchmarks/dataset.sh N [upgrade]}"
    fi
    cat "$(dataset_dir "$1")/dataset.txt"
fi
