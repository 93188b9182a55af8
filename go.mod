module gongkai

go 1.26.8

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
)

require github.com/google/go-cmp v0.7.0 // indirect
