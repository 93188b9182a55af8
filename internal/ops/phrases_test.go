package ops_test

import (
	"slices"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A note written twice becomes one the step's form offers (常用语), the most
// used first; once is not enough; another agency's staff and a supervisor
// are offered none of it.
func TestPhrases(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		ask := func(name, note string) {
			t.Helper()
			c := f.register("2026-03-02", name)
			if _, err := f.step("2026-03-03", f.clerk, c.ID, casework.Step{Kind: casework.KindRequestCorrection, Note: note}); err != nil {
				t.Fatal(err)
			}
		}
		often, twice := "请明确所需信息的名称、文号或者时间范围。", "请补充身份证明。"
		for i, note := range []string{often, twice, often, "请说明用途。", twice, often} {
			ask("申请人"+string(rune('甲'+i)), note)
		}
		c := f.register("2026-03-04", "新申请人")
		v, err := f.on("2026-03-04").Case(ctx, f.clerk, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Phrases[casework.KindRequestCorrection]; !slices.Equal(got, []string{often, twice}) {
			t.Errorf("phrases: %q", got)
		}
		if v, _ = f.on("2026-03-04").Case(ctx, f.super, c.ID); len(v.Phrases) != 0 {
			t.Errorf("a supervisor is offered %v", v.Phrases)
		}
		other := f.on("2026-03-04")
		if cs, err := other.Register(ctx, f.bClerk, f.b.ID, intake("别人", "2026-03-04")); err != nil {
			t.Fatal(err)
		} else if v, _ := other.Case(ctx, f.bClerk, cs.ID); len(v.Phrases) != 0 {
			t.Errorf("another agency is offered %v", v.Phrases)
		}
		// one written twice by mistake is taken off the list by the agency's
		// staff, not by a supervisor; the audit log says who and which
		o := f.on("2026-03-04")
		if err := o.ForgetPhrase(ctx, f.super, c.ID, casework.KindRequestCorrection, twice); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor forgets a phrase: %v", err)
		}
		if err := o.ForgetPhrase(ctx, f.clerk, c.ID, casework.KindExtend, twice); errs.KindOf(err) != errs.Invalid {
			t.Errorf("a phrase of another step forgotten: %v", err)
		}
		if err := o.ForgetPhrase(ctx, f.clerk, c.ID, casework.KindRequestCorrection, twice); err != nil {
			t.Fatal(err)
		}
		if v, _ := o.Case(ctx, f.clerk, c.ID); !slices.Equal(v.Phrases[casework.KindRequestCorrection], []string{often}) {
			t.Errorf("after forgetting: %q", v.Phrases[casework.KindRequestCorrection])
		}
		if rows, _, err := s.ListAudit(ctx, []int64{f.a.ID}, 1, 0); err != nil || rows[0].Action != "phrase.forget" || !strings.Contains(rows[0].Detail, twice) || rows[0].Object != c.Serial {
			t.Errorf("audit: %+v %v", rows, err)
		}
		if err := o.ForgetPhrase(ctx, f.clerk, c.ID, casework.KindRequestCorrection, twice); errs.KindOf(err) != errs.Invalid {
			t.Errorf("forgotten twice: %v", err)
		}
		// written twice more, it is offered again
		ask("申请人庚", twice)
		ask("申请人辛", twice)
		if v, _ := o.Case(ctx, f.clerk, c.ID); !slices.Contains(v.Phrases[casework.KindRequestCorrection], twice) {
			t.Errorf("written again: %q", v.Phrases[casework.KindRequestCorrection])
		}
		// a year later the old notes are no longer offered
		if v, _ := f.on("2027-03-10").Case(ctx, f.clerk, c.ID); len(v.Phrases) != 0 {
			t.Errorf("a year on: %v", v.Phrases)
		}
	})
}
