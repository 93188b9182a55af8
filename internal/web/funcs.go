package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"mime"
	"path"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/settings"
	"gongkai/internal/workday"
)

// funcs are the helpers templates call: times in the deployment's zone,
// Chinese names of the enumerations.
func funcs(o *ops.Service) template.FuncMap {
	m := template.FuncMap{
		"mul":      func(a, b float64) float64 { return a * b },
		"local":    func(t time.Time) string { return o.Clock.Format(t) },
		"cn":       func(d workday.Date) string { return d.Chinese() },
		"pattern":  catalog.PatternForForm,
		"listForm": listForm,
		// the account rules in force (the defaults when unreadable): the
		// password forms state the rule, the layout the idle limit
		"account": func() settings.Account { st, _ := o.Settings(context.Background()); return st.Account },
		"paras":   paras,
		"state":   casework.StateName,
		"outcome": func(id casework.OutcomeID) string {
			o := casework.OutcomeByID(id)
			if o == nil {
				return ""
			}
			return o.Name
		},
		"step":    casework.StepName,
		"channel": casework.ChannelName,
		"action":  audit.Name,
		"yuan":    func(n int64) string { return fmt.Sprintf("%d 元", n) },
		"has": func(list []string, v string) bool {
			for _, x := range list {
				if x == v {
					return true
				}
			}
			return false
		},
		"split":        strings.Split,
		"inc":          func(i int) int { return i + 1 },
		"formatName":   formatName,
		"ruleTitle":    report.RuleTitle,
		"levelName":    report.LevelName,
		"catalogState": func(s catalog.State) string { return catalog.StateName(s) },
		"itemRule":     catalog.RuleTitle,
		"validity":     catalog.ValidityName,
		"attribute":    catalog.AttributeName,
		"ground":       catalog.GroundName,
		"category": func(id string) string {
			if id == "" {
				return "—"
			}
			return catalog.CategoryName(id)
		},
		"proofName":   catalog.ProofName,
		"reviewName":  catalog.ReviewName,
		"reportState": report.StateName,
		"platform":    newmedia.PlatformName,
		"acctState":   newmedia.StateName,
		"inspKind":    newmedia.InspectionKindName,
		"problem":     newmedia.ProblemName,
		"colKind":     newmedia.ColumnKindName,
		"docKind":     catalog.DocKindName,
		"source":      newmedia.SourceName,
		"deref":       func(d *workday.Date) workday.Date { return *d },
		// a long list shown in part: its first n, and how many more
		"upto":   func(n int, xs []ops.ItemRowView) []ops.ItemRowView { return xs[:min(n, len(xs))] },
		"beyond": func(n int, xs []ops.ItemRowView) int { return max(len(xs)-n, 0) },
	}
	maps.Copy(m, dateFuncs)
	return m
}

// dateFuncs say dates and deadlines.
var dateFuncs = template.FuncMap{
	"left": func(n int) string {
		switch {
		case n < 0:
			return fmt.Sprintf("逾期 %d 个工作日", -n)
		case n == 0:
			return "今天到期"
		}
		return fmt.Sprintf("剩余 %d 个工作日", n)
	},
	// daysTo says how far a date is from today, in calendar days
	"daysTo": func(d *workday.Date, today workday.Date) string {
		switch n := int(*d - today); {
		case n == 0:
			return "今天届满"
		case n < 0:
			return fmt.Sprintf("已过 %d 天", -n)
		default:
			return fmt.Sprintf("还有 %d 天", n)
		}
	},
	"dateOf": dateText,
	// the values an edit form shows, which it carries (see merge.go)
	"accountOpened": func(a newmedia.Account) string { return openedJSON(accountValues(a)) },
	"columnOpened":  func(c newmedia.Column) string { return openedJSON(columnValues(c)) },
	"agencyOpened":  func(a *org.Agency) string { return openedJSON(agencyValues(a)) },
}

// gzippedAssets are the embedded static files compressed once at start.
var gzippedAssets = func() map[string][]byte {
	out := map[string][]byte{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil || len(data) < 1024 {
			return err
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // the level is valid
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		out[strings.TrimPrefix(p, "static/")] = b.Bytes()
		return nil
	})
	if err != nil {
		panic("embedded static files: " + err.Error()) // the build embedded them; unreachable unless the binary is broken
	}
	return out
}()

func gzipped(p string) ([]byte, bool) {
	b, ok := gzippedAssets[strings.TrimPrefix(p, "/")]
	return b, ok
}

func contentType(p string) string {
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// formatName is a download format as the clerk knows it.
func formatName(f string) string {
	switch f {
	case "docx":
		return "Word 文档"
	case "pdf":
		return "PDF"
	case "xlsx":
		return "Excel 表格"
	case "html":
		return "网页"
	case "txt":
		return "纯文本"
	case "json":
		return "数据文件（JSON）"
	}
	return f
}

// paras are a text's paragraphs, one a line, blank lines dropped.
func paras(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
