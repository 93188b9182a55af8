//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A command stuck on its input (audit of a named pipe no one writes to)
// ends at a second Ctrl-C: the first cancels the command's context, which a
// blocked read cannot see; it had ignored every signal after that.
func TestSecondInterruptEnds(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "GONGKAI_TEST_MAIN=audit\x1f"+fifo)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	// a guard against hanging the test run, not a speed check: without the
	// fix the child never ends and is killed here
	guard := time.AfterFunc(2*time.Minute, func() { _ = cmd.Process.Kill() })
	defer guard.Stop()
	// the child is blocked reading the pipe (its signal handler set) once a
	// writer can open it: a non-blocking open fails until a reader has it
	var w *os.File
	for w == nil {
		select {
		case err := <-ended:
			t.Fatalf("ended before reading: %v", err)
		default:
		}
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w = f
		} else {
			time.Sleep(20 * time.Millisecond)
		}
	}
	defer w.Close()
	// interrupt until it ends: the first is the handler's, a later one the
	// default's
	var err error
	for done := false; !done; {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err = <-ended:
			done = true
		case <-time.After(100 * time.Millisecond):
		}
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGINT {
		t.Errorf("after repeated interrupts: %v", err)
	}
}
