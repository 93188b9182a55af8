package report

import "encoding/binary"

// Packed is a CrossYear in one byte slice: the auditor keeps one for every
// file of a directory until the file's predecessor is known, and a slice of
// bytes holds no pointers for the garbage collector to follow on each of
// its cycles (the structs, with their strings and findings, were scanned
// again and again).
type Packed []byte

// Pack writes c into one slice.
func (c *CrossYear) Pack() Packed {
	b := make([]byte, 0, 256+len(c.Agency)+len(c.Title)+len(c.section5)+len(c.yearCells)+len(c.Findings)*160)
	str := func(s string) []byte {
		b = binary.AppendUvarint(b, uint64(len(s)))
		return append(b, s...)
	}
	num := func(n int64) { b = binary.AppendVarint(b, n) }
	flag := func(v bool) {
		if v {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	cell := func(x Cell) {
		b = append(b, x.state())
		num(x.n)
		b = str(x.Raw())
	}
	b = str(c.Agency)
	b = str(c.Title)
	num(int64(c.Year))
	b = str(string(c.Level))
	b = str(string(c.Format))
	b = str(c.section5)
	flag(c.has5)
	for _, row := range c.rows {
		for _, x := range row {
			cell(x)
		}
	}
	for i, x := range c.cells {
		cell(x)
		flag(c.hasCell[i])
	}
	for i, n := range c.lines {
		num(int64(n))
		flag(c.hasLine[i])
	}
	b = str(c.yearCells)
	num(int64(len(c.Findings)))
	for _, f := range c.Findings {
		b = str(f.Rule)
		b = str(string(f.Severity))
		b = str(f.Cell)
		b = str(f.Message)
		num(int64(f.Line))
	}
	return b
}

// Unpack reads what Pack wrote.
func (p Packed) Unpack() CrossYear {
	b := []byte(p)
	str := func() string {
		n, k := binary.Uvarint(b)
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s
	}
	num := func() int64 {
		n, k := binary.Varint(b)
		b = b[k:]
		return n
	}
	flag := func() bool {
		v := b[0] == 1
		b = b[1:]
		return v
	}
	cell := func() Cell {
		state := b[0]
		b = b[1:]
		n := num()
		raw := str()
		switch state {
		case cellOK:
			return N(n)
		case cellInvalid:
			return Invalid(raw)
		}
		return Cell{}
	}
	var c CrossYear
	c.Agency = str()
	c.Title = str()
	c.Year = int(num())
	c.Level = Level(str())
	c.Format = Format(str())
	c.section5 = str()
	c.has5 = flag()
	for r := range c.rows {
		for i := range c.rows[r] {
			c.rows[r][i] = cell()
		}
	}
	for i := range c.cells {
		c.cells[i] = cell()
		c.hasCell[i] = flag()
	}
	for i := range c.lines {
		c.lines[i] = int(num())
		c.hasLine[i] = flag()
	}
	c.yearCells = str()
	if n := num(); n > 0 {
		c.Findings = make([]Finding, n)
		for i := range c.Findings {
			f := &c.Findings[i]
			f.Rule = str()
			f.Severity = Severity(str())
			f.Cell = str()
			f.Message = str()
			f.Line = int(num())
		}
	}
	return c
}
