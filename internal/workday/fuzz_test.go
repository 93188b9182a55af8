package workday_test

import (
	"bytes"
	"testing"

	"gongkai/internal/workday"
)

// FuzzNotice feeds arbitrary bytes to the holiday notice reader (YAML or
// CSV, from the administrator's upload): nothing panics, and a notice that
// reads applies to the calendar or is refused with an error.
func FuzzNotice(f *testing.F) {
	f.Add([]byte("year: 2027\nnotice: 国办发明电〔2026〕X号\npublished: 2026-11-10\nholidays:\n  - name: 元旦\n    rest: [2027-01-01, 2027-01-02]\n    work: [2027-01-04]\n"))
	f.Add([]byte("date,kind,name\n2027-01-01,rest,元旦\n2027-01-04,work,元旦\n"))
	f.Add([]byte("year: 2027\nholidays: [[[[[[]]]]]]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("2027-02-30,rest,春节\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, es, err := workday.ParseNotice("n.yaml", data, 0, "", 0)
		if err == nil {
			_, _ = workday.Default().WithNotice(n, es)
		}
		n, es, err = workday.ParseNotice("n.csv", data, 2027, "国办发明电〔2026〕X号", workday.MustDate("2026-11-10"))
		if err == nil {
			_, _ = workday.Default().WithNotice(n, es)
		}
		_, _ = workday.ReadEntries("o.csv", bytes.NewReader(data))
	})
}
