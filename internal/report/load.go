package report

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	yparser "github.com/goccy/go-yaml/parser"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// Load reads an authored report (YAML) or a JSON model. JSON is read by the same
// YAML parser so that both give errors with file:line:column.
//
// Structural mistakes (unknown keys, a row with six numbers, a year that is not
// a number) are errors: the file must be fixed before anything can be checked.
// Cells that hold a wrong value (-1, 2.5, "无") load as they are and become
// CELL.INVALID findings, so that `report check` can list all of them at once.
func Load(name string, data []byte) (*Report, error) {
	if err := guard.Size(name, int64(len(data)), MaxLoad); err != nil {
		return nil, err
	}
	data = guard.UTF8(data) // saved by Notepad: with a BOM, as "Unicode", or as GBK
	// depth, aliases and size are checked before the parser builds a tree:
	// a 200 KB file nested 100 000 deep otherwise takes gigabytes
	if err := guard.YAML(name, data, MaxLoad); err != nil {
		return nil, err
	}
	f, err := yparser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(name, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, errs.New(name, "文件是空的：请用 gongkai report new 生成一个报告框架再填写")
	}
	l := &loader{name: name}
	root := l.conv(f.Docs[0].Body)
	if l.err != nil {
		return nil, l.err
	}
	r, err := l.report(root)
	if err != nil {
		return nil, err
	}
	r.Meta.Source = name
	return r, nil
}

// MaxLoad bounds a report file: a filled-in report is a few KB.
const MaxLoad = 4 << 20

func yamlError(name string, err error) error {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil {
		where := fmt.Sprintf("%s:%d:%d", name, se.Token.Position.Line, se.Token.Position.Column)
		switch m := se.Message; {
		case hasText(m, "already defined"):
			return errs.Wrap(errs.Invalid, err, where, "“%s”重复出现：每一项只能写一次", se.Token.Value)
		case hasText(m, "tab"):
			return errs.Wrap(errs.Invalid, err, where, "YAML 格式错误：缩进不能用 Tab 键，请改用空格")
		}
		return errs.Wrap(errs.Invalid, err, where, "YAML 格式错误（%s）：请检查这一行的缩进、冒号和引号", se.Message)
	}
	return errs.Wrap(errs.Invalid, err, name, "无法读取 YAML/JSON 文件")
}

// node is a YAML value with its position, simpler to walk than goccy's AST.
type node struct {
	kind     byte // 'm' mapping, 's' sequence, 'v' scalar, 'n' null
	text     string
	line     int
	col      int
	keys     []string
	keyNodes []*node
	vals     []*node
	items    []*node
}

type loader struct {
	name string
	err  error
}

func (l *loader) at(n *node) string { return fmt.Sprintf("%s:%d:%d", l.name, n.line, n.col) }

func (l *loader) conv(a ast.Node) *node {
	tk := a.GetToken()
	n := &node{}
	if tk != nil {
		n.line, n.col = tk.Position.Line, tk.Position.Column
	}
	switch v := a.(type) {
	case *ast.MappingNode:
		n.kind = 'm'
		for _, mv := range v.Values {
			l.addPair(n, mv)
		}
	case *ast.MappingValueNode:
		n.kind = 'm'
		l.addPair(n, v)
	case *ast.SequenceNode:
		n.kind = 's'
		for _, it := range v.Values {
			n.items = append(n.items, l.conv(it))
		}
	case *ast.NullNode:
		n.kind = 'n'
	case *ast.StringNode:
		n.kind, n.text = 'v', v.Value
	case *ast.LiteralNode:
		n.kind, n.text = 'v', v.Value.Value
		n.line++ // a block scalar's text starts on the line after its "|"
	case *ast.TagNode:
		return l.conv(v.Value)
	case *ast.AnchorNode:
		return l.conv(v.Value)
	case *ast.AliasNode, *ast.MergeKeyNode:
		if l.err == nil {
			l.err = errs.New(l.at(n), "报告文件中不支持 YAML 锚点和别名（& * <<）：请直接写出数值")
		}
		n.kind = 'n'
	case ast.ScalarNode:
		n.kind = 'v'
		if tk != nil {
			n.text = tk.Value
		}
	default:
		if l.err == nil {
			l.err = errs.New(l.at(n), "无法识别的 YAML 内容")
		}
		n.kind = 'n'
	}
	return n
}

func (l *loader) addPair(n *node, mv *ast.MappingValueNode) {
	k := l.conv(mv.Key)
	n.keys = append(n.keys, k.text)
	n.keyNodes = append(n.keyNodes, k)
	n.vals = append(n.vals, l.conv(mv.Value))
}

func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// checkKeys refuses keys the model does not have: a misspelt key would
// otherwise silently lose a number.
func (l *loader) checkKeys(n *node, what string, allowed ...string) error {
	for i, k := range n.keys {
		ok := false
		for _, a := range allowed {
			if k == a {
				ok = true
				break
			}
		}
		if !ok {
			return errs.New(l.at(n.keyNodes[i]), "%s中没有“%s”这一项；可用的项为：%s", what, k, strings.Join(allowed, "、"))
		}
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		if seen[k] {
			return errs.New(l.at(n.keyNodes[i]), "“%s”重复出现：每一项只能写一次", k)
		}
		seen[k] = true
	}
	return nil
}

func (l *loader) wantMap(n *node, what string) error {
	if n == nil || n.kind == 'm' {
		return nil
	}
	return errs.New(l.at(n), "%s应为“键: 值”形式的一组内容", what)
}

func (l *loader) report(root *node) (*Report, error) {
	if err := l.wantMap(root, "报告文件"); err != nil {
		return nil, err
	}
	if err := l.checkKeys(root, "报告文件", "agency", "year", "level", "format", "title", "sections",
		"proactive", "proactive_2019", "applications", "appeals", "findings", "file"); err != nil {
		return nil, err
	}
	var f Format
	year := 0
	if y := root.get("year"); y != nil && y.kind != 'n' {
		v, err := strconv.Atoi(strings.TrimSpace(y.text))
		if err != nil || y.kind != 'v' || v < minReportYear || v > maxReportYear {
			return nil, errs.New(l.at(y), "年份“%s”不对：year 应为报告年度，如 2024", y.text)
		}
		year = v
	}
	if fv := root.get("format"); fv != nil && fv.kind != 'n' {
		f = Format(strings.TrimSpace(fv.text))
		if !f.Valid() {
			return nil, errs.New(l.at(fv), "format 只能是 \"2021\"（国办公开办函〔2021〕30号）或 \"2019\"（2019 年试行格式），不能是“%s”", fv.text)
		}
	} else {
		f = FormatForYear(year)
	}
	r := NewReport(f)
	r.Year = year
	if a := root.get("agency"); a != nil && a.kind == 'v' {
		r.Agency = strings.TrimSpace(a.text)
	}
	if t := root.get("title"); t != nil && t.kind == 'v' {
		r.Title = strings.TrimSpace(t.text)
	}
	if lv := root.get("level"); lv != nil && lv.kind == 'v' {
		r.Level = Level(strings.TrimSpace(lv.text))
		if LevelName(r.Level) == "" {
			// accept the Chinese name too: clerks write what they read
			found := false
			for _, x := range Levels {
				if x.Name == lv.text {
					r.Level, found = x.ID, true
				}
			}
			if !found {
				var ids []string
				for _, x := range Levels {
					ids = append(ids, string(x.ID)+"（"+x.Name+"）")
				}
				return nil, errs.New(l.at(lv), "level“%s”不对，应为以下之一：%s", lv.text, strings.Join(ids, "、"))
			}
		}
	}
	if s := root.get("sections"); s != nil && s.kind != 'n' {
		if err := l.wantMap(s, "sections"); err != nil {
			return nil, err
		}
		if err := l.checkKeys(s, "sections", "1", "2", "3", "4", "5", "6"); err != nil {
			return nil, err
		}
		for i, k := range s.keys {
			v := s.vals[i]
			if v.kind == 'n' {
				continue
			}
			if v.kind != 'v' {
				return nil, errs.New(l.at(v), "sections 的第 %s 部分应为一段文字", k)
			}
			r.Sections[k] = strings.TrimRight(v.text, "\n")
			r.setLine(k, v.line)
		}
	}
	pkey, other := "proactive", "proactive_2019"
	if f == Format2019 {
		pkey, other = other, pkey
	}
	if p := root.get(other); p != nil && p.kind != 'n' {
		return nil, errs.New(l.at(p), "format 为 %s 的报告表二应写在 %s 下，而不是 %s", f, pkey, other)
	}
	if p := root.get(pkey); p != nil && p.kind != 'n' {
		if err := l.proactive(r, p); err != nil {
			return nil, err
		}
	}
	if a := root.get("applications"); a != nil && a.kind != 'n' {
		if err := l.applications(r, a); err != nil {
			return nil, err
		}
	}
	if a := root.get("appeals"); a != nil && a.kind != 'n' {
		if err := l.appeals(r, a); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (l *loader) proactive(r *Report, p *node) error {
	items := r.Format.T2Items()
	var keys []string
	for _, it := range items {
		keys = append(keys, it.Key)
	}
	if err := l.wantMap(p, "表二"); err != nil {
		return err
	}
	if err := l.checkKeys(p, "表二", keys...); err != nil {
		return err
	}
	for _, it := range items {
		n := p.get(it.Key)
		if n == nil || n.kind == 'n' {
			continue
		}
		if err := l.wantMap(n, "表二“"+it.Label+"”"); err != nil {
			return err
		}
		if err := l.checkKeys(n, "表二“"+it.Label+"”", it.Cells...); err != nil {
			return err
		}
		r.setLine("proactive."+it.Key, n.line)
		for i, c := range it.Cells {
			v := n.get(c)
			path := it.Key + "." + c
			if len(it.Money) > i && it.Money[i] {
				if v != nil && v.kind == 'v' {
					r.Proactive.SetAmount(path, ParseAmount(v.text))
				} else if v != nil && v.kind != 'n' {
					r.Proactive.SetAmount(path, Amount{state: cellInvalid, raw: "(非数值)"})
				}
				continue
			}
			r.Proactive.Set(path, l.cell(v))
		}
	}
	return nil
}

// cell reads one count. Wrong values are kept as invalid cells, not errors.
func (l *loader) cell(v *node) Cell {
	if v == nil || v.kind == 'n' {
		return Cell{}
	}
	if v.kind != 'v' {
		return Invalid("(非数值)")
	}
	return ParseCount(v.text)
}

// ParseCount reads a count as written in a table: digits, maybe with thousands
// separators or full-width digits. Anything else is an invalid cell; "" is blank.
func ParseCount(s string) Cell {
	t := strings.TrimSpace(s)
	if t == "" {
		return Cell{}
	}
	if n, ok := plainCount(t); ok {
		return N(n) // nearly every cell: ASCII digits, nothing to fold or strip
	}
	t = foldDigits(t)
	t = strings.ReplaceAll(t, ",", "")
	if n, err := strconv.ParseInt(t, 10, 64); err == nil {
		return N(n)
	}
	if r, ok := new(big.Rat).SetString(t); ok && r.IsInt() && r.Num().IsInt64() {
		return N(r.Num().Int64())
	}
	return Invalid(strings.TrimSpace(s))
}

// cnSeparated says s holds several values parted by the Chinese comma or
// 顿号, as a Chinese input method types a list ("3，0，0", "0，repealed: 0"):
// YAML reads that as one value. A thousands separator ("1，234") is not
// this: a digit group after it has three digits.
func cnSeparated(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == '、' })
	if len(parts) < 2 {
		return false
	}
	thousands := true
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return false
		}
		if c := p[0]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.HasPrefix(p, "null")) {
			return false
		}
		if i > 0 && (len(p) != 3 || strings.Trim(p, "0123456789") != "") {
			thousands = false
		}
	}
	return !thousands
}

// plainCount reads 1 to 18 ASCII digits (no overflow possible).
func plainCount(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// minReportYear and maxReportYear bound a report's year, read or loaded.
const minReportYear, maxReportYear = 1990, 2200

// foldDigits writes a number's full-width forms in ASCII (２０２４, －3,
// １，２３４), and a dash standing for a minus sign before a digit (−3 with
// the minus sign, –3 and —3 with the dashes Word's autocorrect or a
// typesetter puts for it) as '-'; a dash alone stays (— for a blank cell).
func foldDigits(s string) string {
	ascii := true // nearly every number read: ASCII digits, nothing to fold
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii || !strings.ContainsFunc(s, func(r rune) bool {
		return r >= '０' && r <= '９' || r == '，' || r == '＋' || isMinus(r) && r != '-'
	}) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r == '，':
			b.WriteByte(',')
		case r == '＋':
			b.WriteByte('+')
		case isMinus(r) && minusAt(s, i):
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isMinus says r is written for a minus sign: '-', the full-width －, the
// minus sign −, the small ﹣, or the en and em dashes.
func isMinus(r rune) bool {
	switch r {
	case '-', '－', '−', '﹣', '–', '—':
		return true
	}
	return false
}

// minusAt says the minus-like rune at byte i of s is a sign: a digit
// follows it ('-' and '－' are signs wherever they stand, as before).
func minusAt(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == '-' || r == '－' {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	return isDigit(next)
}

func (l *loader) row(v *node, label string) (Row, error) {
	var row Row
	if v == nil || v.kind == 'n' {
		return row, nil
	}
	if v.kind != 's' {
		return row, errs.New(l.at(v), "表三“%s”应为 7 个数的列表 [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]", label)
	}
	if len(v.items) != NumCols {
		for _, it := range v.items {
			if it.kind == 'v' && cnSeparated(it.text) {
				return row, errs.New(l.at(v), "表三“%s”的数之间用了中文逗号“，”或顿号“、”（“%s”被读成一个数）：请改用英文逗号“,”，写成 [0, 0, 0, 0, 0, 0, 0]", label, it.text)
			}
		}
		return row, errs.New(l.at(v), "表三“%s”有 %d 个数，应为 7 个：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计（空白写 null）", label, len(v.items))
	}
	for i, it := range v.items {
		row[i] = l.cell(it)
	}
	return row, nil
}

func (l *loader) applications(r *Report, a *node) error {
	if err := l.wantMap(a, "表三 applications"); err != nil {
		return err
	}
	// group the format's rows by their parent key
	top := []string{"columns"}
	groups := map[string][]T3Row{}
	for _, row := range r.Format.T3Rows() {
		parent, leaf, nested := strings.Cut(row.Key, ".")
		if !nested {
			top = append(top, parent)
			continue
		}
		if _, ok := groups[parent]; !ok {
			top = append(top, parent)
		}
		_ = leaf
		groups[parent] = append(groups[parent], row)
	}
	if err := l.checkKeys(a, "表三", top...); err != nil {
		if r.Format == Format2021 {
			if o := a.get("other"); o != nil && o.get("all") != nil {
				return errs.New(l.at(o), "2021 格式的（六）其他处理分 3 行（no_correction、no_fee_paid、other），“all”只用于 2019 试行格式")
			}
		}
		return err
	}
	if c := a.get("columns"); c != nil && c.kind == 's' {
		if len(c.items) != NumCols {
			return errs.New(l.at(c), "columns 应为 %s", strings.Join(T3Columns, ", "))
		}
		for i, it := range c.items {
			if it.text != T3Columns[i] {
				return errs.New(l.at(it), "columns 第 %d 列应为 %s，不能是 %s：列的顺序是固定的", i+1, T3Columns[i], it.text)
			}
		}
	}
	for _, row := range r.Format.T3Rows() {
		parent, leaf, nested := strings.Cut(row.Key, ".")
		var v *node
		if nested {
			g := a.get(parent)
			if g == nil || g.kind == 'n' {
				continue
			}
			if err := l.wantMap(g, "表三 "+parent); err != nil {
				return err
			}
			var leaves []string
			for _, x := range groups[parent] {
				_, lf, _ := strings.Cut(x.Key, ".")
				leaves = append(leaves, lf)
			}
			if err := l.checkKeys(g, "表三“"+row.Group+"”", leaves...); err != nil {
				if r.Format == Format2021 && g.get("all") != nil {
					return errs.New(l.at(g), "2021 格式的（六）其他处理分 3 行（no_correction、no_fee_paid、other），“all”只用于 2019 试行格式")
				}
				if r.Format == Format2019 && parent == "other" {
					return errs.New(l.at(g), "2019 试行格式的（六）其他处理只有一行：写作 other: {all: [...]}")
				}
				return err
			}
			v = g.get(leaf)
		} else {
			v = a.get(parent)
		}
		rw, err := l.row(v, row.Group+row.Label)
		if err != nil {
			return err
		}
		r.Applications[row.Key] = rw
		if v != nil {
			r.setLine(row.Key, v.line)
		}
	}
	return nil
}

func (l *loader) appeals(r *Report, a *node) error {
	if err := l.wantMap(a, "表四 appeals"); err != nil {
		return err
	}
	var keys []string
	for _, b := range T4Blocks {
		keys = append(keys, b.Key)
	}
	if err := l.checkKeys(a, "表四", keys...); err != nil {
		return err
	}
	for i, b := range T4Blocks {
		n := a.get(b.Key)
		if n == nil || n.kind == 'n' {
			continue
		}
		if err := l.wantMap(n, "表四“"+b.Label+"”"); err != nil {
			return err
		}
		if err := l.checkKeys(n, "表四“"+b.Label+"”", T4Columns...); err != nil {
			return err
		}
		r.setLine("appeals", n.line)
		for j, c := range T4Columns {
			r.Appeals[i][j] = l.cell(n.get(c))
		}
	}
	return nil
}
