package auditor

import (
	"archive/zip"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// Upload is a file given in memory (a web upload, a zip's entry, a fetched
// address).
type Upload struct {
	Name string
	Data []byte
	// ReadAs is the name whose extension says the file's kind when Name's
	// does not (an address such as …/download?id=3): "" reads by Name.
	ReadAs string
	// Err is why a file could not even be had (an address that failed): its
	// outcome is that error.
	Err error
}

// readName is the name an upload is read by.
func (u Upload) readName() string { return cmp.Or(u.ReadAs, u.Name) }

// Outcome is one file's result.
type Outcome struct {
	Name   string
	Report *report.Report // nil when the file could not be read
	Prev   string         // the file of the year before it was checked against, if any
	Err    error
	// Saved names what the file was compared with (Compare: the agency whose
	// report of the year gongkai keeps, PUB.DIFF), "" when nothing.
	Saved string
}

// Limits bound what one check may unpack: files (a zip's entries included)
// and bytes (a zip's entries as unpacked), so that a small archive cannot
// unpack into a large one.
type Limits struct {
	Files int
	Bytes int64
}

// What a check of uploaded files, held in memory, may take.
const (
	MaxUploadFiles = 200
	MaxUploadBytes = 128 << 20
)

// UploadLimits bound a check of uploaded files.
var UploadLimits = Limits{Files: MaxUploadFiles, Bytes: MaxUploadBytes}

// UnzipLimits bound the zip archives of one `gongkai audit`, unpacked to a
// temporary directory.
var UnzipLimits = Limits{Files: 100_000, Bytes: 4 << 30}

// budget counts what has been taken against Limits.
type budget struct {
	Limits
	files int
	bytes int64
}

// take counts a file of n bytes, named where; it says when that is over
// the limits.
func (b *budget) take(where string, n int64) error {
	b.files++
	b.bytes += n
	switch {
	case b.files > b.Files:
		return &errs.Error{Kind: errs.TooLarge, Where: where, Msg: fmt.Sprintf("文件太多：一次最多核查 %d 个文件（压缩包里的文件也计算在内），请分批核查", b.Files)}
	case b.bytes > b.Bytes:
		return b.tooLarge(where)
	}
	return nil
}

func (b *budget) tooLarge(where string) error {
	return &errs.Error{Kind: errs.TooLarge, Where: where, Msg: fmt.Sprintf("文件太大：一次核查的文件合计不超过 %d MB（压缩包按解压后计算），请分批核查", b.Bytes>>20)}
}

// isZip says a file is to be unpacked: by its name, since DOCX, ODT and OFD
// files are zip archives too.
func isZip(name string) bool { return strings.EqualFold(path.Ext(name), ".zip") }

// Unpack replaces each upload named *.zip by the reports in it (in name
// order, named "包.zip/目录/文件"), and each mail (*.eml, *.msg) by its attachments, skipping what is never a report (folders,
// hidden files, what a browser saves beside a page, pictures…), within
// UploadLimits. Names from Windows' own zip tool (GBK, without the UTF-8
// flag) are decoded.
func Unpack(ups []Upload) ([]Upload, error) {
	var out []Upload
	b := &budget{Limits: UploadLimits}
	for _, u := range ups {
		if read, none := unpacker(u.readName()); u.Err == nil && read != nil {
			n, err := read(u.Data, u.Name, b, func(name string, data []byte) error {
				out = append(out, Upload{Name: name, Data: data})
				return nil
			})
			if err != nil {
				return nil, err
			}
			if n == 0 {
				out = append(out, Upload{Name: u.Name, Err: errs.New(u.Name, "%s", none)})
			}
			continue
		}
		if u.Err != nil || !isZip(u.readName()) {
			if err := b.take(u.Name, int64(len(u.Data))); err != nil {
				return nil, err
			}
			out = append(out, u)
			continue
		}
		zr, err := zip.NewReader(bytes.NewReader(u.Data), int64(len(u.Data)))
		if err != nil {
			return nil, badZip(u.Name, err)
		}
		err = zipEntries(zr, u.Name, b, func(name string, data []byte) error {
			out = append(out, Upload{Name: name, Data: data})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func badZip(where string, err error) error {
	return errs.Wrap(errs.Invalid, err, where, "压缩包已损坏，或不是 .zip 压缩包（.7z 请先解压）：请重新压缩成 .zip 或 .rar，或直接选择其中的文件")
}

// zipEntries gives fn each report entry of a zip, in name order, named
// "where/entry", read no further than report.MaxInput or what is left of
// b, whatever its header says.
func zipEntries(zr *zip.Reader, where string, b *budget, fn func(name string, data []byte) error) error {
	files := slices.Clone(zr.File)
	sort.SliceStable(files, func(i, j int) bool { return entryName(files[i]) < entryName(files[j]) })
	for _, f := range files {
		name := entryName(f)
		if !reportEntry(name, f) {
			continue
		}
		at := where + "/" + name
		data, err := readEntry(f, at, b)
		if err == nil {
			err = b.take(at, int64(len(data)))
		}
		if err == nil {
			err = fn(at, data)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// HasZip says some of files is a zip or RAR archive or a mail, to unpack
// with UnzipAll.
func HasZip(files []string) bool {
	return slices.ContainsFunc(files, func(f string) bool { return isZip(f) || isPacked(f) })
}

// UnzipAll replaces each file named *.zip or *.rar among files by the
// reports in it (and each mail, *.eml or *.msg, by its attachments),
// unpacked into dir (which exists), within UnzipLimits, for `gongkai
// audit`: it returns the files in order, a zip's entries in name order where
// the zip stood, and the name each unpacked file is to be shown by
// ("路径.zip/目录/文件"). The unpacked files are numbered, not named as in
// the archive, so that no entry's name (“../”, an absolute path, a name too
// long for the file system) decides where it is written.
func UnzipAll(files []string, dir string) ([]string, map[string]string, error) {
	var out []string
	names := map[string]string{}
	b := &budget{Limits: UnzipLimits}
	for _, f := range files {
		if !isZip(f) && !isPacked(f) {
			out = append(out, f)
			continue
		}
		save := func(name string, data []byte) error {
			ext := path.Ext(name)
			if len(ext) > 16 || strings.ContainsAny(ext, "/\\\x00") {
				ext = ""
			}
			p := filepath.Join(dir, fmt.Sprintf("%06d%s", len(names), ext))
			if err := os.WriteFile(p, data, 0o600); err != nil {
				return errs.Wrap(errs.Internal, err, name, "无法解压到临时目录")
			}
			out = append(out, p)
			names[p] = name
			return nil
		}
		if read, _ := unpacker(f); read != nil {
			data, err := readLimited(f, f)
			if err != nil {
				return nil, nil, err
			}
			n, err := read(data, f, b, save)
			if err != nil {
				return nil, nil, err
			}
			if n == 0 {
				out = append(out, f) // read as it is: said to be no report
			}
			continue
		}
		zr, err := zip.OpenReader(f)
		if err != nil {
			return nil, nil, badZip(f, err)
		}
		err = zipEntries(&zr.Reader, f, b, save)
		_ = zr.Close() // read only
		if err != nil {
			return nil, nil, err
		}
	}
	return out, names, nil
}

// entryName is a zip entry's name as UTF-8: Windows' own zip tool writes
// names in the system's code page (GBK) without saying so.
func entryName(f *zip.File) string { return utf8Name(f.Name) }

// utf8Name is a file name from an archive or a mail as UTF-8: as it is when
// it is, else read as GB18030 (Chinese Windows' code page, written without
// saying so), else with what is not UTF-8 as "?".
func utf8Name(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil && utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(name, "?")
}

// reportEntry says a zip entry may be a report: a file whose path
// reportPath takes.
func reportEntry(name string, f *zip.File) bool {
	return !f.FileInfo().IsDir() && !strings.HasSuffix(name, "/") && reportPath(name)
}

// reportPath says a file in an archive may be a report by its path: not
// hidden, not macOS's resource forks, not a page's saved parts or a
// picture.
func reportPath(name string) bool {
	parts := strings.Split(strings.ReplaceAll(name, `\`, "/"), "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ".") || p == "__MACOSX" || i < len(parts)-1 && pageAssets(p) {
			return false
		}
	}
	return !assetExt[strings.ToLower(path.Ext(name))]
}

// readEntry reads a zip entry no larger than report.MaxInput or what is
// left of b, whichever is less, whatever its header claims.
func readEntry(f *zip.File, where string, b *budget) ([]byte, error) {
	left := b.Bytes - b.bytes
	limit := min(int64(report.MaxInput), left)
	rc, err := f.Open()
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, where, "压缩包中的这个文件无法解压")
	}
	defer func() { _ = rc.Close() }() // read only
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, where, "压缩包中的这个文件无法解压")
	}
	if int64(len(data)) > limit {
		if limit < int64(report.MaxInput) {
			return nil, b.tooLarge(where)
		}
		return nil, &errs.Error{Kind: errs.TooLarge, Where: where, Msg: fmt.Sprintf("文件过大：超过 %d MB 的上限", report.MaxInput>>20)}
	}
	return data, nil
}

// Compare adds to a report what comparing it with another source finds
// (PUB.DIFF against the reports a database keeps) and names that source
// ("" when there was none to compare with). It runs on every core at once.
type Compare func(*report.Report) (string, error)

// AuditUploads checks files held in memory as Run checks a directory: every
// file read (and compared, when compare is set) on every core, then grouped
// by agency, each agency's years in order and each report checked against
// the one of the year before it (the cross-year rules). The outcomes come in
// that order; Summarize counts them. A comparison that fails fails the check.
func AuditUploads(ctx context.Context, ups []Upload, workers int, compare Compare) ([]Outcome, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	read := make([][]Outcome, len(ups)) // each file's: one, or a compilation's reports
	names := make([]string, len(ups))
	for i, u := range ups {
		names[i] = u.readName()
	}
	order := byKind(names) // (a kind at a time, as a directory is read)
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil && failed.Load() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(ups) {
					return
				}
				i = order[i]
				var outs []Outcome
				var rs []*report.Report
				err := ups[i].Err
				if err == nil {
					rs, err = report.ReadAll(ups[i].readName(), ups[i].Data)
				}
				if err != nil {
					outs = []Outcome{{Name: ups[i].Name, Err: err}}
				}
				for _, r := range rs {
					report.Check(r, nil)
					o := Outcome{Name: ups[i].Name + partAt(r).words(), Report: r}
					if compare != nil {
						var err error
						if o.Saved, err = compare(r); err != nil {
							failed.CompareAndSwap(nil, &err)
						}
					}
					outs = append(outs, o)
				}
				read[i] = outs
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := failed.Load(); err != nil {
		return nil, *err
	}
	// each report is grouped by its agency: a compilation's go to theirs
	var all []Outcome
	for _, outs := range read {
		all = append(all, outs...)
	}
	ids := make([]ident, len(all))
	for i, o := range all {
		if o.Report != nil {
			ids[i] = ident{agency: o.Report.Agency, year: o.Report.Year}
		}
	}
	var out []Outcome
	for _, j := range groupByAgency(ids) {
		var chain yearChain
		var same sameYear
		names := map[*report.Report]string{}
		for m, i := range j.files {
			o := all[i]
			if o.Report != nil {
				prev := chain.before(j.years[m])
				if prev != nil {
					report.AddCrossYear(o.Report, prev)
					o.Prev = names[prev]
				}
				chain.read(o.Report)
				same.check(o.Report, o.Name)
				names[o.Report] = o.Name
			}
			out = append(out, o)
		}
	}
	return out, nil
}
