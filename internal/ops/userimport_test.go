package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A list of users lands in the agencies at or below one the administrator
// manages, each with its own first password, all or none; a taken login, an
// agency elsewhere, a role that is none, a wrong address: said by row and
// column, nothing written.
func TestImportUsers(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		n := 0
		pw := func() string { n++; return fmt.Sprintf("first-password-%02d", n) }
		file := "机关,用户名,姓名,角色,电子邮箱\n" +
			"示例区教育局,edu1,周一,办理人,zhou@example.gov.cn\n" +
			"示例区财政局,fin1,吴二,公开工作机构负责人,\n" +
			"示例区教育局,u1,重名,办理人,\n" +
			"邻区教育局,x1,他人,办理人,\n" +
			"示例区教育局,edu2,郑三,办事员,\n" +
			"示例区教育局,edu3,王四,clerk,wang@\n"
		before := f.audits()
		res, err := o.ImportUsers(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: []byte(file), Commit: true}, pw)
		if err != nil || res.Ready != 2 || len(res.Bad) != 4 || res.Created != 0 {
			t.Fatalf("%v %+v", err, res)
		}
		var got []string
		for _, e := range res.Bad {
			got = append(got, e.String())
		}
		for i, want := range []string{"第 4 行 B 列（用户名）：用户名“u1”已被使用", "第 5 行 A 列（机关）：机关“邻区教育局”不是本机关或其下的机关",
			"第 6 行 D 列（角色）：角色“办事员”无法识别", "第 7 行 E 列（电子邮箱）：“wang@”不是电子邮箱地址"} {
			if !strings.HasPrefix(got[i], want) {
				t.Errorf("problem %d: %q, want %q…", i, got[i], want)
			}
		}
		if _, _, err := s.UserByLogin(ctx, "edu1"); err == nil || f.audits() != before {
			t.Fatal("a list with bad rows wrote something")
		}
		good := strings.Join(strings.Split(file, "\n")[:3], "\n")
		if res, err = o.ImportUsers(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: []byte(good), Commit: true}, pw); err != nil || res.Created != 2 || len(res.Users) != 2 {
			t.Fatalf("commit: %v %+v", err, res)
		}
		for _, c := range res.Users {
			u, hash, err := s.UserByLogin(ctx, c.Login)
			if err != nil || !org.CheckPassword(hash, c.Password) {
				t.Errorf("%s cannot sign in with %q: %v", c.Login, c.Password, err)
			}
			if c.Login == "fin1" && (u.AgencyID != f.b.ID || u.Role != "approver") {
				t.Errorf("fin1: %+v", u)
			}
		}
		if row, _ := s.User(ctx, mustLogin(t, s, "edu1")); row.Email != "zhou@example.gov.cn" {
			t.Errorf("edu1's address: %q", row.Email)
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit entries, want one", f.audits()-before)
		}
		if _, err := o.ImportUsers(ctx, f.clerk, ops.ListFile{Under: f.a.ID, Name: "用户.csv", Data: []byte(good), Commit: true}, pw); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk imported: %v", err)
		}
	})
}

func mustLogin(t *testing.T, s *store.Store, login string) int64 {
	t.Helper()
	u, _, err := s.UserByLogin(ctx, login)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// A list uploaded on the back office is staged only when every row can be
// created, confirmed by its token on the page of its own kind (once), and
// written with the staged file removed in the same transaction.
func TestStageAndConfirmList(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		pw := func() string { return "first-password" }
		bad := "机关,用户名,姓名,角色\n示例区教育局,u1,重名,办理人\n"
		token, res, err := o.StageList(ctx, f.admin, ops.UserList, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: []byte(bad)}, pw)
		if err != nil || token != "" || len(res.Bad) != 1 {
			t.Fatalf("a list with a problem: %q %v %+v", token, err, res)
		}
		good := "机关,用户名,姓名,角色\n示例区教育局,edu1,周一,办理人\n示例区财政局,fin1,吴二,负责人\n"
		before := f.audits()
		token, res, err = o.StageList(ctx, f.admin, ops.UserList, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: []byte(good)}, pw)
		if err != nil || token == "" || res.Ready != 2 || res.Created != 0 {
			t.Fatalf("stage: %q %v %+v", token, err, res)
		}
		if _, _, err := s.UserByLogin(ctx, "edu1"); err == nil {
			t.Fatal("staging created a user")
		}
		if _, err := o.ConfirmList(ctx, f.admin, ops.AgencyList, token, pw); errs.KindOf(err) != errs.NotFound {
			t.Errorf("a list of users confirmed as agencies: %v", err)
		}
		other := f.admin
		other.UserID++
		if _, err := o.ConfirmList(ctx, other, ops.UserList, token, pw); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another administrator confirmed it: %v", err)
		}
		if res, err = o.ConfirmList(ctx, f.admin, ops.UserList, token, pw); err != nil || res.Created != 2 || len(res.Users) != 2 || res.Users[1].Password != "first-password" {
			t.Fatalf("confirm: %v %+v", err, res)
		}
		if _, _, err := s.UserByLogin(ctx, "fin1"); err != nil {
			t.Errorf("fin1 not created: %v", err)
		}
		if got := f.audits() - before; got != 2 {
			t.Errorf("%d audit entries, want the staging and the import", got)
		}
		if _, err := o.ConfirmList(ctx, f.admin, ops.UserList, token, pw); errs.KindOf(err) != errs.NotFound {
			t.Errorf("confirmed twice: %v", err)
		}
		// more than the page takes: said, nothing staged (the command line takes any number)
		var many strings.Builder
		many.WriteString("机关,用户名,姓名,角色\n")
		for i := range ops.MaxPageUsers + 1 {
			fmt.Fprintf(&many, "示例区教育局,bulk%d,某%d,办理人\n", i, i)
		}
		if token, _, err := o.StageList(ctx, f.admin, ops.UserList, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: []byte(many.String())}, pw); token != "" ||
			!strings.Contains(errs.Fields(err)["file"], "最多导入 500 人") {
			t.Errorf("a list of 501 on the page: %q %v", token, err)
		}
		agencies := "机关名称,级别\n示例区文化馆,县级人民政府部门\n"
		token, _, err = o.StageList(ctx, f.admin, ops.AgencyList, ops.ListFile{Under: f.gov.ID, Name: "机关.csv", Data: []byte(agencies)}, nil)
		if err != nil || token == "" {
			t.Fatalf("stage agencies: %v", err)
		}
		if res, err = o.ConfirmList(ctx, f.admin, ops.AgencyList, token, nil); err != nil || res.Created != 1 {
			t.Fatalf("confirm agencies: %v %+v", err, res)
		}
		if _, _, err := o.StageList(ctx, f.clerk, ops.AgencyList, ops.ListFile{Under: f.a.ID, Name: "机关.csv", Data: []byte(agencies)}, nil); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk staged a list: %v", err)
		}
	})
}
