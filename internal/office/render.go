package office

import (
	"io"
	"slices"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

// Formats are the office formats of a report.
var Formats = []string{"docx", "pdf", "xlsx"}

// ContentType of each office format.
var ContentType = map[string]string{
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":  "application/pdf",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// IsOffice reports whether format is written by this package (binary output).
func IsOffice(format string) bool { return ContentType[format] != "" }

// RenderReport writes a report in any supported format: the text formats of
// package render, or DOCX, PDF, XLSX.
func RenderReport(w io.Writer, r *report.Report, format string, now time.Time) error {
	switch format {
	case "docx":
		return DOCX(w, ReportDoc(r), now)
	case "pdf":
		return PDF(w, ReportDoc(r))
	case "xlsx":
		return ReportXLSX(w, r)
	}
	if err := render.Render(w, r, format); err != nil {
		return errs.New("--format", "不支持的格式“%s”：可用 txt、md、html、json、docx、pdf、xlsx", format)
	}
	return nil
}

// IsReportFormat reports whether RenderReport writes format.
func IsReportFormat(format string) bool {
	return IsOffice(format) || slices.Contains(render.Formats, format)
}
