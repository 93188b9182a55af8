package ops

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// PriorView is what the clerk sees of a published report read from its file.
type PriorView struct {
	Year     int
	FileName string
	Report   *report.Report
	Findings []report.Finding // of the report as published (its own errors, and how it was read)
}

// ImportPriorReport records the agency's report of a past year that was
// published before the agency kept its reports here, read from the file it
// published (Word, PDF, a web page, a workbook… or the YAML of gongkai report
// new): the previous year that the cross-year checks of the next report
// compare with. A report kept here for that year is the one that counts, so
// the import is refused then. The file is read as the auditor reads it; a
// file whose 表三 cannot be read, or the report of another agency or year,
// is refused, as nothing else could be checked against it.
func (s *Service) ImportPriorReport(ctx context.Context, p Principal, year int, name string, data []byte) (*PriorView, error) {
	if err := s.mustAct(ctx, p, p.AgencyID); err != nil {
		return nil, err
	}
	if this := s.Clock.Today().Year(); year < 2019 || year >= this {
		return nil, errs.New("year", "只能导入 2019 年至 %d 年已经发布的年度报告", this-1)
	}
	ag, err := s.Store.GetAgency(ctx, p.AgencyID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if _, err := s.Store.GetReport(ctx, ag.ID, year); err == nil {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "year", Msg: fmt.Sprintf("本机关%d年度报告已在本系统中编写，以它为准，不需要再导入", year)}
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	// the file's own name, whichever system's path came with it
	name = strings.TrimSpace(name)
	name = baseName(name)
	if len(data) == 0 {
		return nil, errs.New("file", "请选择已发布的年度报告文件")
	}
	r, err := report.ReadAny(name, data)
	if err != nil {
		return nil, errs.New("file", "%s", errs.Readable(err))
	}
	switch {
	case r.Year != 0 && r.Year != year:
		return nil, errs.New("file", "这是%d年度的报告，不是%d年度的：请选择%d年度的报告，或改选年度", r.Year, year, year)
	case r.Agency != "" && !sameAgency(r.Agency, ag.Name):
		return nil, errs.New("file", "这是“%s”的报告，不是本机关（%s）的", r.Agency, ag.Name)
	case !hasT3(r):
		return nil, errs.New("file", "没有从文件中读出表三（收到和处理政府信息公开申请情况）的数字：请换用报告的其他格式（Word、PDF 或网页），或用 gongkai report new 写成 YAML 后导入")
	}
	r.Agency, r.Year, r.Level = ag.Name, year, ag.Level
	findings := report.Check(r, nil)
	err = s.write(ctx, p, "report.prior", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = strconv.Itoa(year), "从文件“"+name+"”读取"
		return tx.SavePriorReport(ctx, ag.ID, r, name, p.Name)
	})
	if err != nil {
		return nil, err
	}
	return &PriorView{Year: year, FileName: name, Report: r, Findings: findings}, nil
}

// hasT3 says some cell of 表三 was read.
func hasT3(r *report.Report) bool {
	for _, row := range r.Applications {
		for _, c := range row {
			if !c.Blank() {
				return true
			}
		}
	}
	return false
}

// sameAgency compares an agency's name as a report writes it with the name
// kept here: spaces aside, one may hold the other (a report titled with
// its place: 新乡市卫滨区教育体育和文化旅游局).
func sameAgency(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	a, b = strip(a), strip(b)
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}
