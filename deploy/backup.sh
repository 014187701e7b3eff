#!/usr/bin/env bash
# Back up a FileStorage set-up (development or ZEO): `make backup` (docs/deployment.md, 6.1).
#
# The database with repozo (incremental: only what was written since the last backup; a full
# backup the first time, with FULL=1, after a pack, or when the last full one is older than
# FULL_EVERY_DAYS), then the blob directory (the attachments) as one tar archive named with the
# same UTC time. The database first, the blobs second: a blob the database refers to is always
# in the archive. Safe while the instances (or the ZEO server) run; do not pack meanwhile.
#
#   DATA_FS          the database          (default var/filestorage/Data.fs)
#   BLOB_DIR         the blob directory    (default var/blobstorage)
#   BACKUP_DIR       where backups go      (default var/backups: filestorage/ and blobstorage/)
#   REPOZO           the repozo command    (default bin/repozo, else bin/zopepy -m ZODB.scripts.repozo --)
#   FULL=1           force a full backup;  FULL_EVERY_DAYS (default 7)
#   KEEP_BLOBS       blob archives kept    (default 0: all; repozo's own files are never removed)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_FS=${DATA_FS:-var/filestorage/Data.fs}
BLOB_DIR=${BLOB_DIR:-var/blobstorage}
BACKUP_DIR=${BACKUP_DIR:-var/backups}
FULL_EVERY_DAYS=${FULL_EVERY_DAYS:-7}
KEEP_BLOBS=${KEEP_BLOBS:-0}
if [ -n "${REPOZO:-}" ]; then
    read -r -a repozo <<<"$REPOZO"
elif [ -x bin/repozo ]; then
    repozo=(bin/repozo)
else
    repozo=(bin/zopepy -m ZODB.scripts.repozo --)
fi

if [ ! -f "$DATA_FS" ]; then
    echo "备份失败：没有数据库文件 $DATA_FS。 / No database at $DATA_FS." >&2
    exit 1
fi
mkdir -p "$BACKUP_DIR/filestorage" "$BACKUP_DIR/blobstorage"

full=()
last_full=$(find "$BACKUP_DIR/filestorage" -maxdepth 1 -name '*.fs*' ! -name '*.deltafs*' \
    -mtime -"$FULL_EVERY_DAYS" | head -1)
if [ "${FULL:-0}" = 1 ] || [ -z "$last_full" ]; then
    full=(-F)
fi
newest_backup() { ls -1 "$BACKUP_DIR/filestorage" | { grep -E '\.(fs|deltafs)z?$' || true; } | sort | tail -1; }
before=$(newest_backup)
"${repozo[@]}" -B "${full[@]}" -z -r "$BACKUP_DIR/filestorage" -f "$DATA_FS"
newest=$(newest_backup)
if [ "$newest" = "$before" ]; then
    echo "No change since the last backup ($before): nothing written."
    exit 0
fi
stamp=${newest%%.*}  # repozo's name: 2026-12-02-03-30-00.fsz (UTC)

if [ -d "$BLOB_DIR" ]; then
    tar -czf "$BACKUP_DIR/blobstorage/$stamp.tar.gz" -C "$(dirname "$BLOB_DIR")" "$(basename "$BLOB_DIR")"
fi
if [ "$KEEP_BLOBS" -gt 0 ]; then
    ls -1 "$BACKUP_DIR/blobstorage"/*.tar.gz | sort | head -n -"$KEEP_BLOBS" | xargs -r rm -f
fi
kind=$([ ${#full[@]} -gt 0 ] && echo "full" || echo "incremental")
echo "Backup $stamp ($kind): $BACKUP_DIR/filestorage/$newest, $BACKUP_DIR/blobstorage/$stamp.tar.gz"
