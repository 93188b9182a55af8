// Package auditor runs the report checks over many published files at once:
// files and directories in, one result per file out, in input order, on every
// core, with memory bounded by the number of files in flight.
package auditor

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

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
	// ByAgency prints one line per agency and year (the carry-over chain)
	// instead of each file's findings.
	ByAgency bool
	// KeepBytes bounds what a one-pass run keeps (0: keepBytes).
	KeepBytes int64
	// Compare, when set, adds to each report what comparing it with
	// another source finds (gongkai audit --db: PUB.DIFF against the reports
	// a database keeps).
	Compare Compare
	// noSpill keeps a one-pass run from writing what it keeps beyond
	// KeepBytes to a temporary file: past the bound it falls back to the
	// title-first plan (tests of that plan)
	noSpill bool
	// Names are the names to show, and to read the files as, for paths
	// that are not what the user gave (a zip's entries unpacked to a
	// temporary directory); a path without one shows as itself.
	Names map[string]string
}

// shown is the name a file is read as and shown by.
func (o *Options) shown(path string) string {
	if n, ok := o.Names[path]; ok {
		return n
	}
	return path
}

// Summary counts the files of a run, and their reports by what was found:
// a file of one report is one, a compilation's other reports are Reports.
type Summary struct {
	Files, WithErrors, WithWarnings, Clean, Unreadable int
	Reports                                            int // the reports of compilations after their first
}

// ReportsRead counts the reports read: a file of one report is one, a
// compilation as many as it holds.
func (s Summary) ReportsRead() int { return s.Files - s.Unreadable + s.Reports }

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
	if s.Reports > 0 {
		return fmt.Sprintf("共审核 %d 个文件、%d 份报告（汇编中的报告分别审核）：%d 份有错误，%d 份仅有警告或提示，%d 份未发现问题，%d 个文件无法读取",
			s.Files, s.ReportsRead(), s.WithErrors, s.WithWarnings, s.Clean, s.Unreadable)
	}
	return fmt.Sprintf("共审核 %d 个文件：%d 个有错误，%d 个仅有警告或提示，%d 个未发现问题，%d 个无法读取",
		s.Files, s.WithErrors, s.WithWarnings, s.Clean, s.Unreadable)
}

// Expand turns the arguments into files: a directory stands for every regular
// file below it, in name order, except hidden ones and what a browser saves
// beside a page ("页面_files/" with its pictures, styles and scripts) or any
// picture, style sheet, script or font: never a report. A file named on the
// command line is always taken.
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
			if p != a && (strings.HasPrefix(d.Name(), ".") || d.IsDir() && pageAssets(d.Name())) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && !assetExt[strings.ToLower(filepath.Ext(d.Name()))] {
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

// pageAssets says a directory is where a browser saved a page's parts
// ("报告_files", "报告.files").
func pageAssets(name string) bool {
	return strings.HasSuffix(name, "_files") || strings.HasSuffix(name, ".files")
}

// assetExt are extensions of files that are never a report.
var assetExt = map[string]bool{".css": true, ".js": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true,
	".bmp": true, ".webp": true, ".svg": true, ".ico": true, ".woff": true, ".woff2": true, ".ttf": true, ".eot": true,
	".map": true, ".mp4": true, ".mp3": true, ".swf": true}

type result struct {
	i    int // output position
	out  []byte
	rep  *report.Report
	err  error
	last bool // the last file of its job
	// part is which report of a compilation rep is (0: a file of one);
	// extra are the reports after rep of a file written as one result
	part  int
	extra []*report.Report
}

// auditFile reads and checks one file, read as name (and compared, when
// compare is set): its report, or each report of a compilation, the first
// checked against prev (the others are other agencies').
func auditFile(path, name string, prev *report.Report, compare Compare) ([]*report.Report, error) {
	data, err := readLimited(path, name)
	if err != nil {
		return nil, err
	}
	rs, err := report.ReadAll(name, data)
	releaseBuffer(data) // ReadAll keeps nothing of it
	if err != nil {
		return nil, err
	}
	for k, r := range rs {
		if k == 0 {
			report.Check(r, prev)
		} else {
			report.Check(r, nil)
		}
		if compare != nil {
			if _, err := compare(r); err != nil {
				return nil, err
			}
		}
	}
	return rs, nil
}

// files are read into buffers used again for the next file: most reports
// are a few KB, and a new buffer for each was allocated, zeroed and collected
// (about 2 % of a directory's audit). report.ReadAll keeps nothing of the
// bytes it reads (TestReadAllKeepsNoInput).
const bufferSize = 64 << 10

var buffers = sync.Pool{New: func() any { b := make([]byte, bufferSize); return &b }}

// fileBuffer is a buffer of n bytes for a file's content.
func fileBuffer(n int64) []byte {
	if n > bufferSize {
		return make([]byte, n)
	}
	return (*buffers.Get().(*[]byte))[:n]
}

// releaseBuffer gives a file's buffer back once its content is read.
func releaseBuffer(b []byte) {
	if cap(b) == bufferSize {
		b = b[:bufferSize]
		buffers.Put(&b)
	}
}

// Run audits files and writes one result per file to w. One file, or
// several with opt.Prev: in input order. Several without: grouped by agency,
// each agency's years in order, so that every report is checked against the
// one before it (X.CARRY, X.IN_FORCE, X.SAME_TEXT) without --prev, and the
// files of one agency and year against each other (X.SAME_YEAR).
func Run(ctx context.Context, files []string, opt Options, w io.Writer) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	show := func(path string, a audited, prev *report.Report) []byte { return format(opt.shown(path), a, opt.JSON) }
	if opt.ByAgency {
		show = func(path string, a audited, prev *report.Report) []byte {
			return chainLine(opt.shown(path), a, prev, opt.JSON)
		}
	}
	var plan []job
	switch {
	case opt.Prev != nil || len(files) < 2:
		for i := range files {
			plan = append(plan, job{files: []int{i}})
		}
	default:
		if sum, err, ok := runOnePass(ctx, files, opt, workers, show, w); ok {
			return sum, err
		}
		ids := identifyAll(ctx, files, opt, workers)
		plan = groupByAgency(ids)
	}
	return runPlan(ctx, files, plan, opt, workers, show, w)
}

// keepBytes bounds what a directory run keeps in memory while it reads
// every file once: for each file, the small part of it the cross-year rules
// and the output need (report.CrossYear) and, for JSON, its model (about
// half the file). What a larger directory keeps beyond it goes to a
// temporary file (spill); only where none can be written is the directory
// read again the bounded way: every file's title first, then agency by
// agency, holding only the files in flight.
const keepBytes = 24 << 20

// audited is one file's result while it waits for its turn: the model as
// JSON (when JSON is written), the small part of the report the output and
// the cross-year rules need, or why it could not be read.
type audited struct {
	model []byte
	rep   *report.Report // a CrossYearPart: identity, the carry-over rows, findings
	err   error
	partOf
}

// partOf is which report of a compilation a result is, of parts, from the
// file's line from; all 0 for a file of one report.
type partOf struct{ part, parts, from int }

// partAt is r's place in its file.
func partAt(r *report.Report) partOf { return partOf{r.Meta.Part, r.Meta.Parts, r.Meta.PartLine} }

// words name the place after its file's name: "（第 2 份，共 12 份，第 81
// 行起）"; nothing for a file of one.
func (p partOf) words() string {
	if p.parts == 0 {
		return ""
	}
	return fmt.Sprintf("（第 %d 份，共 %d 份，第 %d 行起）", p.part, p.parts, p.from)
}

// auditOne reads and checks one file against its predecessor: one result,
// or one for each report of a compilation.
func auditOne(path, name string, opt Options, prev *report.Report) []audited {
	rs, err := auditFile(path, name, prev, opt.Compare)
	if err != nil {
		return []audited{{err: err}}
	}
	out := make([]audited, len(rs))
	for k, r := range rs {
		out[k] = audited{rep: r.CrossYearPart(), partOf: partAt(r)}
		if opt.JSON {
			out[k].model = r.ModelJSON()
		}
	}
	return out
}

// kept is what waits, per file, for its agency's reports: slices of bytes,
// which the collector does not scan, or where they are in the spill file.
type kept struct {
	model  []byte
	cy     report.Packed
	err    error
	agency string // what the file says it is, to group the directory
	year   int
	partOf
	// spilled: model and cy are in the spill file at at, nm and nc bytes long
	spilled bool
	at      int64
	nm, nc  int
}

// load gives back what spill holds of k.
func (k *kept) load(s *spill) error {
	if !k.spilled {
		return nil
	}
	b, err := s.get(k.at, k.nm+k.nc)
	if err != nil {
		return err
	}
	if k.nm > 0 {
		k.model = b[:k.nm:k.nm]
	}
	k.cy = report.Packed(b[k.nm:])
	return nil
}

// byKind is the order in which to read files: those of one kind (by the
// name's extension) one after another, otherwise in the order given. Each
// kind has its own reader, and a run of one kind keeps that reader's code
// and the processor's guesses about its branches at hand: a directory of
// HTML pages, Markdown and text files in turn was read 9 – 13 % slower than
// the same files a kind at a time (BenchmarkAuditOrder). Results keep the
// order given.
func byKind(files []string) []int {
	order := make([]int, len(files))
	kinds := make([]string, len(files))
	for i, f := range files {
		order[i] = i
		kinds[i] = strings.ToLower(filepath.Ext(f))
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(kinds[a], kinds[b]) })
	return order
}

// runOnePass audits every file once, on every core and in any order, then
// groups them by agency, runs the cross-year rules of each against its
// predecessor and writes the results in the order runPlan would, each
// agency's as soon as those before it are written. What it keeps beyond
// opt.KeepBytes goes to a temporary file; where none can be written it
// writes nothing and returns false once it outgrows the bound: the caller
// then runs the bounded plan.
func runOnePass(ctx context.Context, files []string, opt Options, workers int,
	show func(path string, a audited, prev *report.Report) []byte, w io.Writer) (Summary, error, bool) {
	// each file's reports (one, or a compilation's), as pointers: a result
	// is written once, not copied into a large array the collector scans
	all := make([][]*kept, len(files))
	// files are taken by counting, and progress told under a lock: a
	// channel hand-off per file woke the other thread for every report
	var next, read, size atomic.Int64
	budget := cmp.Or(opt.KeepBytes, keepBytes)
	var sp *spill
	var spillOnce sync.Once
	spillFile := func() *spill {
		spillOnce.Do(func() {
			if !opt.noSpill {
				sp = newSpill("")
			}
		})
		return sp
	}
	defer func() {
		if sp != nil {
			sp.remove()
		}
	}()
	over := atomic.Bool{} // past the bound with nowhere to spill
	var progress sync.Mutex
	var wg sync.WaitGroup
	order := byKind(files)
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil && !over.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				i = order[i]
				rs, err := auditFile(files[i], opt.shown(files[i]), nil, opt.Compare)
				if err != nil {
					all[i] = []*kept{{err: err}}
				}
				for _, r := range rs {
					k := &kept{partOf: partAt(r)}
					cy := r.CrossYear()
					k.cy, k.agency, k.year = cy.Pack(), cy.Agency, cy.Year
					if opt.JSON {
						k.model = r.ModelJSON()
					}
					if n := int64(len(k.model) + len(k.cy)); size.Load()+n <= budget {
						size.Add(n)
					} else if s := spillFile(); s == nil {
						over.Store(true)
					} else if at, ok := s.put(k.model, k.cy); ok {
						k.spilled, k.at, k.nm, k.nc = true, at, len(k.model), len(k.cy)
						k.model, k.cy = nil, nil
					} else {
						over.Store(true)
					}
					all[i] = append(all[i], k)
				}
				if opt.Progress == nil {
					read.Add(1)
				} else {
					progress.Lock() // counted under the lock: told in order
					opt.Progress(int(read.Add(1)), len(files))
					progress.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Summary{}, err, true
	}
	if over.Load() || int(read.Load()) < len(files) { // stopped at the bound
		return Summary{}, nil, false
	}
	if sp != nil {
		if err := sp.done(); err != nil {
			return Summary{}, nil, false
		}
	}
	// each report is grouped by its agency: a compilation's go to theirs
	type unit struct{ file, part int }
	units := make([]unit, 0, len(files))
	ids := make([]ident, 0, len(files))
	for i, ks := range all {
		for j, k := range ks {
			units = append(units, unit{i, j})
			ids = append(ids, ident{agency: k.agency, year: k.year})
		}
	}
	// the cross-year rules and the output of each agency's files in turn,
	// agencies on every core; each agency's output is written once every
	// agency before it in the plan is, so that outputs do not pile up
	plan := groupByAgency(ids)
	outs := make([][]byte, len(units))
	sums := make([]Summary, len(plan)) // each job's counts
	finished := make([]bool, len(plan))
	var sum Summary
	var werr error
	var writing sync.Mutex
	written := 0 // jobs written, in plan order
	finish := func(k int) {
		writing.Lock()
		defer writing.Unlock()
		finished[k] = true
		for ; written < len(plan) && finished[written]; written++ {
			sum.merge(sums[written])
			for _, i := range plan[written].files {
				if werr == nil {
					_, werr = w.Write(outs[i])
				}
				outs[i] = nil
			}
		}
	}
	var nextJob atomic.Int64
	var loadErr error
	var loadOnce sync.Once
	for range workers {
		wg.Go(func() {
			for {
				k := int(nextJob.Add(1)) - 1
				if k >= len(plan) {
					return
				}
				j := plan[k]
				var chain yearChain
				var same sameYear
				for m, u := range j.files {
					kp := all[units[u].file][units[u].part]
					if err := kp.load(sp); err != nil {
						loadOnce.Do(func() { loadErr = err })
						return
					}
					a := audited{model: kp.model, err: kp.err, partOf: kp.partOf}
					prev := chain.before(j.years[m])
					if a.err == nil {
						cy := kp.cy.Unpack()
						a.rep = cy.Report()
						report.AddCrossYear(a.rep, prev)
						chain.read(a.rep)
						same.check(a.rep, opt.shown(files[units[u].file])+a.words())
					}
					sums[k].add(result{err: a.err, rep: a.rep, part: a.part})
					outs[u] = show(files[units[u].file], a, prev)
					all[units[u].file][units[u].part] = nil // made into its output: let it go
				}
				finish(k)
			}
		})
	}
	wg.Wait()
	if loadErr != nil {
		return Summary{}, errs.Wrap(errs.Internal, loadErr, "", "无法读回审核的临时文件"), true
	}
	return sum, werr, true
}

// job is files checked in turn, each against the one before it when that
// is the year before (one agency's reports).
type job struct {
	files []int
	years []int // the identified year of each, 0 when unknown
}

// ident is what a file says it is.
type ident struct {
	agency string
	year   int
}

// identifyAll reads the title of every file, on every core.
func identifyAll(ctx context.Context, files []string, opt Options, workers int) []ident {
	out := make([]ident, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if data, err := readLimited(files[i], opt.shown(files[i])); err == nil {
					out[i].agency, out[i].year = report.Identify(opt.shown(files[i]), data)
				}
			}
		})
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// groupByAgency makes one job per agency (in the order agencies first
// appear), its reports ordered by year; a file without agency or year is a
// job of its own.
func groupByAgency(ids []ident) []job {
	var plan []job
	byAgency := map[string]int{}
	keyOf := make([]string, len(ids)) // "": a file without agency or year
	keys := map[string]bool{}
	for i, id := range ids {
		if id.agency != "" && id.year != 0 {
			keyOf[i] = AgencyKey(id.agency)
			keys[keyOf[i]] = true
		}
	}
	fuller := placeQualified(keys)
	for i, id := range ids {
		key := keyOf[i]
		if key == "" {
			plan = append(plan, job{files: []int{i}, years: []int{id.year}})
			continue
		}
		if f, ok := fuller[key]; ok {
			key = f
		}
		k, ok := byAgency[key]
		if !ok {
			k = len(plan)
			byAgency[key] = k
			plan = append(plan, job{})
		}
		plan[k].files = append(plan[k].files, i)
	}
	for k := range plan {
		fs := plan[k].files
		sort.SliceStable(fs, func(a, b int) bool { return ids[fs[a]].year < ids[fs[b]].year })
		plan[k].years = make([]int, len(fs))
		for n, f := range fs {
			plan[k].years[n] = ids[f].year
		}
	}
	return plan
}

// AgencyKey is what an agency's name is grouped by: the same agency's
// titles differ from year to year in what does not name another one — 人民
// 政府 or 政府, a second name in brackets after the first (示例市生态环境局
// （示例市核安全局）), bracket widths.
func AgencyKey(name string) string {
	k := strings.NewReplacer("(", "（", ")", "）", " ", "", "\u3000", "").Replace(name)
	if strings.HasSuffix(k, "）") {
		if i := strings.LastIndex(k, "（"); i > 0 && utf8.RuneCountInString(k[:i]) >= 4 {
			k = k[:i]
		}
	}
	return strings.ReplaceAll(k, "人民政府", "政府")
}

// placeQualified maps an agency's key to the one key that is the same name
// with the places above it written before it, where there is one: a county's
// bureau titled 卫滨区教育体育和文化旅游局 one year and 新乡市卫滨区教育体育和文化旅游局
// another (and 河南省新乡市卫滨区… a third: all are the fullest). The shorter
// name must itself start with a place, so that a name with none (教育局) is
// joined to nothing; two fuller names for one shorter that are not one
// another's (甲市卫滨区… and 乙市卫滨区…) join neither.
func placeQualified(keys map[string]bool) map[string]string {
	cands := map[string][]string{}
	for k := range keys {
		for _, i := range placePrefixes(k) {
			if short := k[i:]; keys[short] && len(placePrefixes(short)) > 0 {
				cands[short] = append(cands[short], k)
			}
		}
	}
	out := map[string]string{}
	for short, fs := range cands {
		// several fuller names that each end with the next shorter one (新乡市
		// 卫滨区… and 河南省新乡市卫滨区…) are one line of names: the fullest
		slices.SortFunc(fs, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
		nested := true
		for i := 1; i < len(fs); i++ {
			nested = nested && strings.HasSuffix(fs[i], fs[i-1])
		}
		if nested {
			out[short] = fs[len(fs)-1]
		}
	}
	return out
}

// placePrefixes are the byte offsets in name after each leading place name
// (示例省, 示例省示例市, …), each 2 to 10 characters ending in 省, 市, 区, 县,
// 州, 盟 or 旗 and naming no office (officeChars), with more of the name
// after the last.
func placePrefixes(name string) []int {
	var out []int
	n := 0 // characters of this place so far
	for i, r := range name {
		if n++; strings.ContainsRune(officeChars, r) || n > 10 {
			break
		}
		if strings.ContainsRune("省市区县州盟旗", r) && n >= 2 {
			if end := i + utf8.RuneLen(r); end < len(name) {
				out = append(out, end)
			}
			n = 0
		}
	}
	return out
}

// officeChars end the places at the start of an agency's name: characters
// of offices (局, 委, 办 …) that place names hardly have.
const officeChars = "局厅委办院室所站队署处馆"

// readLimited reads a file no larger than the auditor reads: the size is
// checked before the file is read into memory (on the open file: a second
// look-up by name cost as much as the read). Errors name the file as name.
// On Linux a regular file is read with four system calls (readfile_linux.go);
// anything else, and every file elsewhere, is read here.
func readLimited(path, name string) ([]byte, error) {
	if data, done, err := readRegular(path, name); done {
		return data, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unreadable(err, name)
	}
	return readOpen(f, name)
}

// readOpen reads an open file as readLimited does, and closes it.
func readOpen(f *os.File, name string) ([]byte, error) {
	defer func() { _ = f.Close() }() // read only: nothing to lose on close
	st, err := f.Stat()
	if err != nil {
		return nil, unreadable(err, name)
	}
	if err := guard.Size(name, st.Size(), report.MaxInput); err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() { // a pipe (<(curl …)): read to its end, within the bound
		data, err := io.ReadAll(io.LimitReader(f, report.MaxInput+1))
		if err != nil {
			return nil, unreadable(err, name)
		}
		if int64(len(data)) > report.MaxInput {
			return nil, &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("文件过大：超过 %d MB 的上限", report.MaxInput>>20)}
		}
		return data, nil
	}
	// the size it had when checked, no more: a file that grows while it is
	// read is read as it was (and no read is spent to find its end)
	data := make([]byte, st.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF { // shrunk: what there is
		return nil, unreadable(err, name)
	}
	return data[:n], nil
}

func unreadable(err error, name string) error {
	return errs.Wrap(errs.NotFound, err, name, "无法读取文件")
}

// yearChain gives each of an agency's files, in year order, the report it
// is checked against: the one given (--prev), or the last one read of the
// year before. Two files of one year (a page and its PDF) are both checked
// against that year's predecessor, not against each other.
type yearChain struct {
	given      *report.Report
	prev, last *report.Report // the last read of the year before last's, and the last read
}

// before is the report the next file, identified as of year, is checked against.
func (c *yearChain) before(year int) *report.Report {
	if c.given != nil {
		return c.given
	}
	if c.last != nil && c.last.Year != year {
		c.prev = c.last // a new year: the last one read closes the year before
	}
	if c.prev != nil && year > 0 && c.prev.Year == year-1 {
		return c.prev
	}
	return nil
}

// read records a file's report, once it is read.
func (c *yearChain) read(r *report.Report) { c.last = r }

// sameYear keeps, along one agency's reports in year order, the first read
// of the year, which the others of that year are compared with (a page and
// its PDF, a report and its corrected version: X.SAME_YEAR).
type sameYear struct {
	first *report.Report
	name  string
}

// check compares r, read as name, with the first report of its year, or
// makes it the first.
func (s *sameYear) check(r *report.Report, name string) {
	switch {
	case r == nil || r.Year == 0:
	case s.first != nil && s.first.Year == r.Year:
		report.AddSameYear(r, s.first, s.name)
	default:
		s.first, s.name = r, name
	}
}

// runPlan audits the jobs on every core and writes each file's result in
// plan order (jobs in order, each job's files in order), holding at most a
// few jobs' results at a time.
func runPlan(ctx context.Context, files []string, plan []job, opt Options, workers int,
	show func(path string, a audited, prev *report.Report) []byte, w io.Writer) (Summary, error) {
	pos := make([][]int, len(plan)) // output position of each file of each job
	n := 0
	for k, j := range plan {
		for range j.files {
			pos[k] = append(pos[k], n)
			n++
		}
		if j.years == nil {
			plan[k].years = make([]int, len(j.files))
		}
	}
	jobs := make(chan int)
	results := make(chan result, workers)
	slots := make(chan struct{}, 32*workers) // jobs read but not yet printed: bounds memory
	go func() {
		defer close(jobs)
		for k := range plan {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for k := range jobs {
				chain := yearChain{given: opt.Prev}
				var same sameYear
				for m, i := range plan[k].files {
					prev := chain.before(plan[k].years[m])
					as := auditOne(files[i], opt.shown(files[i]), opt, prev)
					a := as[0]
					if a.err == nil {
						chain.read(a.rep)
						same.check(a.rep, opt.shown(files[i])+a.words())
					}
					res := result{i: pos[k][m], err: a.err, rep: a.rep, part: a.part, out: show(files[i], a, prev), last: m == len(plan[k].files)-1}
					// a compilation's other reports: written with its first,
					// checked against nothing (this plan groups files by
					// their first report's agency)
					for _, b := range as[1:] {
						res.out = append(res.out, show(files[i], b, nil)...)
						res.extra = append(res.extra, b.rep)
					}
					results <- res
				}
			}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()
	return collect(ctx, results, slots, n, opt, w)
}

// collect writes the results in order and counts them.
func collect(ctx context.Context, results chan result, slots chan struct{}, total int, opt Options, w io.Writer) (Summary, error) {
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
			if p.last {
				<-slots
			}
			sum.add(p)
			if werr == nil {
				_, werr = w.Write(p.out)
			}
			if opt.Progress != nil {
				opt.Progress(sum.Files, total)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, werr
}

// Summarize counts outcomes (after findings were added to them).
func Summarize(outs []Outcome) Summary {
	var sum Summary
	for _, o := range outs {
		res := result{err: o.Err, rep: o.Report}
		if o.Report != nil {
			res.part = o.Report.Meta.Part
		}
		sum.add(res)
	}
	return sum
}

func (s *Summary) merge(o Summary) {
	s.Files += o.Files
	s.Reports += o.Reports
	s.WithErrors += o.WithErrors
	s.WithWarnings += o.WithWarnings
	s.Clean += o.Clean
	s.Unreadable += o.Unreadable
}

func (s *Summary) add(p result) {
	if p.part > 1 {
		s.Reports++ // a compilation's: its file is counted with its first
	} else {
		s.Files++
	}
	switch {
	case p.err != nil:
		s.Unreadable++
	case p.rep != nil:
		s.count(p.rep)
	}
	for _, r := range p.extra {
		s.Reports++
		s.count(r)
	}
}

// count counts a report by its worst finding.
func (s *Summary) count(r *report.Report) {
	e, wn, inf := r.Counts()
	switch {
	case e > 0:
		s.WithErrors++
	case wn+inf > 0:
		s.WithWarnings++
	default:
		s.Clean++
	}
}

// Unreadable is the output of a file that could not even be fetched (an
// address of `gongkai audit URL`), as Run writes one it could not read; the
// caller counts it in the summary (AddUnreadable).
func Unreadable(name string, err error, opt Options) []byte {
	if opt.ByAgency {
		return chainLine(name, audited{err: err}, nil, opt.JSON)
	}
	return format(name, audited{err: err}, opt.JSON)
}

// AddUnreadable counts n files that could not be read.
func (s *Summary) AddUnreadable(n int) {
	s.Files += n
	s.Unreadable += n
}

// format renders one result: a JSON Lines record (the model with the file
// name first) or the readable text.
func format(path string, a audited, asJSON bool) []byte {
	var b bytes.Buffer
	if asJSON {
		if a.err != nil {
			j, _ := json.Marshal(map[string]string{"file": path, "error": errs.Message(a.err)})
			b.Write(j)
		} else {
			// not json.Marshal of the report: it would check and compact
			// what is already compact
			f, _ := json.Marshal(path)
			b.WriteString(`{"file":`)
			b.Write(f)
			b.WriteString(",")
			if a.parts > 0 {
				fmt.Fprintf(&b, `"part":%d,"parts":%d,"part_line":%d,`, a.part, a.parts, a.from)
			}
			b.Write(a.model[1 : len(a.model)-1])
			b.WriteString(`,"findings":`)
			report.WriteFindingsJSON(&b, a.rep.Findings)
			b.WriteByte('}')
		}
		b.WriteByte('\n')
		return b.Bytes()
	}
	fmt.Fprintf(&b, "== %s%s ==\n", path, a.words())
	if a.err != nil {
		fmt.Fprintf(&b, "无法读取：%s\n\n", errs.Message(a.err))
		return b.Bytes()
	}
	WriteText(&b, a.rep)
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

// chainLine is one agency-year of --by-agency: its counts, and how its
// 上年结转 meets last year's 结转下年度 (the carry-over chain).
func chainLine(path string, a audited, prev *report.Report, asJSON bool) []byte {
	r, err := a.rep, a.err
	var b bytes.Buffer
	if err != nil {
		if asJSON {
			j, _ := json.Marshal(map[string]string{"file": path, "error": errs.Message(err)})
			b.Write(j)
			b.WriteByte('\n')
			return b.Bytes()
		}
		fmt.Fprintf(&b, "%s：无法读取：%s\n", path, errs.Message(err))
		return b.Bytes()
	}
	total := func(key string) string { return r.Applications[key][report.ColTotal].String() }
	chain, ok := "（没有上年报告）", true
	if prev != nil {
		in, out := r.Applications["carried_in"][report.ColTotal], prev.Applications["carried_forward"][report.ColTotal]
		ok = in.String() == out.String()
		chain = fmt.Sprintf("上年结转 %s %s %d 年结转下年度 %s", or0(in.String()), map[bool]string{true: "=", false: "≠"}[ok], prev.Year, or0(out.String()))
	}
	e, wn, _ := r.Counts()
	if asJSON {
		m := map[string]any{"agency": r.Agency, "year": r.Year, "file": path, "new": total("new"), "carried_in": total("carried_in"),
			"carried_forward": total("carried_forward"), "has_prev": prev != nil, "carry_ok": ok, "errors": e, "warnings": wn}
		if a.parts > 0 {
			m["part"], m["parts"], m["part_line"] = a.part, a.parts, a.from
		}
		j, _ := json.Marshal(m)
		b.Write(j)
		b.WriteByte('\n')
		return b.Bytes()
	}
	agency := r.Agency
	if agency == "" {
		agency = "（未识别）"
	}
	fmt.Fprintf(&b, "%s　%d　新收 %s　结转下年度 %s　%s　错误 %d　警告 %d　%s%s\n", agency, r.Year, or0(total("new")), or0(total("carried_forward")),
		chain, e, wn, path, a.words())
	return b.Bytes()
}

func or0(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}
