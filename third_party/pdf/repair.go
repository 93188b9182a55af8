package pdf

// gongkai: this file is gongkai's addition (see PATCHED.md).

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// objHeader finds "12 0 obj" at the start of a line or after whitespace.
var objHeader = regexp.MustCompile(`(?:^|[\r\n\t \f\x00])(\d{1,10})[\t \r\n\f]+(\d{1,5})[\t \r\n\f]+obj\b`)

// maxRepairObjects bounds the table a scan builds (a hostile file naming
// object 9 999 999 999 would otherwise allocate gigabytes; a report has a
// few thousand).
const maxRepairObjects = 1 << 18

// NewReaderRepair opens a PDF whose cross-reference table cannot be
// trusted — a wrong startxref, offsets shifted by an edit, no %%EOF, junk
// after the end — as pdftotext does: by scanning the file for its objects.
// The last definition of an object wins (incremental updates come later);
// objects inside object streams are found through them; the trailer is the
// last one written, or the last cross-reference stream's dictionary, or
// else made from the document catalog. The file is opened with the empty
// user password only.
func NewReaderRepair(f io.ReaderAt, size int64) (r *Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r = nil
			if e, ok := x.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("malformed PDF: %v", x)
			}
		}
	}()
	data := make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, err
	}
	r = &Reader{f: f, end: size}
	var table []xref
	var xrefStreams []objptr
	for _, m := range objHeader.FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.ParseUint(string(data[m[2]:m[3]]), 10, 32)
		gen, err2 := strconv.ParseUint(string(data[m[4]:m[5]]), 10, 16)
		if err1 != nil || err2 != nil || id >= maxRepairObjects {
			continue
		}
		for uint64(len(table)) <= id {
			table = append(table, xref{})
		}
		ptr := objptr{uint32(id), uint16(gen)}
		table[id] = xref{ptr: ptr, offset: int64(m[2])}
		if bytes.Contains(data[m[1]:min(len(data), m[1]+200)], []byte("/XRef")) {
			xrefStreams = append(xrefStreams, ptr)
		}
	}
	if len(table) == 0 {
		return nil, fmt.Errorf("malformed PDF: no objects found")
	}
	r.xref = table

	// the trailer: the last one written, else the last cross-reference
	// stream's dictionary
	var trailer dict
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		func() {
			defer func() { _ = recover() }()
			b := newBuffer(bytes.NewReader(data[i:]), int64(i))
			b.allowEOF = true
			if b.readToken() == keyword("trailer") {
				trailer, _ = b.readObject().(dict)
			}
		}()
	}
	for k := len(xrefStreams) - 1; trailer["Root"] == nil && k >= 0; k-- {
		func() {
			defer func() { _ = recover() }()
			if s, ok := r.resolve(objptr{}, xrefStreams[k]).data.(stream); ok {
				trailer = s.hdr
			}
		}()
	}
	if trailer == nil {
		trailer = dict{}
	}
	r.trailer = trailer
	if trailer["Encrypt"] != nil {
		if err := r.initEncrypt(""); err != nil {
			return nil, err
		}
	}

	// objects in object streams, unless defined directly
	for i := range table {
		x := table[i]
		if x.offset == 0 || x.inStream {
			continue
		}
		func() {
			defer func() { _ = recover() }()
			v := r.resolve(objptr{}, x.ptr)
			if v.Kind() != Stream || v.Key("Type").Name() != "ObjStm" {
				return
			}
			b := newBuffer(v.Reader(), 0)
			b.allowEOF = true
			for n := v.Key("N").Int64(); n > 0 && n < maxRepairObjects; n-- {
				id, ok1 := b.readToken().(int64)
				_, ok2 := b.readToken().(int64)
				if !ok1 || !ok2 || id < 0 || id >= maxRepairObjects {
					return
				}
				for int64(len(r.xref)) <= id {
					r.xref = append(r.xref, xref{})
				}
				if r.xref[id].offset == 0 && !r.xref[id].inStream {
					r.xref[id] = xref{ptr: objptr{uint32(id), 0}, inStream: true, stream: x.ptr}
				}
			}
		}()
	}

	// no trailer named the catalog: the document catalog is the root
	if _, ok := r.trailer["Root"].(objptr); !ok {
		for i := range r.xref {
			x := r.xref[i]
			if x.offset == 0 && !x.inStream {
				continue
			}
			found := false
			func() {
				defer func() { _ = recover() }()
				if r.resolve(objptr{}, x.ptr).Key("Type").Name() == "Catalog" {
					r.trailer["Root"] = x.ptr
					found = true
				}
			}()
			if found {
				break
			}
		}
	}
	if _, ok := r.trailer["Root"].(objptr); !ok {
		return nil, fmt.Errorf("malformed PDF: no document catalog found")
	}
	return r, nil
}
