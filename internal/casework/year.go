package casework

import (
	"strings"

	"gongkai/internal/guard"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// CaseFacts is what 表三 needs of one case: who applied, when it came in, and
// when and how it ended. The store computes the same table in SQL from the
// same columns; this is the reference.
type CaseFacts struct {
	Type     ApplicantType
	Received workday.Date
	ClosedOn *workday.Date
	Outcome  OutcomeID
	// Units and Outcomes, when 表三 counts items (Config.UnitOfCount): the
	// application's items, and one outcome per item. Zero counts 1.
	Units    int
	Outcomes []OutcomeID
}

// Facts returns the case's 表三 facts; with unit "item" each item counts.
func (c *Case) Facts(unit string) CaseFacts {
	f := CaseFacts{Type: c.Intake.Applicant.Type, Received: c.Received, ClosedOn: c.ClosedOn, Outcome: c.Outcome}
	if unit == UnitItem {
		f.Units, f.Outcomes = c.Intake.Request.Units(), c.ItemOutcomes()
	}
	return f
}

// YearTable builds 表三 for one year from the cases of one agency. A case counts
// as 新收 in the year it was received, under its final outcome in the year it
// was closed, and is carried forward while open on 31 December.
func YearTable(cases []CaseFacts, year int) map[string]report.Row {
	f := report.FormatForYear(year)
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	counts := map[string]*[report.NumCols]int64{}
	for _, row := range f.T3Rows() {
		counts[row.Key] = &[report.NumCols]int64{}
	}
	add := func(key string, col int, n int64) {
		counts[key][col] += n
		counts[key][report.ColTotal] += n
	}
	for _, c := range cases {
		col := c.Type.Column()
		if col < 0 || c.Received > last {
			continue
		}
		units := int64(max(1, c.Units))
		open := c.ClosedOn == nil
		closedBefore := !open && *c.ClosedOn < first
		if c.Received >= first {
			add("new", col, units)
		} else if !closedBefore {
			add("carried_in", col, units)
		}
		switch {
		case !open && *c.ClosedOn >= first && *c.ClosedOn <= last:
			outcomes := c.Outcomes
			if len(outcomes) == 0 {
				outcomes = []OutcomeID{c.Outcome}
			}
			each := units / int64(len(outcomes)) // one per item, or all on the single outcome
			for _, id := range outcomes {
				o := OutcomeByID(id)
				if o == nil {
					o = OutcomeByID("other")
				}
				add(o.RowFor(f), col, each)
				add("total", col, each)
			}
		case open || *c.ClosedOn > last:
			add("carried_forward", col, units)
		}
	}
	out := map[string]report.Row{}
	for k, v := range counts {
		var row report.Row
		for i, n := range v {
			row[i] = report.N(n)
		}
		out[k] = row
	}
	return out
}

// Suspect is a possible duplicate: the clerk decides, the system only points.
type Suspect struct {
	CaseID     int64   `json:"case_id"`
	Serial     string  `json:"serial"`
	Similarity float64 `json:"similarity"`
}

// SuspectDuplicates lists earlier applications by the same applicant (same
// identity number, or same name and contact) with a similar request within
// window calendar days: candidates for 重复申请 (Art. 36(六)), never decided here.
func SuspectDuplicates(c *Case, others []*Case, window int) []Suspect {
	var out []Suspect
	a := c.Intake.Applicant
	for _, o := range others {
		if o.ID == c.ID || o.Received > c.Received || int(c.Received-o.Received) > window {
			continue
		}
		b := o.Intake.Applicant
		same := (a.IDNum != "" && a.IDNum == b.IDNum) ||
			(SameName(a.Name, b.Name) && ((a.Phone != "" && a.Phone == b.Phone) || (a.Email != "" && a.Email == b.Email)))
		if !same {
			continue
		}
		s := report.Similarity(c.Intake.Request.Description, o.Intake.Request.Description)
		if s >= 0.5 {
			out = append(out, Suspect{CaseID: o.ID, Serial: o.Serial, Similarity: s})
		}
	}
	return out
}

// SameName is whether two applicants' names are one name typed either way:
// full-width letters, digits and brackets as half-width ones (某某（北京）公司,
// 某某(北京)公司), Latin letters in any case.
func SameName(a, b string) bool { return nameKey(a) == nameKey(b) }

// nameKey is what SameName compares.
func nameKey(name string) string { return strings.Map(guard.Fold, name) }

// Art44Group is a set of disclosed applications by different applicants
// for similar information: 《条例》第四十四条 lets the agency put such
// information into 主动公开.
type Art44Group struct {
	Rows  []Row
	Topic string // the request text of the earliest, as the draft's title
}

// Art44MinApplicants is how many different applicants make a suggestion.
const Art44MinApplicants = 2

// Art44Groups groups answered applications whose requests are similar
// (bigram similarity ≥ 0.6) and which were disclosed in whole or in part,
// keeping groups with at least Art44MinApplicants different applicants
// (a name typed either way is one: SameName).
// rows are compared pairwise, so the caller bounds them.
func Art44Groups(rows []Row) []Art44Group {
	var cand []Row
	for _, r := range rows {
		if r.Outcome == "disclosed" || r.Outcome == "partly_disclosed" || r.Outcome == "already_public" {
			cand = append(cand, r)
		}
	}
	used := make([]bool, len(cand))
	var out []Art44Group
	for i := range cand {
		if used[i] {
			continue
		}
		g := []Row{cand[i]}
		who := map[string]bool{nameKey(cand[i].ApplicantName): true}
		for j := i + 1; j < len(cand); j++ {
			if !used[j] && report.Similarity(cand[i].Description, cand[j].Description) >= 0.6 {
				g = append(g, cand[j])
				who[nameKey(cand[j].ApplicantName)] = true
				used[j] = true
			}
		}
		if len(who) >= Art44MinApplicants {
			used[i] = true
			out = append(out, Art44Group{Rows: g, Topic: cand[i].Description})
		}
	}
	return out
}
