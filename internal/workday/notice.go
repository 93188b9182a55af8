package workday

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// noticeFile is the YAML an administrator writes from a new notice:
//
//	year: 2027
//	notice: 国办发明电〔2026〕X号
//	published: 2026-11-10
//	source: https://…
//	holidays:
//	  - name: 春节
//	    rest: [2027-02-06, 2027-02-07, …]
//	    work: [2027-02-14]
type noticeFile struct {
	Year      int    `yaml:"year"`
	Notice    string `yaml:"notice"`
	Published string `yaml:"published"`
	Source    string `yaml:"source"`
	Note      string `yaml:"note"`
	Holidays  []struct {
		Name string   `yaml:"name"`
		Rest []string `yaml:"rest"`
		Work []string `yaml:"work"`
	} `yaml:"holidays"`
}

var csvLine = regexp.MustCompile(`^\d{4}-\d{2}-\d{2},`)

// MaxNoticeSize bounds a notice file: a year's notice is a few KB.
const MaxNoticeSize = 256 << 10

// ParseNotice reads a year's notice in YAML (above) or in the CSV form of the
// embedded data (date,kind,holiday,notice_year,notice; then year, number and
// published date are given separately). Every mistake is reported with where it is.
func ParseNotice(name string, data []byte, year int, number string, published Date) (Notice, []Entry, error) {
	if err := guard.Size(name, int64(len(data)), MaxNoticeSize); err != nil {
		return Notice{}, nil, err
	}
	data = guard.UTF8(data) // saved by Notepad: with a BOM, as "Unicode", or as GBK
	t := bytes.TrimSpace(data)
	if bytes.HasPrefix(t, []byte("date,")) || csvLine.Match(t) {
		es, err := ReadEntries(name, bytes.NewReader(data))
		if err != nil {
			return Notice{}, nil, err
		}
		if year == 0 || number == "" || published == 0 {
			return Notice{}, nil, errs.New(name, "CSV 格式的通知须另外给出年份、文号和发布日期")
		}
		return Notice{Year: year, Number: number, Published: published}, es, checkYear(name, year, es)
	}
	if err := guard.YAML(name, data, MaxNoticeSize); err != nil {
		return Notice{}, nil, err
	}
	var f noticeFile
	if err := decodeYAML(data, &f); err != nil {
		var pe decoderPanic
		if errors.As(err, &pe) {
			return Notice{}, nil, errs.Wrap(errs.Invalid, err, name, "YAML 格式错误：无法读取，请检查标签（以 ! 开头的写法）、缩进和引号")
		}
		return Notice{}, nil, errs.Wrap(errs.Invalid, err, name, "YAML 格式错误：%s", yaml.FormatError(err, false, true))
	}
	if f.Year < 2019 || strings.TrimSpace(f.Notice) == "" {
		return Notice{}, nil, errs.New(name, "请写明 year（年份）和 notice（通知文号）")
	}
	pub, err := ParseDate(f.Published)
	if err != nil {
		return Notice{}, nil, errs.New(name+" published", "发布日期“%s”不对：应写成 YYYY-MM-DD", f.Published)
	}
	var es []Entry
	seen := map[Date]string{}
	for i, h := range f.Holidays {
		where := fmt.Sprintf("%s holidays[%d]（%s）", name, i, h.Name)
		if strings.TrimSpace(h.Name) == "" {
			return Notice{}, nil, errs.New(where, "请写明节日名称 name")
		}
		for _, list := range []struct {
			kind Kind
			days []string
		}{{Rest, h.Rest}, {Work, h.Work}} {
			for _, s := range list.days {
				d, err := ParseDate(s)
				if err != nil {
					return Notice{}, nil, errs.New(where, "日期“%s”不对：应写成 YYYY-MM-DD", s)
				}
				if list.kind == Work && d.Weekday() != 0 && d.Weekday() != 6 {
					return Notice{}, nil, errs.New(where, "%s 是%s，调休上班日应是星期六或星期日", d, d.WeekdayName())
				}
				if other, dup := seen[d]; dup {
					return Notice{}, nil, errs.New(where, "%s 已出现在“%s”中", d, other)
				}
				seen[d] = h.Name
				es = append(es, Entry{Date: d, Kind: list.kind, Holiday: h.Name, Year: f.Year, Notice: f.Notice})
			}
		}
	}
	n := Notice{Year: f.Year, Number: f.Notice, Published: pub, Source: f.Source, Note: f.Note}
	return n, es, checkYear(name, f.Year, es)
}

func checkYear(name string, year int, es []Entry) error {
	if len(es) == 0 {
		return errs.New(name, "通知中没有任何放假或调休日期")
	}
	for _, e := range es {
		if e.Year != year || e.Date.Year() < year-1 || e.Date.Year() > year {
			return errs.New(name, "%s 不属于 %d 年的节假日安排", e.Date, year)
		}
	}
	return nil
}

// decoderPanic is a panic of the YAML decoder, turned into an error.
type decoderPanic struct{ v any }

func (p decoderPanic) Error() string { return fmt.Sprintf("yaml decoder panic: %v", p.v) }

// decodeYAML decodes strictly and never panics: goccy/go-yaml v1.19.2
// dereferences nil on a tag without a value ("holidays: ! ", found by
// FuzzNotice), and a notice comes from the administrator's upload.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = decoderPanic{r}
		}
	}()
	return yaml.UnmarshalWithOptions(data, v, yaml.Strict())
}
