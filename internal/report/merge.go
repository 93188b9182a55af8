package report

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Clone is a copy of r that shares nothing a change to either would reach.
func (r *Report) Clone() *Report {
	c := *r
	c.Sections = maps.Clone(r.Sections)
	c.Proactive.Cells = maps.Clone(r.Proactive.Cells)
	c.Proactive.Amounts = maps.Clone(r.Proactive.Amounts)
	c.Applications = maps.Clone(r.Applications)
	c.Findings = slices.Clone(r.Findings)
	c.Meta.Lines = maps.Clone(r.Meta.Lines)
	c.Meta.Ambiguous = maps.Clone(r.Meta.Ambiguous)
	c.Meta.Parse = slices.Clone(r.Meta.Parse)
	c.Meta.Tables = maps.Clone(r.Meta.Tables)
	c.Meta.Unreadable = maps.Clone(r.Meta.Unreadable)
	c.Meta.Instead = maps.Clone(r.Meta.Instead)
	c.Meta.Order = slices.Clone(r.Meta.Order)
	return &c
}

// field is one thing of a report a person edits: a cell of 表二 or 表四,
// or a whole narrative section.
type field struct {
	path, where string
	show        func(*Report) string // as a person reads it; equal shows are equal values
	copy        func(dst, src *Report)
}

// editableFields are the fields of a report of format f a person edits
// (表三 is counted from the records).
func editableFields(f Format) []field {
	var out []field
	eachT2Cell(f, func(_, path, where string, money bool) {
		if money {
			out = append(out, field{"proactive." + path, where,
				func(r *Report) string { return r.Proactive.Amount(path).String() },
				func(dst, src *Report) { dst.Proactive.SetAmount(path, src.Proactive.Amount(path)) }})
			return
		}
		out = append(out, field{"proactive." + path, where,
			func(r *Report) string { return shownCell(r.Proactive.Cell(path)) },
			func(dst, src *Report) { dst.Proactive.Set(path, src.Proactive.Cell(path)) }})
	})
	for b := range T4Blocks {
		for c := range T4Columns {
			out = append(out, field{t4Cell(b, c), t4Name(b, c),
				func(r *Report) string { return shownCell(r.Appeals[b][c]) },
				func(dst, src *Report) { dst.Appeals[b][c] = src.Appeals[b][c] }})
		}
	}
	for _, s := range Sections {
		if !slices.Contains(NarrativeKeys, s.Key) {
			continue
		}
		out = append(out, field{"sections." + s.Key, "第" + cnNumeral(atoi(s.Key)) + "部分“" + strings.TrimLeft(s.Heading, "一二三四五六、") + "”",
			func(r *Report) string { return strings.TrimSpace(r.Sections[s.Key]) },
			func(dst, src *Report) { dst.Sections[s.Key] = src.Sections[s.Key] }})
	}
	return out
}

// shownCell is a cell as a person reads it: its number, the text typed when
// it is no number, or 空白.
func shownCell(c Cell) string { return cmp.Or(c.String(), "空白") }

// Merge carries what mine changed from base onto theirs, a version saved
// from the same base in the meantime (two people editing one report). Each
// cell of 表二 and 表四 and each narrative section is one field: a field
// only one side changed takes that side's value; a field both changed to
// different values keeps mine and is listed in conflicts (From theirs, To
// mine); taken lists the fields whose value came from theirs (From base, To
// theirs). 表三 and everything else are theirs. base, mine and theirs are
// not changed.
func Merge(base, mine, theirs *Report) (merged *Report, conflicts, taken []Change) {
	merged = theirs.Clone()
	if merged.Sections == nil {
		merged.Sections = map[string]string{}
	}
	for _, f := range editableFields(theirs.Format) {
		b, m, t := f.show(base), f.show(mine), f.show(theirs)
		switch {
		case m == b: // mine left it: theirs stands
			if t != b {
				taken = append(taken, Change{Where: f.where, Cell: f.path, From: b, To: t})
			}
		case t == b || t == m: // only mine changed it, or both alike
			f.copy(merged, mine)
		default:
			f.copy(merged, mine)
			conflicts = append(conflicts, Change{Where: f.where, Cell: f.path, From: t, To: m})
		}
	}
	return merged, conflicts, taken
}
