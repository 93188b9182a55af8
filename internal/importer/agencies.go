package importer

import (
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/report"
)

// AgencyFields are the columns of a list of agencies, as a supervising
// office keeps it in a spreadsheet: a county's or a province's set up at once.
var AgencyFields = Schema{
	{"name", "机关名称", true, []string{"机关名称", "单位名称", "机关全称", "机关", "单位", "名称"}},
	{"level", "级别", true, []string{"机关级别", "级别", "层级"}},
	{"parent", "上级机关", false, []string{"上级机关", "主管部门", "上级单位", "上级"}},
	{"review_organ", "复议机关", false, []string{"复议机关", "行政复议机关"}},
	{"letter_prefix", "文号前缀", false, []string{"文号前缀", "文书文号前缀", "文号"}},
	{"code", "机构代码", false, []string{"统一社会信用代码", "组织机构代码", "机构代码", "信用代码"}},
	{"address", "办公地址", false, []string{"办公地址", "地址"}},
	{"phone", "联系电话", false, []string{"联系电话", "电话"}},
	{"email", "电子邮箱", false, []string{"电子邮箱", "邮箱"}},
}

// AgencyRow is an agency of the list and the name of the one above it
// ("": the agency the list is imported under).
type AgencyRow struct {
	Line   int
	Agency org.Agency
	Parent string
}

// Level reads a level as its id or its Chinese name (县级人民政府部门).
func Level(v string) (report.Level, bool) {
	v = strings.TrimSpace(v)
	for _, l := range report.Levels {
		if string(l.ID) == v || l.Name == v {
			return l.ID, true
		}
	}
	return "", false
}

// LevelNames are the levels as a message lists them.
func LevelNames() string {
	var out []string
	for _, l := range report.Levels {
		out = append(out, l.Name)
	}
	return strings.Join(out, "、")
}

// ParseAgencies reads a list of agencies; each row is checked as the 机关
// page checks one, a name twice in the file is an error.
func (s *Sheet) ParseAgencies(m *Mapping) ([]AgencyRow, []RowError) {
	var out []AgencyRow
	var bad []RowError
	seen := map[string]int{}
	s.dataRows(m, func(rc *rowCtx) {
		get := rc.get
		a := org.Agency{Name: get("name"), ReviewOrgan: get("review_organ"), LetterPrefix: get("letter_prefix"), Code: get("code"),
			Address: get("address"), Phone: get("phone"), Email: get("email")}
		lv, ok := Level(get("level"))
		if !ok {
			rc.fail("level", "级别“%s”无法识别：应为 %s 之一", get("level"), LevelNames())
		}
		a.Level = lv
		if ok {
			if err := a.Check(); err != nil {
				byField := errs.Fields(err)
				for _, f := range AgencyFields {
					if msg, bad := byField[f.ID]; bad {
						rc.fail(f.ID, "%s", msg)
					}
				}
			}
		}
		if prev, dup := seen[a.Name]; dup && a.Name != "" {
			rc.fail("name", "机关“%s”与第 %d 行重复", a.Name, prev)
		}
		seen[a.Name] = rc.line
		if len(rc.errs) > 0 {
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, AgencyRow{Line: rc.line, Agency: a, Parent: get("parent")})
	})
	return out, bad
}
