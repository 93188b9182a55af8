package report

import (
	"strings"
)

// pdftotext's default text of a narrow page (a browser's A5 print) gives
// each of 表二's rows its numbers before its label: an item's column
// headings, then "27 / 12 / 12 / 规章 / 33 / 28 / 11 / 规范性文件", a
// wrapped label's numbers between its pieces ("其他对外管理服 29 / 9 / 36 /
// 务事项", "行政规范性文 17 16 9 / 件"). Read as labels before numbers, every
// row would get the next row's. readT2NumbersFirst reads such a 表二 when
// every item shows it: in each, the first numbers come after its headings
// and before its first label, each label has exactly its row's numbers
// before it, and no number is left after the last label (but the rest of a
// last row whose later cells stand after their own headings, on the next
// page: "政府集中采购 / 采购总金额 26.31"); a last row whose numbers stand
// both sides of its label ("数量 19 / 行政事业性收费 25", 25 its first cell)
// is left unread, said. Anything else is read as usual.
func (p *parser) readT2NumbersFirst(lo, hi int) bool {
	r := p.r
	items := r.Format.T2Items()
	for n := lo; n < hi; n++ {
		// most texts give the first numbers beside a row's label: out
		// before anything is allocated
		if t := p.lines[n].Text; strings.ContainsFunc(t, isDigit) && !hasText(t, "第二十条") {
			if rc := p.splitT2Label(p.lines[n], 3); matchT2(norm(rc.label), items, 0) >= 0 {
				return false
			}
			break
		}
	}
	got := make([][]string, len(items))
	at := make([]int, len(items)) // the line of each row's label
	unsure := make([]bool, len(items))
	block := -1          // the item's heading the lines are under: an index into items (its first row)
	var pending []string // numbers waiting for the next label
	piece := ""          // a wrapped label's words so far
	short := -1          // the block's last row, short of its later cells
	labels := 0          // labels read in the block
	end := func() bool {
		// the block's end: its numbers all given, its rows all read
		if short >= 0 {
			if len(got[short])+len(pending) != len(items[short].Cells) {
				return false
			}
			got[short] = append(got[short], pending...)
			pending, short = nil, -1
		}
		if block < 0 {
			return len(pending) == 0 && piece == ""
		}
		for k, it := range items {
			if it.Item == items[block].Item && len(got[k]) != len(it.Cells) {
				return false
			}
		}
		return len(pending) == 0 && piece == ""
	}
	for n := lo; n < hi; n++ {
		l := p.lines[n]
		t := trimSpace(l.Text)
		if t == "" || strings.Contains(t, "://") {
			continue // (a browser's address at a page's foot)
		}
		if hasText(t, "第二十条") {
			if !end() {
				return false
			}
			block, labels = -1, 0
			for k, it := range items {
				if hasText(withoutSpaces(t), withoutSpaces(it.Item)) {
					block = k
					break
				}
			}
			if block < 0 {
				return false
			}
			continue
		}
		if block < 0 {
			if strings.ContainsFunc(t, isDigit) {
				return false // numbers before any item's heading
			}
			continue
		}
		rc := p.splitT2Label(l, 3)
		L := norm(rc.label)
		nums := rc.numbers()
		if L != "" {
			switch k := t2LabelPiece(items, block, piece+L); {
			case k >= 0:
				// a whole label: the numbers before it are its row's
				if len(got[k]) > 0 {
					return false
				}
				switch {
				case len(pending) == len(items[k].Cells):
				case len(pending) > 0 && len(pending)+len(nums) == len(items[k].Cells) && t2LastOfItem(items, k):
					// the item's last row, its numbers both sides of its
					// label ("数量 19 / 行政事业性收费 25", where 25 is the
					// first cell): which cell each is, unknown
					pending, nums = append(pending, nums...), nil
					unsure[k] = true
				case len(pending) > 0 && len(pending) < len(items[k].Cells) && t2LastOfItem(items, k) && len(nums) == 0:
					short = k
				default:
					return false
				}
				got[k], at[k], pending, piece = pending, n, nil, ""
				labels++
			case k == -1:
				piece += L // the start of a wrapped label
			case piece != "" || labels == 0 && len(pending) > 0 || short >= 0 && len(nums) == 0:
				// words amid a label, or between the first numbers and the
				// first label: no such text
				return false
			}
		}
		if len(nums) > 0 {
			if labels == 0 && piece == "" && L != "" && t2LabelPiece(items, block, L) != -2 {
				return false
			}
			pending = append(pending, nums...)
		}
	}
	if !end() {
		return false
	}
	for k := range items {
		if len(got[k]) != len(items[k].Cells) {
			return false
		}
	}
	var said []string
	for k, it := range items {
		r.setLine("proactive."+it.Key, p.lines[at[k]].No)
		if unsure[k] {
			for _, c := range it.Cells {
				p.ambiguous(r.t2Prefix() + it.Key + "." + c)
			}
			p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, p.lines[at[k]].No, "表二“%s”的数字在原文中分在行名前后（%s），无法确定各是哪一栏，该行记为空，请对照原文核对", it.Label, strings.Join(got[k], "、"))
			continue
		}
		p.fillT2(it, rowCells{cells: got[k], ok: true}, p.lines[at[k]])
		said = append(said, it.Label+" "+strings.Join(got[k], " "))
	}
	r.Meta.Tables["2"] = true
	p.warn("PARSE.READ", r.t2Prefix()[:len(r.t2Prefix())-1], p.lines[lo].No, "表二每行的数字都排在行名之前（PDF 转换的文字顺序：各项的栏名之后先是数字、再是行名，最后一个行名之后没有数字），按行名之前的数字读取：%s", strings.Join(said, "；"))
	return true
}

// t2LabelPiece says what words s are among the rows of 表二 under block's
// item: the index of the row whose whole label they are, -1 for the start
// of one (a wrapped label's first line), -2 for none (a column's heading).
func t2LabelPiece(items []T2Item, block int, s string) int {
	start := false
	for k, it := range items {
		if it.Item != items[block].Item {
			continue
		}
		switch L := norm(it.Label); {
		case L == s:
			return k
		case strings.HasPrefix(L, s):
			start = true
		}
	}
	if start {
		return -1
	}
	return -2
}

// t2LastOfItem says row k is the last of its item's rows.
func t2LastOfItem(items []T2Item, k int) bool {
	return k+1 == len(items) || items[k+1].Item != items[k].Item
}
