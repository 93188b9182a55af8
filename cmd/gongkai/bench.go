package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/report"
)

func (c *cli) cmdBench(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) > 0 && args[0] == "export" {
		return c.cmdBenchExport(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "http" {
		return c.cmdBenchHTTP(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "seed" {
		return c.cmdBenchSeed(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "rollup" {
		return c.cmdBenchRollup(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "search" {
		return c.cmdBenchSearch(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "audit" {
		fmt.Fprintln(stderr, "用法：gongkai bench audit [--n 10000] [--dir 目录] [--keep] | bench export [--n 5000] | bench http [--rate 2000] [--duration 10s] | bench seed --db URL [--agencies 5000] [--cases 2000000] | bench rollup --db URL | bench search --db URL [--items 1000000]")
		return 2
	}
	fs := newFlags("bench audit", "bench audit [--n 10000] [--dir 目录] [--keep] [--cpuprofile 文件]", stderr)
	profile := fs.String("cpuprofile", "", "把多线程审核的 CPU 剖析写到此文件（go tool pprof 读取）")
	n := fs.Int("n", 10000, "生成并审核的报告数")
	dir := fs.String("dir", "", "存放生成报告的目录，默认为临时目录")
	keep := fs.Bool("keep", false, "保留生成的报告")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	if *n < 1 {
		return fail(stderr, errs.New("--n", "报告数应大于 0"))
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "gongkai-bench-")
		if err != nil {
			return fail(stderr, errs.Wrap(errs.Internal, err, "", "无法创建临时目录"))
		}
		*dir = d
	} else {
		// a directory of the user's: made when missing, and refused when it
		// holds anything, so that the audit reads only the generated reports
		// and the clean-up never deletes a file of theirs
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return fail(stderr, errs.Wrap(errs.Invalid, err, *dir, "无法创建目录"))
		}
		if ents, err := os.ReadDir(*dir); err != nil || len(ents) > 0 {
			return fail(stderr, errs.Wrap(errs.Invalid, err, *dir, "--dir 应是空目录或不存在的目录：生成的报告写在这里，结束时删除（--keep 保留）"))
		}
	}
	if !*keep {
		defer os.RemoveAll(*dir)
	}
	if err := benchAudit(ctx, *n, *dir, *profile, stdout); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// benchAudit measures the whole auditor on n generated reports: one worker,
// then every core, against a baseline of reading the same files in the same run.
func benchAudit(ctx context.Context, n int, dir, profile string, w io.Writer) error {
	total, err := writeAuditMix(n, dir)
	if err != nil {
		return err
	}
	tuneGC() // as `gongkai audit` does for a directory
	files, err := auditor.Expand([]string{dir})
	if err != nil {
		return err
	}
	// baseline: read every file and validate its UTF-8, nothing else
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if !utf8.Valid(data) {
			return errs.New(f, "生成的报告不是 UTF-8")
		}
	}
	base := time.Since(start)

	one, _, err := timedRun(ctx, files, 1)
	if err != nil {
		return err
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return errs.Wrap(errs.Invalid, err, profile, "无法写入剖析文件")
		}
		defer func() { _ = f.Close() }()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	cpuBefore := cpuTime()
	all, sum, err := timedRun(ctx, files, runtime.GOMAXPROCS(0))
	if profile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	cpuAfter, peak, measured := procUsage()
	cpu := cpuAfter - cpuBefore
	rate := func(d time.Duration) float64 { return float64(len(files)) / d.Seconds() }
	fmt.Fprintf(w, "gongkai bench audit: %d 份报告，共 %.1f MB，平均 %.1f KB（go %s，%d 核，GOMAXPROCS=%d）\n",
		len(files), float64(total)/1e6, float64(total)/float64(len(files))/1e3, runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "baseline 读文件+UTF-8 校验: %8.0f 份/秒 (%v)\n", rate(base), base.Round(time.Millisecond))
	fmt.Fprintf(w, "audit 1 个工作线程:        %8.0f 份/秒 (%v)，为 baseline 的 1/%.1f\n", rate(one), one.Round(time.Millisecond), one.Seconds()/base.Seconds())
	fmt.Fprintf(w, "audit %d 个工作线程:        %8.0f 份/秒 (%v)，为 baseline 的 1/%.1f，为单线程的 %.2f 倍\n",
		runtime.GOMAXPROCS(0), rate(all), all.Round(time.Millisecond), all.Seconds()/base.Seconds(), one.Seconds()/all.Seconds())
	if measured {
		fmt.Fprintf(w, "并行审核时 CPU 使用 %.2f 核（CPU 时间 %v / 墙钟时间 %v）\n", cpu.Seconds()/all.Seconds(), cpu.Round(time.Millisecond), all.Round(time.Millisecond))
		fmt.Fprintf(w, "进程峰值内存（RSS）: %.1f MB\n", peak)
	} else {
		fmt.Fprintln(w, "本系统不提供进程的 CPU 时间和峰值内存，未测量")
	}
	fmt.Fprintf(w, "结果: %s\n", sum.Line())
	return nil
}

// writeAuditMix writes n generated reports into dir in the layouts the
// auditor meets, and returns their total size.
func writeAuditMix(n int, dir string) (int64, error) {
	var total int64
	for i := range n {
		ext, data, err := auditor.Sample(i)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%06d%s", i, ext)), data, 0o644); err != nil {
			return 0, errs.Wrap(errs.Internal, err, dir, "无法写入生成的报告")
		}
		total += int64(len(data))
	}
	return total, nil
}

func timedRun(ctx context.Context, files []string, workers int) (time.Duration, auditor.Summary, error) {
	start := time.Now()
	sum, err := auditor.Run(ctx, files, auditor.Options{JSON: true, Workers: workers}, io.Discard)
	return time.Since(start), sum, err
}

func cpuTime() time.Duration {
	cpu, _, _ := procUsage()
	return cpu
}

// cmdBenchExport exports n agencies' reports as DOCX, PDF and XLSX on every
// core, against rendering them as text in the same run.
func (c *cli) cmdBenchExport(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("bench export", "bench export [--n 5000]", stderr)
	n := fs.Int("n", 5000, "机关数（每个机关一份报告）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	reports := make([]*report.Report, *n)
	for i := range reports {
		reports[i] = report.Generate(rand.New(rand.NewPCG(uint64(i), 7)), fmt.Sprintf("示例第%d局", i), 2021+i%4)
	}
	run := func(workers int, formats []string) (time.Duration, int64, error) {
		start := time.Now()
		jobs := make(chan *report.Report)
		errc := make(chan error, workers)
		var total atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var b bytes.Buffer
				for r := range jobs {
					for _, f := range formats {
						b.Reset()
						if err := office.RenderReport(&b, r, f, time.Unix(0, 0)); err != nil {
							errc <- err
							return
						}
						total.Add(int64(b.Len()))
					}
				}
			}()
		}
		for _, r := range reports {
			if ctx.Err() != nil {
				break
			}
			jobs <- r
		}
		close(jobs)
		wg.Wait()
		select {
		case err := <-errc:
			return 0, 0, err
		default:
		}
		return time.Since(start), total.Load(), nil
	}
	cores := runtime.GOMAXPROCS(0)
	base, _, err := run(cores, []string{"txt"})
	if err != nil {
		return fail(stderr, err)
	}
	cpu0 := cpuTime()
	all, bytesOut, err := run(cores, []string{"docx", "pdf", "xlsx"})
	if err != nil {
		return fail(stderr, err)
	}
	cpu1, peak, measured := procUsage()
	cpu := cpu1 - cpu0
	fmt.Fprintf(stdout, "gongkai bench export: %d 份报告（go %s，%d 核）\n", *n, runtime.Version(), cores)
	fmt.Fprintf(stdout, "baseline 文本排版:           %v，%.0f 份/秒\n", base.Round(time.Millisecond), float64(*n)/base.Seconds())
	fmt.Fprintf(stdout, "DOCX+PDF+XLSX（%d 个工作线程）: %v，%.0f 份/秒，每份 %.1f ms 墙钟，共 %.0f MB\n",
		cores, all.Round(time.Millisecond), float64(*n)/all.Seconds(), all.Seconds()*1000/float64(*n), float64(bytesOut)/1e6)
	if measured {
		fmt.Fprintf(stdout, "CPU 使用 %.2f 核；为 baseline 的 %.0f 倍；进程峰值内存 %.0f MB\n",
			cpu.Seconds()/all.Seconds(), all.Seconds()/base.Seconds(), peak)
	} else {
		fmt.Fprintf(stdout, "为 baseline 的 %.0f 倍（本系统不提供进程的 CPU 时间和峰值内存，未测量）\n", all.Seconds()/base.Seconds())
	}
	return 0
}

func runtimeVersion() string { return runtime.Version() }
func runtimeCPUs() int       { return runtime.GOMAXPROCS(0) }
