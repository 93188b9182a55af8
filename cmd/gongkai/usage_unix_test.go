//go:build unix

package main

import "testing"

// The benchmarks' CPU time grows with work done and the peak memory is in
// MB, not kilobytes or bytes (a 1024× slip shows as thousands of MB).
func TestProcUsage(t *testing.T) {
	cpu0, _, ok := procUsage()
	if !ok {
		t.Fatal("no usage on a unix system")
	}
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	cpu1, peak, _ := procUsage()
	if cpu1 <= cpu0 {
		t.Errorf("CPU time %v then %v after work", cpu0, cpu1)
	}
	if peak < 64 || peak > 64<<10 {
		t.Errorf("peak %.1f MB after touching 64 MB", peak)
	}
	_ = buf[len(buf)-1]
}
