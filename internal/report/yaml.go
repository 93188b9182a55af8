package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteYAML writes r as an authoring file: the same keys as the JSON model, each
// row commented with its official label so that a clerk can fill it in.
func WriteYAML(w io.Writer, r *Report) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	// a comment is one line: a name with line breaks (from a converter) must
	// not spill into the document
	p("# %s政府信息公开工作年度报告\n", oneLine(orDefault(r.Agency, "（机关名称）")))
	p("# 格式：%s。空白单元格写 null，没有发生的写 0。\n", r.Format.Title())
	p("# 检查：gongkai report check 本文件；排版：gongkai report render 本文件 --format html\n")
	p("agency: %s\n", yamlString(r.Agency))
	if r.Year == 0 {
		p("year: null\n")
	} else {
		p("year: %d\n", r.Year)
	}
	if r.Level != "" {
		p("level: %s  # %s\n", r.Level, LevelName(r.Level))
	} else {
		var ids []string
		for _, l := range Levels {
			ids = append(ids, string(l.ID)+"="+l.Name)
		}
		p("# level 可选：%s\n", strings.Join(ids, "，"))
	}
	p("format: \"%s\"\n", r.Format)
	if r.Title != "" {
		p("title: %s\n", yamlString(r.Title))
	}
	p("sections:\n")
	for _, s := range Sections {
		if s.Key == "2" || s.Key == "3" || s.Key == "4" {
			continue
		}
		p("  # %s\n", s.Heading)
		p("  \"%s\": %s\n", s.Key, yamlBlock(r.Sections[s.Key], "    "))
	}
	key := "proactive"
	if r.Format == Format2019 {
		key = "proactive_2019"
	}
	p("# 表二 %s\n%s:\n", Sections[1].Heading, key)
	for _, it := range r.Format.T2Items() {
		var cells []string
		for i, c := range it.Cells {
			path := it.Key + "." + c
			var v string
			if len(it.Money) > i && it.Money[i] {
				a := r.Proactive.Amount(path)
				if t, ok := a.Text(); ok {
					v = strconv.Quote(t)
				} else {
					v = "null"
				}
			} else {
				v = yamlCell(r.Proactive.Cell(path))
			}
			cells = append(cells, c+": "+v)
		}
		p("  %s: {%s}  # %s %s\n", it.Key, strings.Join(cells, ", "), it.Item, it.Label)
	}
	p("# 表三 %s\n", Sections[2].Heading)
	p("# 每行 7 个数：自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计\n")
	p("applications:\n")
	group := ""
	for _, row := range r.Format.T3Rows() {
		parent, leaf, nested := strings.Cut(row.Key, ".")
		indent := "  "
		if nested {
			if parent != group {
				p("  %s:  # %s\n", parent, groupLabel(row))
			}
			indent = "    "
		} else {
			leaf = parent
		}
		group = parent
		if !nested {
			group = ""
		}
		var cells []string
		for _, c := range r.Applications[row.Key] {
			cells = append(cells, yamlCell(c))
		}
		label := row.Label
		if row.Kind == RowOutcome && !nested {
			label = T3Group + " " + label
		}
		p("%s%s: [%s]  # %s\n", indent, leaf, strings.Join(cells, ", "), label)
	}
	p("# 表四 %s\n", Sections[3].Heading)
	p("appeals:\n")
	for i, blk := range T4Blocks {
		var cells []string
		for j, c := range T4Columns {
			cells = append(cells, c+": "+yamlCell(r.Appeals[i][j]))
		}
		p("  %s: {%s}  # %s%s\n", blk.Key, strings.Join(cells, ", "), blk.Parent, blk.Label)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func groupLabel(row T3Row) string {
	if row.Group != "" {
		return row.Group
	}
	return row.Label
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func yamlCell(c Cell) string {
	if v, ok := c.Int(); ok {
		return strconv.FormatInt(v, 10)
	}
	if c.IsInvalid() {
		return strconv.Quote(c.Raw())
	}
	return "null"
}

func yamlString(s string) string {
	if s == "" {
		return "null"
	}
	return strconv.Quote(s)
}

// yamlBlock writes text as a literal block, which keeps line breaks and needs
// no escaping; an empty section is an empty string to fill in.
func yamlBlock(s, indent string) string {
	if strings.TrimSpace(s) == "" {
		return "\"\""
	}
	var b strings.Builder
	b.WriteString("|-\n")
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		// leading blanks would change the block's indentation; prose has none to lose
		if line = strings.TrimLeft(line, " \t\u3000"); line != "" {
			b.WriteString(indent + line)
		}
	}
	return b.String()
}

// oneLine replaces line breaks and other control characters with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
}
