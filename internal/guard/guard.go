// Package guard checks outside input before a parser sees it: size, and for
// YAML the nesting depth and the number of aliases, so that a small crafted
// file cannot make a parser use gigabytes (a 200 KB document nested 100 000
// levels deep, or aliases that expand exponentially).
package guard

import (
	"bytes"

	"gongkai/internal/errs"
)

// YAML limits: far beyond any report or notice a person writes.
const (
	MaxYAMLDepth   = 40
	MaxYAMLAliases = 64
	MaxYAMLIndent  = 160
)

// Size refuses n bytes when more than max.
func Size(name string, n, max int64) error {
	if n > max {
		return &errs.Error{Kind: errs.TooLarge, Where: name, Msg: "文件过大（" + kib(int(n)) + "），最大 " + kib(int(max))}
	}
	return nil
}

func kib(n int) string {
	if n >= 1<<20 {
		return itoa(n>>20) + " MB"
	}
	return itoa((n+1023)>>10) + " KB"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// YAML refuses a document nested deeper than MaxYAMLDepth (flow brackets, or
// block sequences and mappings by indentation and "- - -" on one line), or
// with more than MaxYAMLAliases aliases. It reads the bytes once; quoted
// strings and comments do not count.
func YAML(name string, data []byte, max int64) error {
	if err := Size(name, int64(len(data)), max); err != nil {
		return err
	}
	depth, aliases := 0, 0
	line := 1
	for _, l := range bytes.Split(data, []byte("\n")) {
		indent := 0
		for indent < len(l) && (l[indent] == ' ' || l[indent] == '\t') {
			indent++
		}
		if indent > MaxYAMLIndent {
			return tooDeep(name, line)
		}
		// "- - - x": one nested sequence per dash
		dashes := 0
		for i := indent; i+1 < len(l) && l[i] == '-' && (l[i+1] == ' ' || l[i+1] == '\t'); i += 2 {
			dashes++
			for i+2 < len(l) && (l[i+2] == ' ' || l[i+2] == '\t') {
				i++
			}
		}
		if dashes > MaxYAMLDepth {
			return tooDeep(name, line)
		}
		var quote byte
		prev := byte(' ')
		for i := 0; i < len(l); i++ {
			c := l[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '#' && (prev == ' ' || prev == '\t' || i == 0):
				i = len(l)
			case c == '"' || c == '\'':
				if prev == ' ' || prev == '[' || prev == '{' || prev == ',' || prev == ':' || i == indent {
					quote = c
				}
			case c == '[' || c == '{':
				depth++
				if depth > MaxYAMLDepth {
					return tooDeep(name, line)
				}
			case c == ']' || c == '}':
				if depth > 0 {
					depth--
				}
			case c == '*' && (prev == ' ' || prev == '[' || prev == ',' || i == indent):
				aliases++
				if aliases > MaxYAMLAliases {
					return errs.New(name+":"+itoa(line), "YAML 中的别名（*）过多，请直接写出内容")
				}
			}
			prev = c
		}
		line++
	}
	return nil
}

func tooDeep(name string, line int) error {
	return errs.New(name+":"+itoa(line), "YAML 嵌套层次过深（最多 %d 层），请检查文件格式", MaxYAMLDepth)
}
