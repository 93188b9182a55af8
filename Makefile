# gongkai — every target works on a fresh machine with Go 1.26.
GO ?= go
# Pure Go: one binary that cross-compiles to linux/arm64 and loong64.
export CGO_ENABLED = 0

FUZZTIME ?= 5m

.PHONY: run test unit fuzz-smoke fuzz crash bench lint cross cross-desktop build

run:
	$(GO) run ./cmd/gongkai serve --demo

build:
	$(GO) build -trimpath -o gongkai ./cmd/gongkai

# Everything CI runs: static checks, every test (SQLite and PostgreSQL), a short fuzz run, cross builds.
test: lint unit fuzz-smoke cross

# Store tests run on SQLite and on a throwaway PostgreSQL cluster (scripts/with-pg.sh);
# document tests check PDFs with poppler-utils (scripts/ensure-tools.sh installs it).
unit:
	scripts/ensure-tools.sh
	scripts/with-pg.sh $(GO) test -count=1 -timeout 30m ./...

# The fuzz seed corpora also run in `unit`; this explores each target
# (scripts/fuzz.sh lists them) for a few more seconds.
fuzz-smoke:
	scripts/fuzz.sh 28s

# The crash harness for longer: serve on SQLite and PostgreSQL killed with
# SIGKILL CRASH_ROUNDS times under load (make test runs 3 rounds).
CRASH_ROUNDS ?= 25
crash:
	GONGKAI_CRASH_ROUNDS=$(CRASH_ROUNDS) scripts/with-pg.sh $(GO) test -count=1 -run '^TestCrash$$' -v ./cmd/gongkai

# Every target for its share of FUZZTIME.
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./...

# staticcheck and errcheck are pinned tool dependencies in go.mod (go tool …);
# errcheck's allowed drops are listed, with reasons, in .errcheck-exclude.
# internal/lint (function length, migration numbering) runs with the unit tests.
lint:
	$(GO) vet ./...
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) tool staticcheck ./...
	$(GO) tool errcheck -ignoretests -exclude .errcheck-exclude ./...

cross:
	GOOS=linux GOARCH=arm64 $(GO) build -o /dev/null ./cmd/gongkai
	GOOS=linux GOARCH=loong64 $(GO) build -o /dev/null ./cmd/gongkai

# A clerk's or an auditor's desktop: the same binary for Windows and macOS
# (not in `make test`: two more cold builds, and the servers run Linux).
cross-desktop:
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/gongkai
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/gongkai
