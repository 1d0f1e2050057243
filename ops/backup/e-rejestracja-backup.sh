#!/usr/bin/env bash
# Nightly backup of the E-Rejestracja database (issue 14): one pg_dump file in PostgreSQL's custom
# format (compressed, restorable table by table), kept BACKUP_KEEP_DAYS days.
#   DATABASE_URL=postgres://… BACKUP_DIR=/var/backups/e-rejestracja ops/backup/e-rejestracja-backup.sh
# pg_dump must be at least the server's major version (PostgreSQL 17 → postgresql-client-17).
# The dump holds personal data: keep BACKUP_DIR readable by its owner only, and copy it off the
# machine (the hospital's backup system) encrypted.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is required}"
dir="${BACKUP_DIR:-/var/backups/e-rejestracja}"
keep="${BACKUP_KEEP_DAYS:-14}"
umask 077
mkdir -p "$dir"
file="$dir/erejestracja-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" --dbname="$DATABASE_URL"
mv "$file.partial" "$file"
find "$dir" -maxdepth 1 -name 'erejestracja-*.dump' -mtime +"$keep" -delete
echo "$file"
