package auditor

import (
	"bufio"
	"os"
	"sync"
)

// spill holds what a one-pass run keeps beyond its memory bound in a
// temporary file, so that a directory of any size is still read once:
// reading every file again (the title-first plan) costs far more than
// writing and reading back a few kilobytes per file.
type spill struct {
	mu  sync.Mutex
	f   *os.File
	w   *bufio.Writer
	off int64
	err error
}

// newSpill creates the file in dir ("" for the system's temporary
// directory); nil when it cannot be created.
func newSpill(dir string) *spill {
	f, err := os.CreateTemp(dir, "gongkai-audit-*")
	if err != nil {
		return nil
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 256<<10)}
}

// put appends the parts and returns where they start; ok false when the
// file could not be written (the run then falls back).
func (s *spill) put(parts ...[]byte) (at int64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at = s.off
	for _, p := range parts {
		if s.err != nil {
			return 0, false
		}
		var n int
		n, s.err = s.w.Write(p)
		s.off += int64(n)
	}
	return at, s.err == nil
}

// done ends the writing: what was put can be read back.
func (s *spill) done() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// get reads n bytes at at; safe on every core at once.
func (s *spill) get(at int64, n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := s.f.ReadAt(b, at)
	return b, err
}

// remove closes and deletes the file.
func (s *spill) remove() {
	name := s.f.Name()
	_ = s.f.Close()
	_ = os.Remove(name)
}
