package report

import (
	"fmt"
	"strings"
)

// State is where a saved report stands: a draft; checked (saved with no
// error finding); approved by the head of the disclosure office;
// published (in the catalog's 年度报告 column). A change after
// publication is a new version, a correction with its reason.
type State string

const (
	StateDraft     State = "draft"
	StateChecked   State = "checked"
	StateApproved  State = "approved"
	StatePublished State = "published"
)

// States with their Chinese names, in order.
var States = []struct {
	ID   State
	Name string
}{
	{StateDraft, "草稿"}, {StateChecked, "已检查"}, {StateApproved, "已审定"}, {StatePublished, "已发布"},
}

// StateName is the Chinese name of a state.
func StateName(s State) string {
	for _, x := range States {
		if x.ID == s {
			return x.Name
		}
	}
	return string(s)
}

// Change is one difference between two versions of a report.
type Change struct {
	Where    string // the cell or section, in Chinese
	Cell     string // the model path
	From, To string
}

// Section says the change is to a narrative section, not a cell.
func (c Change) Section() bool { return strings.HasPrefix(c.Cell, "sections.") }

// Diff lists what differs from a to b: every table cell by its Chinese
// name, and each narrative section's changed paragraphs.
func Diff(a, b *Report) []Change {
	var out []Change
	cell := func(path, where string, x, y Cell) {
		if x != y {
			out = append(out, Change{Where: where, Cell: path, From: num(x), To: num(y)})
		}
	}
	eachT2Cell(b.Format, func(_, path, where string, money bool) {
		if !money {
			cell("proactive."+path, where, a.Proactive.Cell(path), b.Proactive.Cell(path))
		} else if x, y := a.Proactive.Amount(path), b.Proactive.Amount(path); x.String() != y.String() {
			out = append(out, Change{Where: where, Cell: "proactive." + path, From: x.String(), To: y.String()})
		}
	})
	for _, row := range b.Format.T3Rows() {
		for col := range NumCols {
			cell(t3Cell(row.Key, col), t3Name(row, col), a.Applications[row.Key][col], b.Applications[row.Key][col])
		}
	}
	for bl := range T4Blocks {
		for col := range T4Columns {
			cell(t4Cell(bl, col), t4Name(bl, col), a.Appeals[bl][col], b.Appeals[bl][col])
		}
	}
	for _, s := range Sections {
		x, y := strings.TrimSpace(a.Sections[s.Key]), strings.TrimSpace(b.Sections[s.Key])
		if x == y {
			continue
		}
		px, py := paragraphs(x), paragraphs(y)
		for i := 0; i < max(len(px), len(py)); i++ {
			var from, to string
			if i < len(px) {
				from = px[i]
			}
			if i < len(py) {
				to = py[i]
			}
			if from != to {
				out = append(out, Change{Where: fmt.Sprintf("第%s部分 第 %d 段", cnNumeral(atoi(s.Key)), i+1), Cell: "sections." + s.Key, From: from, To: to})
			}
		}
	}
	return out
}

func paragraphs(t string) []string {
	var out []string
	for _, p := range strings.Split(t, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func headersOf(f Format, item string) []string {
	for _, h := range f.T2Headers() {
		if h.Item == item {
			return h.Columns
		}
	}
	return nil
}
