package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress returns a reporter of long work on stderr: a bar redrawn in place
// on a terminal, a plain line at each 10 % otherwise (logs, CI). Nothing is
// printed for work that finishes in one step.
func (c *cli) progress(label string) func(done, total int) {
	return progressTo(c.stderr, label)
}

// progressTo is progress on any writer.
func progressTo(stderr io.Writer, label string) func(done, total int) {
	tty := isTerminal(stderr)
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := done * 100 / total
		if tty {
			if pct == last {
				return
			}
			last = pct
			n := pct / 5
			fmt.Fprintf(stderr, "\r%s [%s%s] %3d%%  %d/%d", label, strings.Repeat("█", n), strings.Repeat("·", 20-n), pct, done, total)
			if done >= total {
				fmt.Fprintln(stderr)
			}
			return
		}
		if step := pct / 10; step > last/10 || last < 0 {
			if last < 0 && done >= total {
				return // done in one step
			}
			last = pct
			fmt.Fprintf(stderr, "%s：%d%%（%d/%d）\n", label, pct, done, total)
		}
	}
}

// tuneGC trades memory the auditor has to spare for time: a batch of
// reports allocates much and keeps little, so collecting a quarter as often
// is about a tenth faster, while the memory limit keeps the process under
// its 200 MB bound. GOGC and GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
}
