#!/usr/bin/env bash
# Installs the PostgreSQL server from the distribution's packages when its binaries are missing.
# The tests start their own throwaway clusters (test/postgres-cluster.ts); this only provides initdb,
# pg_ctl and postgres. Needs root (CI runs as root); a developer can run `sudo apt-get install postgresql`.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || [ -n "${MATCHLINE_PG_BIN:-}" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo 'PostgreSQL server binaries are missing: run `sudo apt-get install postgresql` (Debian/Ubuntu)' >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
