package report_test

import (
	"fmt"
	"os"
	"testing"

	"gongkai/internal/report"
)

func TestDumpLines(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	ls, _, err := report.Lines(f, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		fmt.Printf("%d\t%q\n", l.No, l.Text)
	}
}
