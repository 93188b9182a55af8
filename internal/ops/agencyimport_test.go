package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A list of agencies lands below one the administrator manages, each under
// the agency its row names (existing, or an earlier row), all or none; a
// name that exists, a level that is none, a parent elsewhere: said by row
// and column, and nothing written.
func TestImportAgencies(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		file := "机关名称,级别,上级机关,复议机关,文号前缀\n" +
			"示例区文化馆,县级人民政府部门,,示例区人民政府,示文依公\n" +
			"示例区文化馆分馆,county_department,示例区文化馆,,\n" +
			"示例区教育局,县级人民政府部门,,,\n" +
			"某某局,部门,,,\n" +
			"乙局,县级人民政府部门,邻区人民政府,,\n"
		before := f.audits()
		res, err := o.ImportAgencies(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "机关.csv", Data: []byte(file), Commit: true})
		if err != nil || res.Ready != 2 || len(res.Bad) != 3 || res.Created != 0 {
			t.Fatalf("%v %+v", err, res)
		}
		var got []string
		for _, e := range res.Bad {
			got = append(got, e.String())
		}
		for i, want := range []string{"第 4 行 A 列（机关名称）：已有名为“示例区教育局”的机关", "第 5 行 B 列（级别）：级别“部门”无法识别",
			"第 6 行 C 列（上级机关）：上级机关“邻区人民政府”不是“示例区人民政府”或其下的机关"} {
			if !strings.HasPrefix(got[i], want) {
				t.Errorf("problem %d: %q, want %q…", i, got[i], want)
			}
		}
		if _, err := s.AgencyByName(ctx, "示例区文化馆"); err == nil || f.audits() != before {
			t.Fatal("a file with bad rows wrote something")
		}
		good := strings.Join(strings.Split(file, "\n")[:3], "\n")
		if res, err = o.ImportAgencies(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "机关.csv", Data: []byte(good), Commit: false}); err != nil || res.Ready != 2 || res.Created != 0 {
			t.Fatalf("preview: %v %+v", err, res)
		}
		if res, err = o.ImportAgencies(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "机关.csv", Data: []byte(good), Commit: true}); err != nil || res.Created != 2 {
			t.Fatalf("commit: %v %+v", err, res)
		}
		hall, err := s.AgencyByName(ctx, "示例区文化馆")
		if err != nil || hall.ParentID == nil || *hall.ParentID != f.gov.ID || hall.LetterPrefix != "示文依公" || hall.ReviewOrgan != "示例区人民政府" {
			t.Fatalf("the first: %v %+v", err, hall)
		}
		if branch, err := s.AgencyByName(ctx, "示例区文化馆分馆"); err != nil || branch.ParentID == nil || *branch.ParentID != hall.ID {
			t.Fatalf("the second, under the first: %v %+v", err, branch)
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit entries, want one", f.audits()-before)
		}
		if _, err := o.ImportAgencies(ctx, f.clerk, ops.ListFile{Under: f.a.ID, Name: "机关.csv", Data: []byte(good), Commit: true}); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk imported: %v", err)
		}
		if _, err := o.ImportAgencies(ctx, f.admin, ops.ListFile{Under: f.peerGov.ID, Name: "机关.csv", Data: []byte(good), Commit: true}); errs.KindOf(err) != errs.NotFound {
			t.Errorf("under another county: %v", err)
		}
	})
}
