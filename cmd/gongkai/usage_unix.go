//go:build unix

package main

import (
	"runtime"
	"syscall"
	"time"
)

// procUsage is the process's CPU time so far and its peak resident memory in
// MB; ok is false where the system does not say.
func procUsage() (cpu time.Duration, peakMB float64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, false
	}
	peak := float64(ru.Maxrss) / 1024 // kilobytes on Linux and the BSDs
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		peak = float64(ru.Maxrss) / (1024 * 1024) // bytes there
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), peak, true
}
