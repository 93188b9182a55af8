package auditor

import (
	"context"
	"io"
	"testing"
)

func BenchmarkZZDir(b *testing.B) {
	files, _ := Expand([]string{"/tmp/d10k"})
	for b.Loop() {
		Run(context.Background(), files, Options{JSON: true, Workers: 1}, io.Discard)
	}
}
