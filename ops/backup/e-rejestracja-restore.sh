#!/usr/bin/env bash
# Restores a dump made by e-rejestracja-backup.sh into an EMPTY database (issue 14):
#   createdb -h … -U … erejestracja_restored
#   ops/backup/e-rejestracja-restore.sh FILE.dump postgres://…/erejestracja_restored
# Then point DATABASE_URL at it and start the app: /api/ready reports the migrations as applied
# (a dump of an older version is brought up to date by the app at start).
set -euo pipefail
file="${1:?usage: e-rejestracja-restore.sh FILE.dump TARGET_DATABASE_URL}"
target="${2:?usage: e-rejestracja-restore.sh FILE.dump TARGET_DATABASE_URL}"
tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$target" \
  --command="select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the target database is not empty ($tables tables)" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
echo "restored $file"
