package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/errs"
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
		res, err := o.ImportUsers(ctx, f.admin, f.gov.ID, "用户.csv", []byte(file), nil, pw, true)
		if err != nil || res.Ready != 2 || len(res.Bad) != 4 || len(res.Created) != 0 {
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
		if res, err = o.ImportUsers(ctx, f.admin, f.gov.ID, "用户.csv", []byte(good), nil, pw, true); err != nil || len(res.Created) != 2 {
			t.Fatalf("commit: %v %+v", err, res)
		}
		for _, c := range res.Created {
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
		if _, err := o.ImportUsers(ctx, f.clerk, f.a.ID, "用户.csv", []byte(good), nil, pw, true); errs.KindOf(err) != errs.Forbidden {
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
