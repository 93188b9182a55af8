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
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/org"
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

// at is 10:00 Beijing time on a day.
func at(day string) clock.Clock {
	t, _ := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", clock.Shanghai())
	return clock.At(t)
}

func setClock(s *store.Store, day string) { s.Clock = at(day) }

func agency(t testing.TB, s *store.Store, name string) *org.Agency {
	a := &org.Agency{Name: name, Level: "county_department", ReviewOrgan: "示例区人民政府", LetterPrefix: "示教依复"}
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreateAgency(ctx, a) }); err != nil {
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
	c, err := casework.NewCase(in, casework.Actor{Name: "张办理", Role: casework.Clerk}, at(day), cal)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// insert stores cases in one transaction, each with its deadline as of the store's clock.
func insert(s *store.Store, agencyID int64, cs ...*casework.Case) error {
	return s.InTx(ctx, func(tx *store.Tx) error {
		for _, c := range cs {
			dl, _ := c.Deadline(cfg, cal, s.Clock.Today())
			if err := tx.InsertCase(ctx, agencyID, c, dl); err != nil {
				return err
			}
		}
		return nil
	})
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
			// the full-text index differs by design: an FTS5 table in
			// SQLite, a tsvector column in PostgreSQL
			if strings.HasPrefix(c, "catalog_search") || c == "catalog_items.search" {
				continue
			}
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

// A database that a newer gongkai migrated is refused, by name of the
// migration this program does not know, and not written to.
func TestNewerSchemaRefused(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("verify: %v", err)
		}
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ('0999_future', '2027-01-01T00:00:00Z')`); err != nil {
			t.Fatal(err)
		}
		err := s.Migrate(ctx)
		if !errors.Is(err, store.ErrNewerSchema) || !strings.Contains(errs.Message(err), "0999_future") || !strings.Contains(errs.Message(err), "较新版本") {
			t.Errorf("migrate: %v", err)
		}
		if err := s.Verify(ctx); !errors.Is(err, store.ErrNewerSchema) {
			t.Errorf("verify: %v", err)
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
		if err := insert(s, a.ID, good, bad); err == nil {
			t.Fatal("batch with a bad case accepted")
		}
		_, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}})
		if total != 0 {
			t.Errorf("%d cases left behind", total)
		}
		if err := insert(s, a.ID, newCase(t, 4, "2024-05-06")); err != nil {
			t.Fatal(err)
		}
		rows, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}})
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
				step := casework.Step{Kind: casework.KindDecide, On: on, Outcome: o, Referral: "某局", Route: "本机关网站", Grounds: []casework.OutcomeID{"third_party"}}
				if _, err := c.Apply(step, actor, at(on.String()), cfg, cal); err != nil {
					t.Fatal(err)
				}
			}
			cases = append(cases, c)
			facts = append(facts, c.Facts(casework.UnitApplication))
		}
		setClock(s, "2026-11-20")
		if err := insert(s, a.ID, cases...); err != nil {
			t.Fatal(err)
		}
		if err := insert(s, other.ID, newCase(t, 0, "2024-05-06")); err != nil {
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

func TestListFiltersAndMonthCount(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区住建局")
		b := agency(t, s, "示例区公安分局")
		setClock(s, "2024-06-28")
		var cs []*casework.Case
		for i := range 30 {
			cs = append(cs, newCase(t, i, fmt.Sprintf("2024-06-%02d", 3+i%20)))
		}
		if err := insert(s, a.ID, cs...); err != nil {
			t.Fatal(err)
		}
		if err := insert(s, b.ID, newCase(t, 0, "2024-06-03")); err != nil {
			t.Fatal(err)
		}
		_, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}})
		if total != 30 {
			t.Errorf("total %d", total)
		}
		page, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Limit: 7, Offset: 28})
		if total != 30 || len(page) != 2 {
			t.Errorf("page %d of %d", len(page), total)
		}
		nat, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, ApplicantType: "natural", Limit: 100})
		if len(nat) != 5 {
			t.Errorf("natural %d", len(nat))
		}
		q, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "第17号"})
		if len(q) != 1 || !strings.Contains(q[0].Description, "第17号") {
			t.Errorf("search %+v", q)
		}
		if broad, total, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "号"}); err != nil || total != 30 || len(broad) != 30 {
			t.Errorf("a search matching every case: %d %d %v", len(broad), total, err)
		}
		// Latin letters in any case: an applicant 某ABC科技有限公司 searched as abc
		latin := newCase(t, 1, "2024-06-04")
		latin.Intake.Applicant.Name = "某ABC科技有限公司"
		if err := insert(s, a.ID, latin); err != nil {
			t.Fatal(err)
		}
		// and typed in an input method's wide mode: ＡＢＣ, ａｂｃ, 第１７号
		if rows, total, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "第１７号"}); err != nil || total != 1 || !strings.Contains(rows[0].Description, "第17号") {
			t.Errorf("search 第１７号: %d %v", total, err)
		}
		if _, total, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "１"}); err != nil || total < 10 {
			t.Errorf("a broad search in wide digits: %d %v", total, err)
		}
		for _, query := range []string{"abc", "Abc科技", "ABC", "ＡＢＣ", "ａｂｃ科技"} {
			if rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: query}); err != nil || len(rows) != 1 || rows[0].ApplicantName != "某ABC科技有限公司" {
				t.Errorf("search %q: %d %v", query, len(rows), err)
			}
		}
		// what was stored in full width (an applicant who typed in the wide
		// mode) is found by a query in half width, and the other way round;
		// a corrected intake is searched as corrected
		wide := newCase(t, 1, "2024-06-05")
		wide.Intake.Applicant.Name = "ＸＹＺ商贸有限公司"
		wide.Intake.Request.Description = "关于２０２５年招生计划的文件"
		if err := insert(s, a.ID, wide); err != nil {
			t.Fatal(err)
		}
		for _, query := range []string{"xyz", "XYZ商贸", "ｘｙｚ", "2025年招生", "２０２５年招生"} {
			if rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: query}); err != nil || len(rows) != 1 || rows[0].ID != wide.ID {
				t.Errorf("search %q for what was stored in full width: %d %v", query, len(rows), err)
			}
		}
		wide.Intake.Applicant.Name = "某某贸易有限公司"
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			dl, _ := wide.Deadline(cfg, cal, s.Clock.Today())
			return tx.UpdateIntake(ctx, wide, dl)
		}); err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "xyz"}); total != 0 {
			t.Errorf("the name before the correction is still found: %d", total)
		}
		if rows, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "某某贸易"}); len(rows) != 1 || rows[0].ID != wide.ID {
			t.Errorf("the corrected name is not found: %d", len(rows))
		}
		// the three fields are searched apart: no match across their border
		if _, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "公司关于"}); total != 0 {
			t.Errorf("a query across the applicant and the request matched %d", total)
		}
		pct, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "%"})
		if len(pct) != 0 {
			t.Errorf("%% matched %d", len(pct))
		}
		due := D("2024-07-05")
		soon, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, DueBy: &due, Limit: 100})
		for _, r := range soon {
			if r.DueOn == nil || *r.DueOn > due {
				t.Errorf("due-by returned %v", r.DueOn)
			}
		}
		if byAgency, err := s.CountCasesByAgency(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, DueBy: &due}); err != nil || byAgency[a.ID] != len(soon) || len(byAgency) != 1 {
			t.Errorf("count by agency: %v %v, want %d", byAgency, err, len(soon))
		}
		// the window starts at the latest due date among them, so that it
		// excludes the earlier ones
		from := workday.Date(0)
		for _, r := range soon {
			from = max(from, *r.DueOn)
		}
		window, _, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, DueFrom: &from, DueBy: &due, Limit: 100})
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
		none, _, _ := s.ListCases(ctx, casework.Filter{})
		if len(none) != 0 {
			t.Error("a list without agencies must be empty")
		}
		// the 按件 count is this application's place among the applicant's of its
		// month: the natural persons are cases 0, 6, 12, 18, 24, received on
		// 6/3, 6/9, 6/15, 6/21, 6/7 (i%20 days after 6/3)
		var n int
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			n, err = tx.ApplicantMonthCount(ctx, cs[18])
			return err
		})
		if err != nil || n != 5 {
			t.Errorf("month count of the last: %d %v", n, err)
		}
		s.InTx(ctx, func(tx *store.Tx) error { n, err = tx.ApplicantMonthCount(ctx, cs[0]); return err })
		if err != nil || n != 1 {
			t.Errorf("month count of the first: %d %v", n, err)
		}
		// a company without an identity number is known by its name, typed
		// either way: ＸＹＺ and xyz are one applicant, ＸＹＺ２ another
		var named []*casework.Case
		for i, name := range []string{"ＸＹＺ（北京）公司", "xyz(北京)公司", "ＸＹＺ２（北京）公司"} {
			c := newCase(t, 1, fmt.Sprintf("2024-08-0%d", i+5))
			c.Intake.Applicant.Name = name
			named = append(named, c)
		}
		if err := insert(s, a.ID, named...); err != nil {
			t.Fatal(err)
		}
		for i, want := range []int{1, 2, 1} {
			s.InTx(ctx, func(tx *store.Tx) error { n, err = tx.ApplicantMonthCount(ctx, named[i]); return err })
			if err != nil || n != want {
				t.Errorf("month count of %s: %d %v, want %d", named[i].Intake.Applicant.Name, n, err, want)
			}
		}
	})
}

func TestBackup(t *testing.T) {
	s := openSQLite(t)
	a := agency(t, s, "示例区档案局")
	setClock(s, "2024-06-03")
	if err := insert(s, a.ID, newCase(t, 0, "2024-06-03")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	counts, err := s.Backup(ctx, out)
	if err != nil || counts["cases"] != 1 || counts["agencies"] != 1 {
		t.Fatalf("backup: %v %v", counts, err)
	}
	c, err := store.OpenExisting(ctx, out, storetest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, total, err := c.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}})
	if err != nil || total != 1 {
		t.Errorf("backup has %d cases: %v", total, err)
	}
	if _, err := s.Backup(ctx, out); err == nil {
		t.Error("backup overwrote an existing file")
	}
	if _, err := openPG(t).Backup(ctx, out+"2"); err == nil || !strings.Contains(errs.Message(err), "pg_dump") {
		t.Errorf("postgres backup: %v", err)
	}
	// a database that does not exist is refused, and not created empty
	missing := filepath.Join(t.TempDir(), "nosuch.db")
	if _, err := store.OpenExisting(ctx, missing, storetest.Clock); errs.KindOf(err) != errs.NotFound {
		t.Errorf("missing source: %v", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("opening a missing database created it")
	}
}

func TestUniqueAgency(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		agency(t, s, "同名局")
		err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.CreateAgency(ctx, &org.Agency{Name: "同名局", Level: "county_department"})
		})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("err = %v", err)
		}
	})
}

// BulkInsertCases (bench seed's province) stores cases as InsertCase does:
// serials continue the sequence, events are there, and YearTables over
// several agencies at once agrees with the reference for each.
func TestBulkInsertAndYearTables(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a, b := agency(t, s, "示例区交通局"), agency(t, s, "示例区水利局")
		rng := rand.New(rand.NewPCG(9, 9))
		actor := casework.Actor{Name: "李主任", Role: casework.Approver}
		gen := func(n int) ([]*casework.Case, []casework.CaseFacts) {
			var cs []*casework.Case
			var fs []casework.CaseFacts
			for i := range n {
				rec := D("2024-06-03") + workday.Date(rng.IntN(500))
				if w, _ := cal.IsWorkday(rec); !w {
					continue
				}
				c := newCase(t, i, rec.String())
				if rng.IntN(3) > 0 {
					on := min(rec+workday.Date(1+rng.IntN(40)), D("2026-10-31"))
					step := casework.Step{Kind: casework.KindDecide, On: on, Outcome: []casework.OutcomeID{"disclosed", "not_exist", "third_party"}[rng.IntN(3)]}
					if _, err := c.Apply(step, actor, at(on.String()), cfg, cal); err != nil {
						t.Fatal(err)
					}
				}
				cs, fs = append(cs, c), append(fs, c.Facts(casework.UnitApplication))
			}
			return cs, fs
		}
		setClock(s, "2026-11-20")
		ca, fa := gen(900)
		cb, fb := gen(60)
		dls := make([]casework.Deadline, len(ca))
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertCases(ctx, a.ID, ca, dls) }); err != nil {
			t.Fatal(err)
		}
		if err := insert(s, b.ID, cb...); err != nil {
			t.Fatal(err)
		}
		got, err := s.YearTables(ctx, []int64{a.ID, b.ID}, 2025, casework.UnitApplication)
		if err != nil {
			t.Fatal(err)
		}
		for id, facts := range map[int64][]casework.CaseFacts{a.ID: fa, b.ID: fb} {
			for k, row := range casework.YearTable(facts, 2025) {
				if fmt.Sprint(row) != fmt.Sprint(got[id][k]) {
					t.Errorf("agency %d %s: %v, reference %v", id, k, got[id][k], row)
				}
			}
		}
		// the agencies counted together: the sum of their own tables
		tot, err := s.YearTotal(ctx, []int64{a.ID, b.ID}, 2025, casework.UnitApplication)
		if err != nil {
			t.Fatal(err)
		}
		for k, row := range tot {
			for col := range row {
				x, _ := got[a.ID][k][col].Int()
				y, _ := got[b.ID][k][col].Int()
				if n, _ := row[col].Int(); n != x+y {
					t.Errorf("total %s[%d] = %d, want %d + %d", k, col, n, x, y)
				}
			}
		}
		// the months of the report pages' charts
		rec, clo, err := s.Monthly(ctx, []int64{a.ID}, 2025)
		if err != nil {
			t.Fatal(err)
		}
		var wantRec, wantClo [2][12]int64
		for _, c := range ca {
			if y := c.Received.Year() - 2024; y >= 0 && y < 2 {
				wantRec[y][c.Received.Time().Month()-1]++
			}
			if c.ClosedOn != nil {
				if y := c.ClosedOn.Year() - 2024; y >= 0 && y < 2 {
					wantClo[y][c.ClosedOn.Time().Month()-1]++
				}
			}
		}
		if rec != wantRec || clo != wantClo {
			t.Errorf("monthly: received %v closed %v, want %v %v", rec, clo, wantRec, wantClo)
		}
		// the sequence goes on where the bulk insert left it
		c := newCase(t, 0, "2025-07-01")
		if err := insert(s, a.ID, c); err != nil {
			t.Fatal(err)
		}
		n2025 := 0
		for _, x := range ca {
			if x.Received.Year() == 2025 {
				n2025++
			}
		}
		if want := fmt.Sprintf("2025-%04d", n2025+1); c.Serial != want {
			t.Errorf("next serial %s, want %s", c.Serial, want)
		}
		back, err := s.GetCase(ctx, ca[len(ca)-1].ID)
		if err != nil || len(back.Events) != len(ca[len(ca)-1].Events) || back.Serial != ca[len(ca)-1].Serial {
			t.Errorf("bulk case read back: %v %+v", err, back)
		}
	})
}

// While another program holds SQLite's one writer (a large import's
// transaction) past the busy timeout, a write fails with ErrBusy and a
// message that says to try again, not with the driver's error; nothing of
// it is written.
func TestBusyWriterIsSaid(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.db")
	a, err := store.Open(ctx, path, storetest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(ctx, path, storetest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// one connection, with a short wait, so that the test does not wait
	// the 10 s a server waits
	b.DB().SetMaxOpenConns(1)
	if _, err := b.DB().Exec(`PRAGMA busy_timeout = 100`); err != nil {
		t.Fatal(err)
	}
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- a.InTx(ctx, func(tx *store.Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	err = b.InTx(ctx, func(tx *store.Tx) error {
		return tx.CreateAgency(ctx, &org.Agency{Name: "示例局", Level: "county_department"})
	})
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !errors.Is(err, store.ErrBusy) || errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "数据库正忙") {
		t.Fatalf("a write while another holds the writer: %v", err)
	}
	if _, err := b.AgencyByName(ctx, "示例局"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the refused write was kept: %v", err)
	}
}

// Migration 0022's data step gives the cases written before it their search
// key, so that an upgraded database's applications are found as new ones
// are; every data step belongs to a migration of both trees.
func TestMigrationFillsSearchKeys(t *testing.T) {
	for v := range store.DataSteps {
		for _, d := range []string{"sqlite", "postgres"} {
			if _, err := os.Stat(filepath.Join("migrations", d, v+".sql")); err != nil {
				t.Errorf("data step %s: %v", v, err)
			}
		}
	}
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例县教育局")
		c := newCase(t, 1, "2024-06-05")
		c.Intake.Applicant.Name = "ＸＹＺ商贸有限公司"
		if err := insert(s, a.ID, c); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().ExecContext(ctx, `UPDATE cases SET search_key = ''`); err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: "xyz"}); total != 0 {
			t.Fatalf("found without a key: %d", total)
		}
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.FillSearchKeys(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"xyz", c.Serial} {
			if rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Query: q}); err != nil || len(rows) != 1 || rows[0].ID != c.ID {
				t.Errorf("search %q after the data step: %d %v", q, len(rows), err)
			}
		}
	})
}

// Migration 0025's data step gives the cases written before it their marks
// from their events, a withdrawn step not among them, so that the
// statistics and the list's 办理环节 filter count an upgraded database's
// applications as new ones.
func TestMigrationFillsMarks(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例县教育局")
		c := newCase(t, 1, "2024-06-05")
		on := workday.NewDate(2024, 6, 6)
		c.Events = append(c.Events,
			casework.Event{Seq: 2, Step: casework.Step{Kind: casework.KindExtend, On: on}},
			casework.Event{Seq: 3, Step: casework.Step{Kind: casework.KindConsult, On: on, Party: "某公司"}},
			casework.Event{Seq: 4, Step: casework.Step{Kind: casework.KindUndo, On: on, Undoes: 3}})
		plain := newCase(t, 2, "2024-06-05")
		for _, x := range []*casework.Case{c, plain} {
			if err := insert(s, a.ID, x); err != nil {
				t.Fatal(err)
			}
		}
		count := func(m casework.Mark) int {
			_, total, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Mark: m})
			if err != nil {
				t.Fatal(err)
			}
			return total
		}
		if count(casework.MarkExtended) != 1 || count(casework.MarkConsulted) != 0 {
			t.Fatalf("as written: extended %d, consulted %d", count(casework.MarkExtended), count(casework.MarkConsulted))
		}
		if _, err := s.DB().ExecContext(ctx, `UPDATE cases SET marks = 0`); err != nil {
			t.Fatal(err)
		}
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.FillMarks(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{a.ID}, Mark: casework.MarkExtended}); err != nil || len(rows) != 1 || rows[0].ID != c.ID {
			t.Errorf("extended after the data step: %d %v", len(rows), err)
		}
		if n := count(casework.MarkConsulted); n != 0 {
			t.Errorf("a withdrawn consultation counted: %d", n)
		}
	})
}
