// Package auditor runs the report checks over many published files at once:
// files and directories in, one result per file out, in input order, on every
// core, with memory bounded by the number of files in flight.
package auditor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/report"
)

// Options control a run.
type Options struct {
	JSON    bool           // JSON Lines instead of readable Chinese text
	Prev    *report.Report // last year's report, for the X.* rules
	Workers int            // 0 = GOMAXPROCS
	// Progress, when set, is told after each file how many of all are done.
	Progress func(done, total int)
}

// Summary counts the files of a run.
type Summary struct {
	Files, WithErrors, WithWarnings, Clean, Unreadable int
}

// ExitCode is the CLI contract: 2 unreadable input, 1 error findings, else 0.
func (s Summary) ExitCode() int {
	switch {
	case s.Unreadable > 0:
		return 2
	case s.WithErrors > 0:
		return 1
	}
	return 0
}

// Line is the one-line summary printed after a readable run.
func (s Summary) Line() string {
	return fmt.Sprintf("共审核 %d 个文件：%d 个有错误，%d 个仅有警告或提示，%d 个未发现问题，%d 个无法读取",
		s.Files, s.WithErrors, s.WithWarnings, s.Clean, s.Unreadable)
}

// Expand turns the arguments into files: a directory stands for every regular
// file below it (hidden ones skipped), in name order.
func Expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, errs.Wrap(errs.NotFound, err, a, "找不到这个文件或目录")
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var files []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != a {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, a, "无法读取目录")
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

type result struct {
	i   int
	out []byte
	rep *report.Report
	err error
}

// AuditFile reads and checks one file.
func AuditFile(path string, prev *report.Report) (*report.Report, error) {
	// the size is checked before the file is read into memory
	st, err := os.Stat(path)
	if err != nil {
		return nil, errs.Wrap(errs.NotFound, err, path, "无法读取文件")
	}
	if err := guard.Size(path, st.Size(), report.MaxInput); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errs.Wrap(errs.NotFound, err, path, "无法读取文件")
	}
	r, err := report.Read(path, data)
	if err != nil {
		return nil, err
	}
	report.Check(r, prev)
	return r, nil
}

// Run audits files and writes one result per file to w, in input order.
func Run(ctx context.Context, files []string, opt Options, w io.Writer) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	results := make(chan result, workers)
	// at most this many files are read but not yet printed: bounds memory
	slots := make(chan struct{}, 32*workers)
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range jobs {
				r, err := AuditFile(files[i], opt.Prev)
				results <- result{i: i, err: err, rep: summaryOnly(r), out: format(files[i], r, err, opt.JSON)}
			}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()
	var sum Summary
	pending := map[int]result{}
	next := 0
	var werr error
	for res := range results {
		pending[res.i] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			sum.Files++
			switch {
			case p.err != nil:
				sum.Unreadable++
			case p.rep != nil:
				e, wn, inf := p.rep.Counts()
				switch {
				case e > 0:
					sum.WithErrors++
				case wn+inf > 0:
					sum.WithWarnings++
				default:
					sum.Clean++
				}
			}
			if werr == nil {
				_, werr = w.Write(p.out)
			}
			if opt.Progress != nil {
				opt.Progress(sum.Files, len(files))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, werr
}

// summaryOnly keeps just the findings of a report: the rest is already
// formatted and need not stay in memory while earlier files finish.
func summaryOnly(r *report.Report) *report.Report {
	if r == nil {
		return nil
	}
	return &report.Report{Findings: r.Findings}
}

// format renders one result: a JSON Lines record (the model with the file
// name first) or the readable text.
func format(path string, r *report.Report, err error, asJSON bool) []byte {
	var b bytes.Buffer
	if asJSON {
		if err != nil {
			j, _ := json.Marshal(map[string]string{"file": path, "error": errs.Message(err)})
			b.Write(j)
		} else {
			j, _ := r.MarshalJSON() // not json.Marshal: it would check and compact what is already compact
			f, _ := json.Marshal(path)
			b.WriteString(`{"file":`)
			b.Write(f)
			b.WriteString(",")
			b.Write(j[1:])
		}
		b.WriteByte('\n')
		return b.Bytes()
	}
	fmt.Fprintf(&b, "== %s ==\n", path)
	if err != nil {
		fmt.Fprintf(&b, "无法读取：%s\n\n", errs.Message(err))
		return b.Bytes()
	}
	WriteText(&b, r)
	b.WriteByte('\n')
	return b.Bytes()
}

var sevName = map[report.Severity]string{report.SevError: "错误", report.SevWarning: "警告", report.SevInfo: "提示"}

// WriteText writes the readable Chinese result of one report.
func WriteText(w io.Writer, r *report.Report) {
	agency, year := r.Agency, "未识别"
	if agency == "" {
		agency = "未识别"
	}
	if r.Year != 0 {
		year = fmt.Sprint(r.Year)
	}
	fmt.Fprintf(w, "机关：%s　年度：%s　格式：%s（%s）\n", agency, year, r.Format, r.Format.Title())
	e, wn, inf := r.Counts()
	fmt.Fprintf(w, "错误 %d 项，警告 %d 项，提示 %d 项\n", e, wn, inf)
	for _, f := range r.Findings {
		where := ""
		if f.Line > 0 {
			where = fmt.Sprintf(" 第%d行", f.Line)
		}
		cell := ""
		if f.Cell != "" {
			cell = " [" + f.Cell + "]"
		}
		fmt.Fprintf(w, "  %s %s%s%s：%s\n", sevName[f.Severity], f.Rule, where, cell, f.Message)
	}
}
