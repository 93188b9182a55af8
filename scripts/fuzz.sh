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
	"./internal/report FuzzJSONString"
	"./internal/report FuzzContainers"
	"./internal/report FuzzRewrites"
	"./internal/report FuzzWordNumbering"
	"./internal/report FuzzSplitPlaceholders"
	"./internal/report FuzzWordBoxes"
	"./internal/report FuzzIndexText"
	"./internal/report FuzzCJKCodes"
	"./internal/report FuzzSumFormula"
	"./internal/importer FuzzRegister"
	"./internal/importer FuzzXLSX"
	"./internal/importer FuzzLedger"
	"./internal/workday FuzzNotice"
	"./internal/newmedia FuzzParseFeed"
	"./internal/search FuzzTokens"
	"./internal/importer FuzzPosts"
	"./internal/importer FuzzDocuments"
	"./internal/auditor FuzzUnpack"
	"./internal/auditor FuzzMail"
	"./internal/auditor FuzzRAR"
	"./internal/xls FuzzRead"
	"./internal/notify FuzzAddress"
	"./internal/importer FuzzAgencies"
	"./internal/importer FuzzUsers"
	"./internal/redact FuzzFile"
)
case "$total" in
	*h) secs=$(( ${total%h} * 3600 )) ;;
	*m) secs=$(( ${total%m} * 60 )) ;;
	*s) secs=${total%s} ;;
	*) echo "fuzz.sh: give a time such as 30m or 90s" >&2; exit 2 ;;
esac
each=$(( secs / ${#targets[@]} ))
(( each >= 1 )) || each=1
# A run of a few seconds can end with the engine's own "context deadline
# exceeded" while a worker is still busy (no failing input is written): that
# target is run again, up to four times in all (one run in two of make test
# met it once, so a single retry failed CI now and then). A real failure
# writes its input and fails at once.
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "== $name ($pkg) for ${each}s"
	for try in 1 2 3 4; do
		if out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "${each}s" -fuzzminimizetime 50x "$pkg" 2>&1); then
			echo "$out"
			break
		fi
		echo "$out"
		if [[ $try == 4 || "$out" != *"context deadline exceeded"* || "$out" == *"ailing input"* ]]; then
			exit 1
		fi
		echo "== $name: the engine ran out of time without a failing input; again"
	done
done
