package report

import (
	"os"
	"path/filepath"
	"testing"
)

// readDisplaced's freer pass lets any number but 0 be read later than its
// place for a row's 总计 only. With any cell free, Chromium's A4 default
// text of a report whose wrapped row gives its last three cells before its
// first four (…缴纳 / 0 / 1 / 1 / 他处理 费用、… 0 0 0 0) read one way only
// with every row and column adding up: two rows' single 1s traded columns
// (三类内部事务 0 1 0 0 0 0 1 for 0 0 0 0 1 0 1, 逾期未按收费 the other way).
// Now no reading holds, and nothing is read. (readNumbersInPieces reads the
// page right: TestNumbersInPiecesFirstOnTheLine.)
func TestDisplacedFreerPassTotalsOnly(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "pdftotext-chrome-onesapart-2022.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := Lines("page.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	p := &parser{lines: segment(dropFooters(lines))}
	p.parse()
	p.r.Applications = map[string]Row{}
	lo, hi := p.region("3")
	if p.readDisplaced(lo, hi) {
		t.Errorf("read: 三类内部事务 %v, 逾期未按收费 %v", p.r.Applications["withheld.internal_affairs"], p.r.Applications["other.no_fee_paid"])
	}
}
