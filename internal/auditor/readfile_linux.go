package auditor

import (
	"os"
	"syscall"

	"gongkai/internal/guard"
	"gongkai/internal/report"
)

// readRegular reads a regular file with open, fstat, read and close. os.Open
// spends five more system calls on a file (fcntl to learn and set its mode, a
// refused epoll registration), which in a directory of small reports was 40 %
// of the cost of reading them. Anything else it opened (a pipe, a directory)
// it reads as readOpen does, from the same descriptor: a pipe's writer is not
// met twice. done is false when the file could not be opened so.
func readRegular(path, name string) (data []byte, done bool, err error) {
	fd, err := open(path)
	if err != nil {
		return nil, false, nil // the portable path tries, and says why in its words
	}
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		data, err := readOpen(os.NewFile(uintptr(fd), path), name)
		return data, true, err
	}
	defer func() { _ = syscall.Close(fd) }() // read only: nothing to lose on close
	if err := guard.Size(name, st.Size, report.MaxInput); err != nil {
		return nil, true, err
	}
	// the size it had when checked, no more (as readOpen)
	data = fileBuffer(st.Size)
	n := 0
	for n < len(data) {
		k, err := syscall.Read(fd, data[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, true, unreadable(err, name)
		}
		if k == 0 { // shrunk: what there is
			break
		}
		n += k
	}
	return data[:n], true, nil
}

func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}
