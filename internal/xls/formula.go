package xls

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
)

// A program that writes a workbook without a spreadsheet engine saves each
// formula's result as 0 (Apache POI's HSSF, as Java platforms export their
// tables; Perl's Spreadsheet::WriteExcel) or as an empty string (Python's
// xlwt) for Excel to compute on opening: a report's totals read as 0 and
// every row as wrong, or as blank. The sums such a file holds are computed
// here, as the XLSX reader computes them (report.computeFormulas): SUM of
// cells and ranges, + and -, numbers, parentheses, other formulas of the
// sheet. Only those results are computed: one Excel or WPS saved is right
// already (or is what its author saw, if the workbook was on manual
// calculation), and a sum is never an empty string in Excel.

// formula is a FORMULA record kept until its sheet has been read.
type formula struct {
	rgce []byte // its parsed tokens ([MS-XLS] 2.5.198.2, Rgce)
	// unsaved: its saved result is the number 0 or an empty string, and
	// may be a result never computed
	unsaved bool
}

// calc limits: what one file's sums may cost.
const (
	calcFormulas = 2000    // formulas computed in a workbook
	calcCells    = 100_000 // cells looked at, a workbook's formulas together
	calcPerSum   = 10_000  // cells looked at for one formula
	calcRange    = 1024    // cells of one range
	calcDepth    = 8       // formulas within formulas (a total of totals)
	keptFormulas = 100_000 // formula records kept for a sheet
)

// calcBudget counts down what a workbook's sums may still cost.
type calcBudget struct{ formulas, cells int }

// cell kinds a sheet's text alone does not tell, kept for the cells that
// have them (few)
const (
	kindNumText = 't' // a string that reads as a number: SUM counts it nothing, + reads it
	kindBool    = 'b'
	kindError   = 'e'
)

// sheetCalc computes a sheet's formulas whose results were saved as 0.
type sheetCalc struct {
	biff     int
	sh       *Sheet
	formulas map[[2]int]*formula
	kinds    map[[2]int]byte
	budget   *calcBudget
	memo     map[[2]int]calcResult
	busy     map[[2]int]bool // formulas being computed: a cycle is no sum
	work     int
}

type calcResult struct {
	n  float64
	ok bool
}

// run computes the formulas, in the order of their cells, and writes the
// results that are not 0 into the sheet's rows.
func (c *sheetCalc) run(order [][2]int) {
	for _, at := range order {
		f := c.formulas[at]
		if !f.unsaved || c.budget.formulas <= 0 {
			continue
		}
		c.budget.formulas--
		c.work = 0
		n, ok := c.value(at, f, 0)
		if !ok || c.sh.Rows[at[0]][at[1]] == number(n) {
			continue
		}
		c.sh.Rows[at[0]][at[1]] = number(n)
		if c.sh.Computed == nil {
			c.sh.Computed = map[int]int{}
		}
		c.sh.Computed[at[0]]++
	}
}

// value computes a formula whose result was saved as 0 or "".
func (c *sheetCalc) value(at [2]int, f *formula, depth int) (float64, bool) {
	if r, ok := c.memo[at]; ok {
		return r.n, r.ok
	}
	if depth > calcDepth || c.busy[at] {
		return 0, false
	}
	c.busy[at] = true
	n, ok := c.eval(f.rgce, depth)
	delete(c.busy, at)
	if ok { // (a failure may be the depth's or the budget's, not the formula's)
		c.memo[at] = calcResult{n, ok}
	}
	return n, ok
}

func (c *sheetCalc) text(at [2]int) string {
	if at[0] < len(c.sh.Rows) && at[1] < len(c.sh.Rows[at[0]]) {
		return c.sh.Rows[at[0]][at[1]]
	}
	return ""
}

// cell is a cell's number. inSum: text and booleans count nothing (SUM of
// a range), else a string that reads as a number is that number and other
// text fails (+, as #VALUE!). An empty cell is 0; an error fails.
func (c *sheetCalc) cell(at [2]int, inSum bool, depth int) (float64, bool) {
	if c.work, c.budget.cells = c.work+1, c.budget.cells-1; c.work > calcPerSum || c.budget.cells < 0 {
		return 0, false
	}
	if f, ok := c.formulas[at]; ok {
		if f.unsaved {
			return c.value(at, f, depth+1)
		}
		if n, ok := parseNumber(c.text(at)); ok {
			return n, true
		}
		return 0, inSum && c.kinds[at] != kindError // a string result, or TRUE
	}
	s := c.text(at)
	switch c.kinds[at] {
	case kindError:
		return 0, false
	case kindBool:
		return 0, inSum
	case kindNumText:
		if inSum {
			return 0, true
		}
	}
	if s == "" {
		return 0, true
	}
	n, ok := parseNumber(s)
	if !ok {
		return 0, inSum
	}
	return n, true
}

// parseNumber reads a cell's text as a number as Excel does: digits, a
// sign, a point, an exponent (not Go's Inf, NaN or hexadecimal); it looks
// before parsing, as most text is none and a failed parse allocates.
func parseNumber(s string) (float64, bool) {
	if s == "" || strings.Trim(s, "0123456789+-.eE") != "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil
}

// operand is a number, or a cell or range not yet read.
type operand struct {
	n              float64
	ref            bool
	r0, c0, r1, c1 int
}

// Tokens ([MS-XLS] 2.5.198.25), each in its three classes where it has them.
const (
	ptgExp     = 0x01
	ptgAdd     = 0x03
	ptgSub     = 0x04
	ptgUplus   = 0x12
	ptgUminus  = 0x13
	ptgParen   = 0x15
	ptgAttr    = 0x19
	ptgInt     = 0x1E
	ptgNum     = 0x1F
	ptgFuncVar = 0x22
	ptgRef     = 0x24
	ptgArea    = 0x25
	funcSum    = 4 // Ftab: SUM
	attrSemi   = 0x01
	attrSum    = 0x10
	attrSpace  = 0x40
)

// eval runs a formula's tokens (Reverse Polish). Anything but the tokens
// of a plain sum fails: the formula then keeps its saved result.
func (c *sheetCalc) eval(rgce []byte, depth int) (float64, bool) {
	le := binary.LittleEndian
	var stack []operand
	pop := func(n int) ([]operand, bool) {
		if n > len(stack) {
			return nil, false
		}
		ops := stack[len(stack)-n:]
		stack = stack[:len(stack)-n]
		return ops, true
	}
	scalar := func(o operand) (float64, bool) {
		if !o.ref {
			return o.n, true
		}
		if o.r0 != o.r1 || o.c0 != o.c1 {
			return 0, false // a range outside SUM
		}
		return c.cell([2]int{o.r0, o.c0}, false, depth)
	}
	sum := func(ops []operand) (float64, bool) {
		total := 0.0
		for _, o := range ops {
			if !o.ref {
				total += o.n
				continue
			}
			if (o.r1-o.r0+1)*(o.c1-o.c0+1) > calcRange {
				return 0, false
			}
			for r := o.r0; r <= o.r1; r++ {
				for col := o.c0; col <= o.c1; col++ {
					n, ok := c.cell([2]int{r, col}, true, depth)
					if !ok {
						return 0, false
					}
					total += n
				}
			}
		}
		return total, true
	}
	// sumTop replaces the stack's last n operands by their SUM
	sumTop := func(n int) bool {
		ops, ok := pop(n)
		if !ok {
			return false
		}
		v, ok := sum(ops)
		stack = append(stack, operand{n: v})
		return ok
	}
	wide := c.biff == 8 // BIFF8 keeps a column in two bytes, BIFF5 in one
	refs := 0           // a formula of constants alone is no sum of cells
	for i := 0; i < len(rgce); {
		t := rgce[i]
		i++
		base := t
		if t >= 0x20 && t < 0x80 {
			base = t&0x1F | 0x20 // the reference, value and array classes alike
		}
		need := 0
		switch base {
		case ptgAttr, ptgFuncVar:
			need = 3
		case ptgInt:
			need = 2
		case ptgNum:
			need = 8
		case ptgRef:
			need = 3
			if wide {
				need = 4
			}
		case ptgArea:
			need = 6
			if wide {
				need = 8
			}
		}
		if i+need > len(rgce) {
			return 0, false
		}
		d := rgce[i : i+need]
		i += need
		switch base {
		case ptgAdd, ptgSub:
			ops, ok := pop(2)
			if !ok {
				return 0, false
			}
			a, ok1 := scalar(ops[0])
			b, ok2 := scalar(ops[1])
			if !ok1 || !ok2 {
				return 0, false
			}
			if base == ptgSub {
				b = -b
			}
			stack = append(stack, operand{n: a + b})
		case ptgUplus, ptgParen:
			if len(stack) == 0 {
				return 0, false
			}
		case ptgUminus:
			ops, ok := pop(1)
			if !ok {
				return 0, false
			}
			a, ok := scalar(ops[0])
			if !ok {
				return 0, false
			}
			stack = append(stack, operand{n: -a})
		case ptgAttr:
			switch {
			case d[0] == attrSum: // SUM of one argument
				if !sumTop(1) {
					return 0, false
				}
			case d[0] == attrSpace, d[0] == attrSemi:
			default: // IF, CHOOSE, GOTO: no sum's
				return 0, false
			}
		case ptgInt:
			stack = append(stack, operand{n: float64(le.Uint16(d))})
		case ptgNum:
			n := math.Float64frombits(le.Uint64(d))
			if math.IsNaN(n) || math.IsInf(n, 0) {
				return 0, false
			}
			stack = append(stack, operand{n: n})
		case ptgFuncVar:
			if le.Uint16(d[1:])&0x7FFF != funcSum || !sumTop(int(d[0]&0x7F)) {
				return 0, false
			}
		case ptgRef:
			refs++
			r, col := c.rowCol(d, 0, 2)
			stack = append(stack, operand{ref: true, r0: r, c0: col, r1: r, c1: col})
		case ptgArea:
			refs++
			var r0, r1, c0, c1 int
			if wide {
				r0, c0 = c.rowCol(d, 0, 4)
				r1, c1 = c.rowCol(d, 2, 6)
			} else {
				r0, c0 = c.rowCol(d, 0, 4)
				r1, c1 = c.rowCol(d, 2, 5)
			}
			stack = append(stack, operand{ref: true, r0: min(r0, r1), c0: min(c0, c1), r1: max(r0, r1), c1: max(c0, c1)})
		default: // ptgExp (a shared formula), names, other sheets, strings, functions
			return 0, false
		}
	}
	if len(stack) != 1 || refs == 0 {
		return 0, false
	}
	return scalar(stack[0])
}

// rowCol reads a reference's row and column at their offsets: BIFF8 keeps
// the relative flags in the column's top bits, BIFF5 in the row's.
func (c *sheetCalc) rowCol(d []byte, ro, co int) (int, int) {
	le := binary.LittleEndian
	if c.biff == 8 {
		return int(le.Uint16(d[ro:])), int(le.Uint16(d[co:]) & 0x3FFF)
	}
	return int(le.Uint16(d[ro:]) & 0x3FFF), int(d[co])
}
