package store_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

var (
	ctx = context.Background()
	cal = workday.Default()
	cfg = casework.DefaultConfig()
	D   = workday.MustDate
)

var (
	openSQLite = storetest.SQLite
	openPG     = storetest.Postgres
	both       = storetest.Both
)

func clock(s *store.Store, day string) {
	t, _ := time.Parse("2006-01-02 15:04", day+" 04:00")
	s.Now = func() time.Time { return t }
}

func agency(t *testing.T, s *store.Store, name string) *store.Agency {
	a := &store.Agency{Name: name, Level: "county_department", ReviewOrgan: "示例区人民政府", LetterPrefix: "示教依复"}
	if err := s.CreateAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func newCase(t testing.TB, i int, day string) *casework.Case {
	d := D(day)
	in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
		Applicant: casework.Applicant{Type: casework.ApplicantTypes[i%6].ID, Name: fmt.Sprintf("申请人%d", i), Phone: "13800000000"},
		Request:   casework.Request{Description: fmt.Sprintf("请公开第%d号文件", i)}}
	if in.Applicant.Type == "natural" {
		in.Applicant.IDType, in.Applicant.IDNum = "身份证", "11010519491231002X"
	}
	c, err := casework.NewCase(in, casework.Actor{Name: "张办理", Role: casework.Clerk}, d.Time().Add(10*time.Hour), cal)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestMigrationTreesInStep(t *testing.T) {
	lite, _ := fs.Glob(os.DirFS("migrations"), "sqlite/*.sql")
	pg, _ := fs.Glob(os.DirFS("migrations"), "postgres/*.sql")
	base := func(xs []string) []string {
		var out []string
		for _, x := range xs {
			out = append(out, filepath.Base(x))
		}
		return out
	}
	if strings.Join(base(lite), ",") != strings.Join(base(pg), ",") || len(lite) == 0 {
		t.Errorf("migration trees differ: %v vs %v", lite, pg)
	}
}

// The two engines end up with the same tables and columns.
func TestSchemasAgree(t *testing.T) {
	cols := func(s *store.Store) string {
		var q string
		if s.Dialect() == store.SQLite {
			q = `SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
		} else {
			q = `SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'`
		}
		rows, err := s.DB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var c string
			rows.Scan(&c)
			out = append(out, c)
		}
		sort.Strings(out)
		return strings.Join(out, "\n")
	}
	a, b := cols(openSQLite(t)), cols(openPG(t))
	if a != b {
		t.Errorf("schemas differ:\nsqlite:\n%s\npostgres:\n%s", a, b)
	}
}

func TestMigrateTwiceAndStatus(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		ms, err := s.MigrationStatus(ctx)
		if err != nil || len(ms) == 0 || ms[0].AppliedAt == "" {
			t.Fatalf("%v %v", ms, err)
		}
		if ok, _ := s.UpToDate(ctx); !ok {
			t.Error("not up to date")
		}
	})
}

func TestCaseLifecycle(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区教育局")
		clock(s, "2024-09-12")
		c := newCase(t, 0, "2024-09-12")
		if err := s.CreateCase(ctx, a.ID, c, cal, cfg); err != nil {
			t.Fatal(err)
		}
		if c.ID == 0 || c.Serial != "2024-0001" || len(c.Code) != 10 {
			t.Fatalf("%+v", c)
		}
		clock(s, "2024-09-20")
		clerk := casework.Actor{Name: "张办理", Role: casework.Clerk}
		if _, err := s.ApplyStep(ctx, c.ID, casework.Step{Kind: casework.KindConsult, On: D("2024-09-20"), Party: "某公司"}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		clock(s, "2024-09-27")
		if _, err := s.ApplyStep(ctx, c.ID, casework.Step{Kind: casework.KindConsultEnd, On: D("2024-09-27")}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetCase(ctx, c.ID, cal, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Events) != 3 || got.State != casework.Processing || got.Version != 3 || got.Intake.Applicant.IDNum != "11010519491231002X" {
			t.Fatalf("%+v", got)
		}
		for i, e := range got.Events {
			if e.Seq != i+1 || e.Actor.Name != "张办理" || e.Basis == "" {
				t.Errorf("event %+v", e)
			}
		}
		// due moved by the 5 excluded working days: 2024-10-16 → 2024-10-23 (hand count in casework tests)
		rows, total, err := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		if err != nil || total != 1 || rows[0].DueOn == nil || *rows[0].DueOn != D("2024-10-23") || rows[0].IDNumber != "110105********002X" {
			t.Fatalf("%+v %d %v", rows, total, err)
		}
		byCode, err := s.CaseByCode(ctx, strings.ToLower(c.Code), cal, cfg)
		if err != nil || byCode.ID != c.ID {
			t.Errorf("by code: %v", err)
		}
		clock(s, "2024-10-08")
		if _, err := s.ApplyStep(ctx, c.ID, casework.Step{Kind: casework.KindDecide, On: D("2024-10-08"), Outcome: "disclosed"}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		rows, _, _ = s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, State: casework.Closed})
		if len(rows) != 1 || rows[0].Outcome != "disclosed" || rows[0].ClosedOn == nil || *rows[0].ClosedOn != D("2024-10-08") {
			t.Errorf("%+v", rows)
		}
		if _, err := s.GetCase(ctx, 999999, cal, cfg); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing case: %v", err)
		}
	})
}

// A refused step leaves the case exactly as it was.
func TestRefusedStepWritesNothing(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区财政局")
		clock(s, "2024-02-01")
		c := newCase(t, 1, "2024-02-01")
		if err := s.CreateCase(ctx, a.ID, c, cal, cfg); err != nil {
			t.Fatal(err)
		}
		clock(s, "2024-03-06")
		_, err := s.ApplyStep(ctx, c.ID, casework.Step{Kind: casework.KindExtend, On: D("2024-03-06"), Note: "x"},
			casework.Actor{Name: "李主任", Role: casework.Approver}, cal, cfg)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "届满") {
			t.Fatalf("err = %v", err)
		}
		got, _ := s.GetCase(ctx, c.ID, cal, cfg)
		if len(got.Events) != 1 || got.Version != 1 {
			t.Errorf("written: %+v", got)
		}
	})
}

// A batch lands whole or leaves no trace.
func TestBatchAllOrNothing(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区卫健委")
		good := newCase(t, 2, "2024-05-06")
		bad := newCase(t, 3, "2024-05-06")
		bad.Events = append(bad.Events, bad.Events[0]) // the same seq twice: the insert fails
		if err := s.CreateCases(ctx, a.ID, []*casework.Case{good, bad}, cal, cfg); err == nil {
			t.Fatal("batch with a bad case accepted")
		}
		_, total, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		if total != 0 {
			t.Errorf("%d cases left behind", total)
		}
		if err := s.CreateCases(ctx, a.ID, []*casework.Case{newCase(t, 4, "2024-05-06")}, cal, cfg); err != nil {
			t.Fatal(err)
		}
		rows, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		if len(rows) != 1 || rows[0].Serial != "2024-0001" {
			// the failed batch must not have used up numbers either
			t.Errorf("%+v", rows)
		}
	})
}

// 表三 in SQL equals the reference computed from the cases, and passes every check.
func TestYearTable(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区交通局")
		other := agency(t, s, "示例区水利局")
		rng := rand.New(rand.NewPCG(5, 5))
		var cases []*casework.Case
		var facts []casework.CaseFacts
		for i := range 400 {
			rec := D("2023-10-01") + workday.Date(rng.IntN(900))
			if w, _ := cal.IsWorkday(rec); !w {
				continue
			}
			c := newCase(t, i, rec.String())
			if rng.IntN(4) > 0 {
				on := rec + workday.Date(1+rng.IntN(60))
				if on > D("2026-10-31") {
					on = D("2026-10-31")
				}
				actor := casework.Actor{Name: "李主任", Role: casework.Approver}
				o := casework.Outcomes[rng.IntN(20)].ID
				if o == "unclear_after_correction" {
					o = "disclosed"
				}
				step := casework.Step{Kind: casework.KindDecide, On: on, Outcome: o, Referral: "某局"}
				if _, err := c.Apply(step, actor, on.Time().Add(10*time.Hour), cfg, cal); err != nil {
					t.Fatal(err)
				}
			}
			cases = append(cases, c)
			facts = append(facts, c.Facts())
		}
		clock(s, "2026-11-20")
		if err := s.CreateCases(ctx, a.ID, cases, cal, cfg); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateCases(ctx, other.ID, []*casework.Case{newCase(t, 0, "2024-05-06")}, cal, cfg); err != nil {
			t.Fatal(err)
		}
		for _, year := range []int{2023, 2024, 2025, 2026} {
			got, err := s.YearTable(ctx, a.ID, year)
			if err != nil {
				t.Fatal(err)
			}
			want := casework.YearTable(facts, year)
			for k, row := range want {
				if fmt.Sprint(row) != fmt.Sprint(got[k]) {
					t.Errorf("%d %s: sql %v, reference %v", year, k, got[k], row)
				}
			}
			r := report.NewReport(report.FormatForYear(year))
			r.Year, r.Agency = year, a.Name
			r.Zero()
			r.Applications = got
			r.Sections["1"], r.Sections["5"], r.Sections["6"] = "概况。", fmt.Sprintf("%d年问题。", year), "未收取信息处理费。"
			for _, f := range report.Check(r, nil) {
				t.Errorf("%d: %s %s", year, f.Rule, f.Message)
			}
		}
	})
}

// Loading or changing a holiday notice recomputes open deadlines and flags the moved ones.
func TestRecomputeDeadlines(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区民政局")
		clock(s, "2026-09-18")
		c := newCase(t, 0, "2026-09-18") // due 2026-10-22 (hand count in casework tests)
		late := newCase(t, 1, "2026-12-21")
		clock(s, "2026-12-21")
		if err := s.CreateCases(ctx, a.ID, []*casework.Case{c, late}, cal, cfg); err != nil {
			t.Fatal(err)
		}
		rows, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		for _, r := range rows {
			if r.ID == late.ID && r.DueOn != nil {
				t.Errorf("due into 2027 known without the 2027 notice: %v", r.DueOn)
			}
		}
		// a corrected 2026 notice makes 10/9 a rest day; and the 2027 notice arrives
		n26, _ := cal.Notice(2026)
		var es []workday.Entry
		for d := D("2025-12-01"); d <= D("2026-12-31"); d++ {
			if e, ok := cal.Entry(d); ok && e.Year == 2026 {
				es = append(es, e)
			}
		}
		es = append(es, workday.Entry{Date: D("2026-10-09"), Kind: workday.Rest, Holiday: "国庆节", Year: 2026, Notice: "更正"})
		next, err := cal.WithNotice(n26, es)
		if err != nil {
			t.Fatal(err)
		}
		e27 := []workday.Entry{{Date: D("2027-01-01"), Kind: workday.Rest, Holiday: "元旦", Year: 2027, Notice: "国办发明电〔2026〕X号"}}
		n27 := workday.Notice{Year: 2027, Number: "国办发明电〔2026〕X号", Published: D("2026-11-10")}
		if next, err = next.WithNotice(n27, e27); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveNotice(ctx, n27, e27, "管理员"); err != nil {
			t.Fatal(err)
		}
		loaded, err := s.Calendar(ctx, cal)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := loaded.Notice(2027); !ok {
			t.Error("stored notice not loaded back")
		}
		clock(s, "2026-09-25")
		moved, err := s.RecomputeDeadlines(ctx, next, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(moved) != 1 || moved[0].ID != c.ID || *moved[0].DueOn != D("2026-10-23") || *moved[0].DueMovedFrom != D("2026-10-22") {
			t.Fatalf("moved = %+v", moved)
		}
		rows, _, _ = s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		for _, r := range rows {
			if r.ID == late.ID && (r.DueOn == nil || r.DueMovedFrom != nil) {
				t.Errorf("late case: due %v moved %v", r.DueOn, r.DueMovedFrom)
			}
		}
	})
}

func TestListFiltersAndMonthCount(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区住建局")
		b := agency(t, s, "示例区公安分局")
		clock(s, "2024-06-28")
		var cs []*casework.Case
		for i := range 30 {
			cs = append(cs, newCase(t, i, fmt.Sprintf("2024-06-%02d", 3+i%20)))
		}
		if err := s.CreateCases(ctx, a.ID, cs, cal, cfg); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateCases(ctx, b.ID, []*casework.Case{newCase(t, 0, "2024-06-03")}, cal, cfg); err != nil {
			t.Fatal(err)
		}
		_, total, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
		if total != 30 {
			t.Errorf("total %d", total)
		}
		page, total, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, Limit: 7, Offset: 28})
		if total != 30 || len(page) != 2 {
			t.Errorf("page %d of %d", len(page), total)
		}
		nat, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, ApplicantType: "natural", Limit: 100})
		if len(nat) != 5 {
			t.Errorf("natural %d", len(nat))
		}
		q, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, Query: "第17号"})
		if len(q) != 1 || !strings.Contains(q[0].Description, "第17号") {
			t.Errorf("search %+v", q)
		}
		if broad, total, err := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, Query: "号"}); err != nil || total != 30 || len(broad) != 30 {
			t.Errorf("a search matching every case: %d %d %v", len(broad), total, err)
		}
		pct, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, Query: "%"})
		if len(pct) != 0 {
			t.Errorf("%% matched %d", len(pct))
		}
		due := D("2024-07-05")
		soon, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, DueBy: &due, Limit: 100})
		for _, r := range soon {
			if r.DueOn == nil || *r.DueOn > due {
				t.Errorf("due-by returned %v", r.DueOn)
			}
		}
		if byAgency, err := s.CountCasesByAgency(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, DueBy: &due}); err != nil || byAgency[a.ID] != len(soon) || len(byAgency) != 1 {
			t.Errorf("count by agency: %v %v, want %d", byAgency, err, len(soon))
		}
		// the window starts at the latest due date among them, so that it
		// excludes the earlier ones
		from := workday.Date(0)
		for _, r := range soon {
			from = max(from, *r.DueOn)
		}
		window, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}, DueFrom: &from, DueBy: &due, Limit: 100})
		inWindow := 0
		for _, r := range soon {
			if *r.DueOn >= from {
				inWindow++
			}
		}
		if inWindow == 0 || inWindow == len(soon) {
			t.Fatalf("fixture: %d of %d due on the latest date; the window test needs some earlier", inWindow, len(soon))
		}
		if len(window) != inWindow {
			t.Errorf("due from %s to %s: %d cases, want %d", from, due, len(window), inWindow)
		}
		for _, r := range window {
			if *r.DueOn < from || *r.DueOn > due {
				t.Errorf("due window returned %v", r.DueOn)
			}
		}
		none, _, _ := s.ListCases(ctx, store.CaseFilter{})
		if len(none) != 0 {
			t.Error("a list without agencies must be empty")
		}
		n, err := s.ApplicantMonthCount(ctx, a.ID, "11010519491231002X", D("2024-06-15"))
		if err != nil || n != 5 {
			t.Errorf("month count %d %v", n, err)
		}
	})
}

func TestBackup(t *testing.T) {
	s := openSQLite(t)
	a := agency(t, s, "示例区档案局")
	clock(s, "2024-06-03")
	if err := s.CreateCase(ctx, a.ID, newCase(t, 0, "2024-06-03"), cal, cfg); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, total, err := c.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{a.ID}})
	if err != nil || total != 1 {
		t.Errorf("backup has %d cases: %v", total, err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Error("backup overwrote an existing file")
	}
	if err := openPG(t).Backup(ctx, out+"2"); err == nil || !strings.Contains(errs.Message(err), "pg_dump") {
		t.Errorf("postgres backup: %v", err)
	}
}

func TestUniqueAgency(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		agency(t, s, "同名局")
		err := s.CreateAgency(ctx, &store.Agency{Name: "同名局", Level: "county_department"})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("err = %v", err)
		}
	})
}

// Merged applications are answered with the one they were merged into, each
// keeping its own place in 表三; a transfer registers the application with
// the responsible agency.
func TestMergeAndTransfer(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区城管局")
		b := agency(t, s, "示例区住建局")
		clock(s, "2024-06-03")
		first, second, third := newCase(t, 0, "2024-06-03"), newCase(t, 6, "2024-06-03"), newCase(t, 1, "2024-06-03")
		if err := s.CreateCases(ctx, a.ID, []*casework.Case{first, second, third}, cal, cfg); err != nil {
			t.Fatal(err)
		}
		clerk := casework.Actor{Name: "张办理", Role: casework.Clerk}
		clock(s, "2024-06-04")
		if _, err := s.ApplyStep(ctx, second.ID, casework.Step{Kind: casework.KindMerge, On: D("2024-06-04"), Into: first.ID}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		// another applicant's case cannot be merged in
		_, err := s.ApplyStep(ctx, third.ID, casework.Step{Kind: casework.KindMerge, On: D("2024-06-04"), Into: first.ID}, clerk, cal, cfg)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "同一申请人") {
			t.Errorf("merge of another applicant: %v", err)
		}
		sus, err := s.SuspectDuplicates(ctx, second, 180, cal, cfg)
		if err != nil || len(sus) != 1 || sus[0].CaseID != first.ID {
			t.Errorf("suspects: %+v %v", sus, err)
		}
		clock(s, "2024-06-10")
		if _, err := s.ApplyStep(ctx, first.ID, casework.Step{Kind: casework.KindDecide, On: D("2024-06-10"), Outcome: "disclosed"}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetCase(ctx, second.ID, cal, cfg)
		if got.State != casework.Closed || got.Outcome != "disclosed" || !strings.Contains(got.Events[len(got.Events)-1].Step.Note, first.Serial) {
			t.Errorf("merged case: %s %s", got.State, got.Outcome)
		}
		table, _ := s.YearTable(ctx, a.ID, 2024)
		if v, _ := table["granted"][6].Int(); v != 2 {
			t.Errorf("granted = %v, want both merged applications", table["granted"])
		}
		if _, err := s.ApplyStep(ctx, third.ID, casework.Step{Kind: casework.KindTransfer, On: D("2024-06-10"), To: b.ID, Referral: "示例区住建局，0373-1"}, clerk, cal, cfg); err != nil {
			t.Fatal(err)
		}
		rows, _, _ := s.ListCases(ctx, store.CaseFilter{AgencyIDs: []int64{b.ID}})
		if len(rows) != 1 || rows[0].Received != D("2024-06-10") || rows[0].State != casework.Processing {
			t.Fatalf("transferred: %+v", rows)
		}
		got, _ = s.GetCase(ctx, third.ID, cal, cfg)
		if got.Outcome != "not_this_agency" {
			t.Errorf("transfer outcome %q", got.Outcome)
		}
	})
}
