# Sourced by scale/run.sh and benchmarks/bench/zeo_set.sh: a PostgreSQL cluster of their own
# (Debian's postgresql package, run as its postgres user), on 127.0.0.1 only, with a database
# "plone" owned by the user "plone".
#   pg_start <directory> <port> <password of plone>: a new cluster in <directory>, started, with
#            the user and the database; or the one made there before, started again
#   pg_stop <directory>: stopped, if it runs
pg_bin() { dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)"; }
pg_start() {
    local directory=$1 port=$2 password=$3 bin made=""
    bin=$(pg_bin)
    if [ ! -e "$directory/PG_VERSION" ]; then
        made=1
        install -d -o postgres -g postgres -m 700 "$directory"
        install -o postgres -m 600 /dev/null "$directory.pw" && echo postgres >"$directory.pw"
        runuser -u postgres -- "$bin/initdb" -D "$directory" -E UTF8 --locale=C.UTF-8 -A scram-sha-256 \
            --pwfile="$directory.pw" -U postgres >/dev/null
    fi
    runuser -u postgres -- "$bin/pg_ctl" -D "$directory" -l "$directory/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $directory" start >/dev/null
    if [ -n "$made" ]; then
        PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE USER plone WITH PASSWORD '$password'"
        PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE plone OWNER plone ENCODING 'UTF8'"
    fi
}
pg_stop() {
    if [ -f "$1/postmaster.pid" ]; then
        runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true
    fi
}
