package importer

import (
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/org"
)

// UserFields are the columns of a list of users to create (a county's or a
// province's staff at once).
var UserFields = Schema{
	{"agency", "机关", true, []string{"机关名称", "所在机关", "单位名称", "机关", "单位"}},
	{"login", "用户名", true, []string{"用户名", "登录名", "账号", "帐号"}},
	{"name", "姓名", true, []string{"姓名", "名字"}},
	{"role", "角色", true, []string{"角色", "权限", "身份"}},
	{"email", "电子邮箱", false, []string{"电子邮箱", "邮箱"}},
}

// UserRow is a user of the list, their agency by name.
type UserRow struct {
	Line                       int
	Agency, Login, Name, Email string
	Role                       casework.Role
}

// Role reads a role as its id or its Chinese name (办理人).
func Role(v string) (casework.Role, bool) {
	v = strings.TrimSpace(v)
	if r, ok := roleWords[v]; ok {
		return r, true
	}
	for _, r := range org.Roles {
		if string(r.ID) == v || r.Name == v {
			return r.ID, true
		}
	}
	return "", false
}

// roleWords are the shorter names a staff list gives the roles (the back
// office itself says 负责人 for the 公开工作机构负责人).
var roleWords = map[string]casework.Role{
	"经办人": casework.Clerk, "承办人": casework.Clerk,
	"负责人": casework.Approver,
	"管理员": casework.Admin,
}

// RoleNames are the roles as a message lists them.
func RoleNames() string {
	var out []string
	for _, r := range org.Roles {
		out = append(out, r.Name)
	}
	return strings.Join(out, "、")
}

// ParseUsers reads a list of users: a role it does not know, a login twice
// in the file are errors by row and column (the rest is checked when the
// list is weighed against the database).
func (s *Sheet) ParseUsers(m *Mapping) ([]UserRow, []RowError) {
	var out []UserRow
	var bad []RowError
	seen := map[string]int{}
	s.dataRows(m, func(rc *rowCtx) {
		u := UserRow{Line: rc.line, Agency: rc.get("agency"), Login: rc.get("login"), Name: rc.get("name"), Email: rc.get("email")}
		var ok bool
		if u.Role, ok = Role(rc.get("role")); !ok {
			rc.fail("role", "角色“%s”无法识别：应为 %s 之一", rc.get("role"), RoleNames())
		}
		if prev, dup := seen[u.Login]; dup && u.Login != "" {
			rc.fail("login", "用户名“%s”与第 %d 行重复", u.Login, prev)
		}
		seen[u.Login] = rc.line
		if len(rc.errs) > 0 {
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, u)
	})
	return out, bad
}
