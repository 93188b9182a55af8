package gopdf

import (
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// gongkai: a flate compressor allocates about a megabyte of tables; a PDF
// writes a stream per page and per font, so the writers are reused. They
// are klauspost/compress's (the same format, about twice as fast at the
// fast levels): compressing the embedded CJK font subsets is most of the
// cost of a PDF.
var zlibPools [12]sync.Pool // by level, HuffmanOnly (-2) … BestCompression (9)

func getZlib(w io.Writer, level int) (*zlib.Writer, error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return zlib.NewWriterLevel(w, level)
	}
	if v := zlibPools[level+2].Get(); v != nil {
		z := v.(*zlib.Writer)
		z.Reset(w)
		return z, nil
	}
	return zlib.NewWriterLevel(w, level)
}

// putZlib returns a closed writer to its pool.
func putZlib(z *zlib.Writer, level int) {
	if level >= zlib.HuffmanOnly && level <= zlib.BestCompression {
		zlibPools[level+2].Put(z)
	}
}
