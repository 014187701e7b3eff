# Sourced by the benchmark scripts (from the repository root): a temporary directory $tmp and
# in it $tmp/zope.conf, the instance's own configuration pointed at a fresh FileStorage there,
# so the site's var/ is never touched. The caller removes $tmp on exit.
#   write_zope_conf [production] [sed expression ...]
# production: debug mode and verbose security off, the C security policy (as deployed).
tmp=$(mktemp -d)

write_zope_conf() {
    # Its own instance home with an initial administrator (admin/admin, throw-away data): Zope
    # consumes the inituser file it finds there, and the developer's parts/instance keeps its own.
    printf 'admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=\n' > "$tmp/inituser"
    local expressions=(-e "s#$(pwd)/var/filestorage/Data.fs#$tmp/Data.fs#"
                       -e "s#$(pwd)/var/blobstorage#$tmp/blobs#"
                       -e "s#^instancehome .*#instancehome $tmp#"
                       -e "s#^ *LABORRIGHTS_OUTBOX_SPOOL .*#LABORRIGHTS_OUTBOX_SPOOL $tmp/outbox-spool#")
    if [ "${1:-}" = production ]; then
        shift
        expressions+=(-e "s#^debug-mode on#debug-mode off#"
                      -e "s#^verbose-security on#verbose-security off#"
                      -e "s#^security-policy-implementation python#security-policy-implementation C#")
    fi
    for expression in "$@"; do
        expressions+=(-e "$expression")
    done
    sed "${expressions[@]}" parts/instance/etc/zope.conf > "$tmp/zope.conf"
}
