package demo

import (
	"bytes"
	"os"
	"testing"
)

func TestSeedReportIsTheExample(t *testing.T) {
	ex, err := os.ReadFile("../../examples/weibin-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ex, seedReport) {
		t.Error("internal/demo/weibin-2024.yaml differs from examples/weibin-2024.yaml: copy the example over")
	}
}
