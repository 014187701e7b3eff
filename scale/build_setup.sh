# Sourced by scale/run.sh and benchmarks/bench.sh (ROOT set): a set-up built in a directory of
# its own from one of the repository's buildout profiles, sharing the checkout's eggs, never in
# the developers' bin/ and parts/.
#   build_setup <directory> <profile> <buildout options…>: a buildout.cfg extending
#   profiles/<profile>; the data of the previous run removed (var/: a fresh database every run,
#   the built parts stay); buildout run quietly, offline (-N)
build_setup() {
    local directory=$1 profile=$2
    shift 2
    mkdir -p "$directory"
    printf '[buildout]\nextends = %s/profiles/%s\ndevelop = %s\neggs-directory = %s/eggs\n' \
        "$ROOT" "$profile" "$ROOT" "$ROOT" >"$directory/buildout.cfg"
    rm -rf "$directory/var"
    (cd "$directory" && "$ROOT/.venv/bin/buildout" -N -q -c buildout.cfg "$@")
}
