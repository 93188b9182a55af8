package guard

import (
	"bytes"
	"os"

	"github.com/xuri/excelize/v2"
)

// OpenXLSX opens a workbook from outside. excelize unpacks a part larger
// than opts.UnzipXMLSizeLimit into a temporary file, and when the archive
// is broken after that (a header that claims more than the entry holds) it
// returns an error without the File that knows the file: each such upload
// left a file in the system's temporary directory for good. Here excelize's
// temporary files go into a directory of this call's own, which the
// returned done removes with the workbook, whatever happened; done must be
// called, on error too.
func OpenXLSX(data []byte, opts excelize.Options) (f *excelize.File, done func(), err error) {
	dir, err := os.MkdirTemp("", "gongkai-xlsx-")
	if err != nil {
		return nil, func() {}, err
	}
	opts.TmpDir = dir
	f, err = excelize.OpenReader(bytes.NewReader(data), opts)
	done = func() {
		if f != nil {
			_ = f.Close()
		}
		_ = os.RemoveAll(dir)
	}
	if err != nil {
		done()
		return nil, func() {}, err
	}
	return f, done, nil
}
