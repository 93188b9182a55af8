package web

import (
	"fmt"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
)

// importForm is the upload form of a ledger file.
type importForm struct {
	Kinds      []option
	Categories []option
}

func newImportForm() importForm {
	f := importForm{Categories: []option{{"", "按文件中的“类别”或“类型”列"}}}
	for _, k := range ops.ImportKinds {
		f.Kinds = append(f.Kinds, option{string(k.ID), k.Name})
	}
	for _, k := range importer.DecisionKinds {
		f.Categories = append(f.Categories, option{k.ID, k.Name})
	}
	for _, k := range catalog.DocKinds {
		f.Categories = append(f.Categories, option{string(k.ID), k.Name + "（规范性文件台账）"})
	}
	return f
}

// importLive is an import running while its page is sent: the template
// ranges over Progress (a line per step, flushed as it comes) and then shows
// the outcome, which the import goroutine set before it closed the channel.
type importLive struct {
	Name     string
	Progress chan ops.ImportProgress
	Token    string // set by a preview: the confirmation names the staged file
	Res      *ops.ImportResult
	Err      string
	Preview  bool
	Shown    []importer.RowError // the first problems; the rest are counted
	More     int
	Mapping  []option // field name → column letter and header
}

const maxShownProblems = 200

func (l *importLive) finish(res *ops.ImportResult, err error) {
	l.Res = res
	if err != nil {
		l.Err = errs.Plain(err)
	}
	if res != nil {
		l.Shown = res.Bad[:min(len(res.Bad), maxShownProblems)]
		l.More = len(res.Bad) - len(l.Shown)
		l.Mapping = mappingOptions(res.Schema, res.Mapping)
	}
	close(l.Progress)
}

// forward passes progress to the page at most every tenth of the way (and
// at each new stage), so that a long file gives a short list.
func (l *importLive) forward() func(ops.ImportProgress) {
	lastStage, lastTenth := "", -1
	return func(p ops.ImportProgress) {
		tenth := 0
		if p.Total > 0 {
			tenth = p.Done * 10 / p.Total
		}
		if p.Stage == lastStage && tenth == lastTenth {
			return
		}
		lastStage, lastTenth = p.Stage, tenth
		l.Progress <- p
	}
}

func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.render(w, http.StatusOK, "import", page{Title: "导入台账", User: si.user, CSRF: si.csrf, Data: newImportForm(), Form: map[string]string{}})
}

// importUpload previews an uploaded ledger and stages it, streaming the
// rows checked so far; the page ends with every problem by row and column
// and, when some rows can be imported, the confirmation.
func (s *Server) importUpload(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	form := map[string]string{"kind": r.PostFormValue("kind"), "category": r.PostFormValue("category"), "sheet": strings.TrimSpace(r.PostFormValue("sheet"))}
	sheet := form["sheet"]
	if r.PostFormValue("all_sheets") == "1" {
		form["all_sheets"], sheet = "1", importer.AllSheets
	}
	file, hdr, err := r.FormFile("file")
	var data []byte
	if err == nil {
		defer func() { _ = file.Close() }()
		data, err = readAll(file, importer.MaxFile)
	}
	if err != nil {
		msg := "请选择要导入的 Excel（.xlsx）、CSV 或文本（.txt）文件"
		if err == errTooLarge {
			msg = fmt.Sprintf("文件超过 %d MB：请分成几个文件导入", importer.MaxFile>>20)
		}
		s.render(w, http.StatusUnprocessableEntity, "import", page{Title: "导入台账", User: si.user, CSRF: si.csrf, Data: newImportForm(), Form: form,
			Errors: map[string]string{"file": msg}})
		return
	}
	live := &importLive{Name: hdr.Filename, Progress: make(chan ops.ImportProgress, 64), Preview: true}
	go func() {
		token, res, err := s.Ops.StageImport(r.Context(), si.p(), ops.ImportRequest{Kind: ops.ImportKind(form["kind"]), Name: hdr.Filename, Data: data,
			Sheet: sheet, Category: form["category"], Progress: live.forward()})
		live.Token = token
		live.finish(res, err)
	}()
	s.stream(w, "import_live", page{Title: "导入台账", User: si.user, CSRF: si.csrf, Data: live})
}

// importSheets previews the staged file again with every sheet of the
// workbook, from the preview that named the sheets not read.
func (s *Server) importSheets(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	live := &importLive{Name: r.PostFormValue("name"), Progress: make(chan ops.ImportProgress, 64), Preview: true}
	go func() {
		token, res, err := s.Ops.RestageImport(r.Context(), si.p(), r.PostFormValue("token"), importer.AllSheets, live.forward())
		live.Token = token
		live.finish(res, err)
	}()
	s.stream(w, "import_live", page{Title: "导入台账", User: si.user, CSRF: si.csrf, Data: live})
}

// importConfirm imports the staged file, streaming the rows written.
func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	live := &importLive{Name: r.PostFormValue("name"), Progress: make(chan ops.ImportProgress, 64)}
	validOnly := r.PostFormValue("valid_only") == "1"
	go func() {
		res, err := s.Ops.ConfirmImport(r.Context(), si.p(), r.PostFormValue("token"), validOnly, live.forward())
		live.finish(res, err)
	}()
	s.stream(w, "import_live", page{Title: "导入台账", User: si.user, CSRF: si.csrf, Data: live})
}

// stream renders a page straight to the connection, flushing every write:
// a page that ranges over a channel shows each step as it happens.
func (s *Server) stream(w http.ResponseWriter, name string, p page) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Accel-Buffering", "no") // nginx: pass it on as it comes
	w.WriteHeader(http.StatusOK)
	fw := &flushWriter{w: w, rc: http.NewResponseController(w)}
	if err := s.pages[name].ExecuteTemplate(fw, "layout", p); err != nil {
		s.Log.Error("template", "page", name, "err", err)
	}
}

type flushWriter struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func (f *flushWriter) Write(b []byte) (int, error) {
	n, err := f.w.Write(b)
	if err == nil {
		_ = f.rc.Flush() // a writer that cannot flush still gets the page, at the end
	}
	return n, err
}
