#!/usr/bin/env bash
# Runs every fuzz target for its share of a total time.
#   scripts/fuzz.sh 30m     # make fuzz FUZZTIME=30m
#   scripts/fuzz.sh 24s     # make test's smoke run: a few seconds each
# Go fuzzes one target per package at a time, so the targets run in turn.
# Minimisation is capped: minimising a 10 KB input otherwise stalls a run.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-5m}
targets=(
	"./internal/report FuzzAudit"
	"./internal/report FuzzHTML"
	"./internal/report FuzzLoad"
	"./internal/importer FuzzRegister"
	"./internal/importer FuzzXLSX"
	"./internal/importer FuzzLedger"
	"./internal/workday FuzzNotice"
	"./internal/newmedia FuzzParseFeed"
	"./internal/search FuzzTokens"
	"./internal/importer FuzzPosts"
	"./internal/importer FuzzDocuments"
)
case "$total" in
	*h) secs=$(( ${total%h} * 3600 )) ;;
	*m) secs=$(( ${total%m} * 60 )) ;;
	*s) secs=${total%s} ;;
	*) echo "fuzz.sh: give a time such as 30m or 90s" >&2; exit 2 ;;
esac
each=$(( secs / ${#targets[@]} ))
(( each >= 1 )) || each=1
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "== $name ($pkg) for ${each}s"
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "${each}s" -fuzzminimizetime 50x "$pkg"
done
