package report

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// A report checked alone and then given its predecessor's cross-year rules
// (on the small parts the auditor keeps) has exactly the findings, in the
// same order, that checking it with its predecessor gives.
func TestAddCrossYearIsCheckWithPrev(t *testing.T) {
	crossSeen := map[string]bool{}
	afterSeen := false
	for seed := range uint64(120) {
		rng := rand.New(rand.NewPCG(seed, 7))
		year := 2020 + int(seed%5)
		prev := Generate(rng, "甲县教育局", year-1)
		r := Generate(rng, "甲县教育局", year)
		switch seed % 4 {
		case 0: // the carry-over chain holds
			r.Applications["carried_in"] = prev.Applications["carried_forward"]
		case 1: // the same section 五 as last year
			r.Sections["5"] = prev.Sections["5"]
		case 2: // prose rules that run after the cross-year ones
			r.Sections["6"] += " hello world 一是加强。三是改进。"
		}
		if seed%3 == 0 {
			r.Meta.Lines = map[string]int{"carried_in": 40, "5": 60, "proactive.rules": 12}
		}
		want := slices.Clone(Check(r, prev))
		Check(prev, nil)
		Check(r, nil)
		part := r.CrossYearPart()
		AddCrossYear(part, prev.CrossYearPart())
		if !slices.Equal(part.Findings, want) {
			t.Fatalf("seed %d: AddCrossYear gives\n%v\nCheck(r, prev) gives\n%v", seed, part.Findings, want)
		}
		for i, f := range want {
			if f.Rule[:2] == "X." {
				crossSeen[f.Rule] = true
				if i < len(want)-1 && want[i+1].Rule[:2] != "X." {
					afterSeen = true
				}
			}
		}
	}
	for _, id := range []string{"X.CARRY", "X.IN_FORCE", "X.SAME_TEXT"} {
		if !crossSeen[id] {
			t.Errorf("no generated pair raised %s: the test does not cover it", id)
		}
	}
	if !afterSeen {
		t.Error("no pair had a finding after a cross-year one: the insertion point is not tested")
	}
}

// The model without its findings, then its findings, is MarshalJSON.
func TestModelJSONThenFindings(t *testing.T) {
	for seed := range uint64(10) {
		r := Generate(rand.New(rand.NewPCG(seed, 3)), "乙县财政局", 2019+int(seed%6))
		if seed%2 == 0 {
			Check(r, nil)
		}
		whole, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		m := r.ModelJSON()
		b.Write(m[:len(m)-1])
		b.WriteString(`,"findings":`)
		WriteFindingsJSON(&b, r.Findings)
		b.WriteByte('}')
		if !bytes.Equal(b.Bytes(), whole) {
			t.Fatalf("seed %d:\n%s\n%s", seed, b.Bytes(), whole)
		}
		if seed == 1 && !bytes.Contains(whole, []byte(`"findings":[]`)) {
			t.Errorf("an unchecked report: %s", whole[len(whole)-40:])
		}
	}
}

// What Pack writes, Unpack reads back whole: reports as read from their
// own published text, with findings, blanks and invalid cells.
func TestPackUnpack(t *testing.T) {
	for seed := range uint64(40) {
		r := Generate(rand.New(rand.NewPCG(seed, 9)), "丙县卫生健康委员会", 2019+int(seed%7))
		x := r.Applications["carried_in"]
		switch seed % 3 {
		case 0:
			x[ColNatural] = Invalid("十二")
		case 1:
			x[ColTotal] = Cell{}
		}
		r.Applications["carried_in"] = x
		r.Meta.Lines = map[string]int{"5": int(seed) + 3, "carried_in": 40}
		Check(r, nil)
		want := r.CrossYear()
		if len(want.Findings) == 0 && seed%3 == 0 {
			t.Fatalf("seed %d: an invalid cell and no finding", seed)
		}
		got := want.Pack().Unpack()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d:\n%+v\n%+v", seed, got, want)
		}
	}
}
