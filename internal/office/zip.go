package office

import (
	"archive/zip"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// flateWriters are reused across documents: a compressor's tables are
// large, and DOCX and XLSX are a dozen small deflated parts each.
var flateWriters sync.Pool

// pooledFlate returns its writer to the pool when the part is closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

// newZip is a ZIP writer whose deflate is klauspost/compress's at its
// fastest level: the same format, several times faster than the standard
// library's default level, for parts that are mostly repetitive XML.
func newZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := flateWriters.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledFlate{fw}, nil
		}
		fw, err := flate.NewWriter(out, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		return pooledFlate{fw}, nil
	})
	return zw
}
