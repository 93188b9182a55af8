package catalog

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
	"gongkai/internal/workday"
)

// DocKind is the kind of a normative document: the two rows of 表二 (一).
type DocKind string

const (
	Rule      DocKind = "rule"      // 规章
	Normative DocKind = "normative" // 行政规范性文件
)

// DocKinds with their names as 表二 writes them.
var DocKinds = []struct {
	ID   DocKind
	Name string
	Row  string // 表二 row key
}{
	{Rule, "规章", "rules"}, {Normative, "行政规范性文件", "normative_documents"},
}

// DocKindName is the Chinese name.
func DocKindName(k DocKind) string {
	for _, x := range DocKinds {
		if x.ID == k {
			return x.Name
		}
	}
	return string(k)
}

// Document is a 规章 or 行政规范性文件 of an agency through its life: issued,
// amended, repealed, or expired at the end of its 有效期.
type Document struct {
	ID          int64          `json:"id"`
	AgencyID    int64          `json:"agency_id"`
	Kind        DocKind        `json:"kind"`
	Title       string         `json:"title"`
	DocNo       string         `json:"doc_no"`
	IssuedOn    workday.Date   `json:"issued_on"`              // 印发/公布日期
	EffectiveOn *workday.Date  `json:"effective_on,omitempty"` // 施行日期
	ExpiresOn   *workday.Date  `json:"expires_on,omitempty"`   // 有效期至 (last day in force)
	RepealedOn  *workday.Date  `json:"repealed_on,omitempty"`  // 废止日期
	Amended     []workday.Date `json:"amended,omitempty"`      // 修订/修正日期
	ItemID      *int64         `json:"item_id,omitempty"`      // its catalog item
	Note        string         `json:"note"`
}

// Fingerprint identifies the document as its edit form shows it (the form
// carries it; what the form does not show, such as its catalog item, does
// not count).
func (d Document) Fingerprint() string { return fingerprint.Of(d.shown()) }

// docFields name the fields of a document its edit form shows, in the
// order of shown's values.
var docFields = []string{"类别", "文件名称", "文号", "印发日期", "施行日期", "有效期至", "废止日期", "修订日期", "备注"}

// shown is the document's fields as a person reads them, in docFields' order.
func (d Document) shown() []string {
	var amended []string
	for _, a := range d.Amended {
		amended = append(amended, a.String())
	}
	return []string{DocKindName(d.Kind), fingerprint.Text(d.Title), fingerprint.Text(d.DocNo), d.IssuedOn.String(),
		fingerprint.Date(d.EffectiveOn), fingerprint.Date(d.ExpiresOn), fingerprint.Date(d.RepealedOn),
		fingerprint.Text(strings.Join(amended, "、")), fingerprint.Text(d.Note)}
}

// DocDiff names the fields in which b differs from a, a → b each
// (废止日期 （空） → 2026-03-01); "" when none.
func DocDiff(a, b Document) string { return fingerprint.Diff(docFields, a.shown(), b.shown()) }

// docYear is a 文号's year in any of the brackets people type for the
// 六角括号 (GB/T 9704: 卫教规〔2026〕1号).
var docYear = regexp.MustCompile(`[\[［(（【〔{｛]\s*((?:19|20)\d\d)\s*[\]］)）】〕}｝]`)

// NormalizeDocNo writes a 文号 as GB/T 9704 does: the year in 〔〕 whatever
// brackets were typed ([2026], （2026）, 【2026】), digits in ASCII, no
// spaces. Registers, forms and ledgers then name one document one way.
func NormalizeDocNo(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t':
			return -1
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		}
		return r
	}, strings.TrimSpace(s))
	return docYear.ReplaceAllString(s, "〔$1〕")
}

// Validate checks a document, every problem at its field.
func (d *Document) Validate() error {
	d.Title, d.DocNo, d.Note = strings.TrimSpace(d.Title), NormalizeDocNo(d.DocNo), strings.TrimSpace(d.Note)
	var l errs.List
	if DocKindName(d.Kind) == string(d.Kind) {
		l.Add("kind", "请选择规章或行政规范性文件")
	}
	if d.Title == "" {
		l.Add("title", "请填写文件名称")
	} else if utf8.RuneCountInString(d.Title) > MaxTitle {
		l.Add("title", "文件名称太长，最多 %d 字", MaxTitle)
	}
	if d.DocNo == "" {
		l.Add("doc_no", "请填写文号")
	} else if utf8.RuneCountInString(d.DocNo) > 60 {
		l.Add("doc_no", "文号太长，最多 60 字")
	}
	if utf8.RuneCountInString(d.Note) > 500 {
		l.Add("note", "备注太长，最多 500 字")
	}
	if d.IssuedOn == 0 {
		l.Add("issued_on", "请填写印发日期")
	}
	for _, x := range []struct {
		field, name string
		d           *workday.Date
	}{{"effective_on", "施行日期", d.EffectiveOn}, {"expires_on", "有效期至", d.ExpiresOn}, {"repealed_on", "废止日期", d.RepealedOn}} {
		if x.d != nil && d.IssuedOn != 0 && *x.d < d.IssuedOn {
			l.Add(x.field, "%s（%s）早于印发日期（%s）", x.name, x.d, d.IssuedOn)
		}
	}
	for _, a := range d.Amended {
		if d.IssuedOn != 0 && a < d.IssuedOn {
			l.Add("amended", "修订日期（%s）早于印发日期", a)
		}
	}
	if len(d.Amended) > 50 {
		l.Add("amended", "修订记录太多")
	}
	return l.Err()
}

// InForce says whether the document is in force on day: issued by then,
// not repealed, not past its 有效期.
func (d *Document) InForce(day workday.Date) bool {
	if d.IssuedOn > day {
		return false
	}
	if d.RepealedOn != nil && *d.RepealedOn <= day {
		return false
	}
	return d.ExpiresOn == nil || *d.ExpiresOn >= day
}

// Validity is the document's 有效性 on day.
func (d *Document) Validity(day workday.Date) Validity {
	switch {
	case d.RepealedOn != nil && *d.RepealedOn <= day:
		return Repealed
	case d.ExpiresOn != nil && *d.ExpiresOn < day:
		return Expired
	}
	return Valid
}

// ExpiryNoticeDays is how far ahead the 工作台 shows a document's 有效期
// ending by default: a reminder to decide in time whether it is renewed (a
// product choice; no national text sets a lead time; a setting).
const ExpiryNoticeDays = 90

// Expiring are the documents in force on day whose 有效期 ends within days
// calendar days of it (day itself included), the soonest first.
func Expiring(docs []Document, day workday.Date, days int) []Document {
	var out []Document
	for _, d := range docs {
		if d.Validity(day) == Valid && d.ExpiresOn != nil && int(*d.ExpiresOn-day) <= days {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b Document) int { return int(*a.ExpiresOn - *b.ExpiresOn) })
	return out
}

// Counting says how 表二 (一) counts what the format leaves open (law.md
// §1.6; UNCONFIRMED): whether a document that lapsed at the end of its 有效期
// in the year counts as 本年废止, and whether an amendment counts as 本年制发.
type Counting struct {
	ExpiryIsRepeal  bool
	AmendmentIssues bool
}

// T2Counts are one row of 表二 (一) in the 2021 format.
type T2Counts struct{ Issued, Repealed, InForce int64 }

// Table counts 表二 (一) of a year: per kind, the documents issued in the
// year, those repealed in it, and those in force on 31 December.
func Table(docs []Document, year int, c Counting) map[DocKind]T2Counts {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	in := func(d *workday.Date) bool { return d != nil && *d >= first && *d <= last }
	out := map[DocKind]T2Counts{}
	for i := range docs {
		d := &docs[i]
		t := out[d.Kind]
		if in(&d.IssuedOn) {
			t.Issued++
		}
		if c.AmendmentIssues {
			for _, a := range d.Amended {
				if in(&a) {
					t.Issued++
				}
			}
		}
		if in(d.RepealedOn) || c.ExpiryIsRepeal && d.RepealedOn == nil && in(d.ExpiresOn) && *d.ExpiresOn < last {
			t.Repealed++
		}
		if d.InForce(last) {
			t.InForce++
		}
		out[d.Kind] = t
	}
	return out
}

// T2Counts2019 are one row of 表二 (一) in the 2019 trial format.
type T2Counts2019 struct{ NewMade, NewPublished, TotalPublished int64 }

// Table2019 counts the trial format's columns: made in the year, published
// in the year (issued, as a normative document is published when issued),
// and published up to 31 December (every document issued by then, whatever
// its validity now: it was made public). Our reading; the trial format
// does not define them further.
func Table2019(docs []Document, year int) map[DocKind]T2Counts2019 {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	out := map[DocKind]T2Counts2019{}
	for _, d := range docs {
		t := out[d.Kind]
		if d.IssuedOn >= first && d.IssuedOn <= last {
			t.NewMade++
			t.NewPublished++
		}
		if d.IssuedOn <= last {
			t.TotalPublished++
		}
		out[d.Kind] = t
	}
	return out
}
