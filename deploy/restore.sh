#!/usr/bin/env bash
# Restore a FileStorage set-up from deploy/backup.sh's backups: `make restore` (docs/deployment.md 6.1).
# Stop the instances (and the ZEO server) first.
#
# The database from repozo's full backup and the incremental ones after it, the blob directory
# from the archive of the same backup. BACKUP_DATE=2026-12-02-03-30-00 (UTC, a backup's name)
# restores the state of that moment instead of the latest. What was there before is kept beside
# it (Data.fs.before-restore-<time>, blobstorage.before-restore-<time>): delete it once the
# restored site is checked. DATA_FS, BLOB_DIR, BACKUP_DIR, REPOZO as for deploy/backup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_FS=${DATA_FS:-var/filestorage/Data.fs}
BLOB_DIR=${BLOB_DIR:-var/blobstorage}
BACKUP_DIR=${BACKUP_DIR:-var/backups}
if [ -n "${REPOZO:-}" ]; then
    read -r -a repozo <<<"$REPOZO"
elif [ -x bin/repozo ]; then
    repozo=(bin/repozo)
else
    repozo=(bin/zopepy -m ZODB.scripts.repozo --)
fi

if [ -f "$DATA_FS.lock" ] && command -v fuser >/dev/null && fuser "$DATA_FS.lock" >/dev/null 2>&1; then
    echo "恢复失败：数据库正在使用，请先停止实例和 ZEO 服务器。 / Stop the instances first." >&2
    exit 1
fi
at=()
if [ -n "${BACKUP_DATE:-}" ]; then
    at=(-D "$BACKUP_DATE")
fi
# The blob archive of the backup restored: the newest one not after BACKUP_DATE.
blobs=$(ls -1 "$BACKUP_DIR/blobstorage" 2>/dev/null | sort \
    | awk -v until="${BACKUP_DATE:-9999}" '$0 <= until ".tar.gz"' | tail -1)

moment=$(date -u +%Y-%m-%d-%H-%M-%S)
mkdir -p "$(dirname "$DATA_FS")"
if [ -f "$DATA_FS" ]; then
    mv "$DATA_FS" "$DATA_FS.before-restore-$moment"
fi
rm -f "$DATA_FS.index" "$DATA_FS.tmp" "$DATA_FS.lock"
"${repozo[@]}" -R "${at[@]}" -r "$BACKUP_DIR/filestorage" -o "$DATA_FS"
echo "Database restored: $DATA_FS"

if [ -n "$blobs" ]; then
    if [ -d "$BLOB_DIR" ]; then
        mv "$BLOB_DIR" "$BLOB_DIR.before-restore-$moment"
    fi
    mkdir -p "$(dirname "$BLOB_DIR")"
    tmp=$(mktemp -d "$(dirname "$BLOB_DIR")/.restore.XXXXXX")
    tar -xzf "$BACKUP_DIR/blobstorage/$blobs" -C "$tmp"
    mv "$tmp"/* "$BLOB_DIR"
    rmdir "$tmp"
    echo "Blobs restored: $BLOB_DIR (from $blobs)"
else
    echo "警告：没有附件目录的备份。 / No blob archive in $BACKUP_DIR/blobstorage." >&2
fi
