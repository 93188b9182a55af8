package office

import (
	"strings"

	"gongkai/internal/casework"
)

// ServiceFormDoc lays out a 送达回证: a table of the letter served, to whom,
// where and how, with room for the signatures and their dates.
func ServiceFormDoc(f casework.ServiceForm) *Doc {
	d := &Doc{Title: f.FileName()}
	d.add(StyleTitle, "送达回证")
	d.add(StyleSubtitle, f.Agency)
	how := f.Method
	if how == "" {
		how = "□" + strings.Join(f.Methods, " □")
	}
	when := f.SentOn
	if when == "" {
		when = blankDate
	}
	where := f.Address
	if where == "" {
		where = "\n" // to write by hand
	}
	t := &Table{Widths: []float64{1.7, 3.1}, FontSize: 14}
	for _, row := range [][2]string{
		{"送达文书", f.Document},
		{"文号", f.Number},
		{"受送达人", f.Addressee},
		{"送达地址", where},
		{"送达方式", how},
		{"送达日期", when},
		{"送达人（签名）", "\n\n"},
		{"受送达人（签名或盖章）", "\n\n" + blankDate},
		{"代收人及代收理由", "\n\n"},
		{"备注", "\n"},
	} {
		t.Rows = append(t.Rows, []Cell{lbl(row[0], 1, 1), {Text: row[1], Cols: 1, Rows: 1, Left: true}})
	}
	d.Blocks = append(d.Blocks, Block{Table: t})
	d.add(StyleBody, "受送达人签收后，请将本回证交回"+f.Agency+"，归入该申请的案卷。")
	return d
}

// blankDate is a date to write by hand.
const blankDate = "　　　　年　　月　　日"
