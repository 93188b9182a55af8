package auditor

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/base64"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"path"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// unpacker is how a file that holds others is unpacked into them, and what
// to say when it holds none to check: a mail saved as a file, into its
// attachments (an .eml of Foxmail or a webmail's download, an Outlook .msg:
// what Outlook saves, or drags out to the desktop), or a RAR archive
// (rar.go); nil for any other file (a zip is unpacked on its own). Agencies
// send their reports to the office that collects them as attachments, or
// packed by WinRAR: those are the files to check.
func unpacker(name string) (func(data []byte, where string, b *budget, fn func(name string, data []byte) error) (int, error), string) {
	switch strings.ToLower(path.Ext(name)) {
	case ".eml":
		return mailEntries, "这封邮件没有可以核查的附件（报告要作为附件发送；正文里的文字请另存为文本再核查）"
	case ".msg":
		return msgEntries, "这封邮件没有可以核查的附件（报告要作为附件发送；正文里的文字请另存为文本再核查）"
	case ".rar":
		return rarEntries, "这个 RAR 压缩包中没有可以核查的文件（图片、网页的附属文件不核查）"
	}
	return nil, ""
}

// isPacked says a file is a mail or a RAR archive, unpacked by unpacker.
func isPacked(name string) bool {
	read, _ := unpacker(name)
	return read != nil
}

// msgEntries gives fn each attachment of an Outlook message (MS-OXMSG: an
// OLE2 compound file) as mailEntries does: the storages
// __attach_version1.0_#… at its root, each with its file name
// (PidTagAttachLongFilename, else PidTagAttachFilename; Unicode, or in the
// code page, GBK, of an older Outlook) and its bytes
// (PidTagAttachDataBinary). An attached message (a storage of its own) is
// left out. At most 200 attachments.
func msgEntries(data []byte, where string, b *budget, fn func(name string, data []byte) error) (int, error) {
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return 0, errs.Wrap(errs.Invalid, err, where, "Outlook 邮件文件（.msg）无法读取：请在 Outlook 中把附件另存下来再核查")
	}
	type attachment struct {
		long, short string
		data        []byte
	}
	atts := map[string]*attachment{}
	limit := min(int64(report.MaxInput), b.Bytes-b.bytes)
	left := int64(len(data)) // what the attachments can hold: each sector is one stream's
	text := func(r io.Reader, unicode bool) string {
		raw, _ := io.ReadAll(io.LimitReader(r, 2048))
		if unicode {
			u := make([]uint16, 0, len(raw)/2)
			for i := 0; i+1 < len(raw); i += 2 {
				u = append(u, uint16(raw[i])|uint16(raw[i+1])<<8)
			}
			return strings.TrimRight(string(utf16.Decode(u)), "\x00")
		}
		s, err := simplifiedchinese.GB18030.NewDecoder().String(strings.TrimRight(string(raw), "\x00"))
		if err != nil {
			return ""
		}
		return s
	}
	for e, err := cf.Next(); err == nil; e, err = cf.Next() {
		if len(e.Path) != 1 || !strings.HasPrefix(e.Path[0], "__attach_version1.0_#") {
			continue
		}
		a := atts[e.Path[0]]
		if a == nil {
			if len(atts) >= 200 {
				continue
			}
			a = &attachment{}
			atts[e.Path[0]] = a
		}
		switch e.Name {
		case "__substg1.0_3707001F", "__substg1.0_3707001E":
			a.long = text(e, strings.HasSuffix(e.Name, "1F"))
		case "__substg1.0_3704001F", "__substg1.0_3704001E":
			a.short = text(e, strings.HasSuffix(e.Name, "1F"))
		case "__substg1.0_37010102":
			if a.data, err = io.ReadAll(io.LimitReader(e, min(limit, left)+1)); err != nil {
				a.data = nil
			} else if n := int64(len(a.data)); n > left {
				// the attachments hold more bytes than the file: a chain of
				// sectors that loops, read round and round (see docLines)
				return 0, errs.New(where, "Outlook 邮件文件（.msg）结构损坏：请在 Outlook 中把附件另存下来再核查")
			} else if n > limit {
				return 0, b.tooLarge(where + "/" + cmp.Or(a.long, a.short, e.Path[0]))
			} else {
				left -= n
			}
		}
	}
	given := 0
	for _, key := range slices.Sorted(maps.Keys(atts)) { // #00000000, #00000001 …: the order they were attached in
		a := atts[key]
		name := path.Base(strings.ReplaceAll(cmp.Or(a.long, a.short), `\`, "/"))
		if a.data == nil || name == "." || name == "/" || !reportEntryName(name) {
			continue
		}
		at := where + "/" + name
		if err := giveAttachment(at, a.data, b, &given, fn); err != nil {
			return given, err
		}
	}
	return given, nil
}

// giveAttachment gives fn an attachment of a mail, named at, as a file or,
// a zip, as its entries, counting them in given.
func giveAttachment(at string, data []byte, b *budget, given *int, fn func(name string, data []byte) error) error {
	count := func(name string, data []byte) error {
		*given++
		return fn(name, data)
	}
	if isZip(at) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return badZip(at, err)
		}
		return zipEntries(zr, at, b, count)
	}
	if err := b.take(at, int64(len(data))); err != nil {
		return err
	}
	return count(at, data)
}

// mailWords decodes the encoded words of a header (RFC 2047) in the
// charsets Chinese mail clients write: GBK, GB2312 and GB18030 besides UTF-8.
var mailWords = &mime.WordDecoder{CharsetReader: func(charset string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "gbk", "gb2312", "gb18030", "x-gbk", "cp936":
		return simplifiedchinese.GB18030.NewDecoder().Reader(in), nil
	}
	return nil, fmt.Errorf("charset %s", charset)
}}

// mailEntries gives fn each attachment of a mail that may be a report, in
// order, named "where/attachment" (a zip attached gives its entries,
// "where/attachment.zip/entry"), each decoded (base64, quoted-printable) and
// read no further than report.MaxInput or what is left of b. Parts nest at
// most 8 deep, 200 to a mail. It returns how many it gave.
func mailEntries(data []byte, where string, b *budget, fn func(name string, data []byte) error) (int, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return 0, errs.Wrap(errs.Invalid, err, where, "邮件文件（.eml）无法读取：请在邮件程序中把附件另存下来再核查")
	}
	given, parts := 0, 0
	var walk func(h mailHeader, body io.Reader, depth int) error
	walk = func(h mailHeader, body io.Reader, depth int) error {
		mt, params, err := mime.ParseMediaType(h.get("Content-Type"))
		if err != nil {
			mt = "text/plain"
		}
		if strings.HasPrefix(mt, "multipart/") {
			if depth >= 8 || params["boundary"] == "" {
				return nil
			}
			mr := multipart.NewReader(body, params["boundary"])
			for parts < 200 {
				part, err := mr.NextRawPart()
				if err != nil {
					return nil // the end, or a damaged part: what was read stands
				}
				parts++
				if err := walk(mailHeader(part.Header), part, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		name := attachmentName(h, params)
		if name == "" || !reportEntryName(name) {
			return nil // the letter's own text, a picture in it
		}
		switch strings.ToLower(strings.TrimSpace(h.get("Content-Transfer-Encoding"))) {
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, newlineDropper{body})
		case "quoted-printable":
			body = quotedprintable.NewReader(body)
		}
		at := where + "/" + name
		limit := min(int64(report.MaxInput), b.Bytes-b.bytes)
		att, err := io.ReadAll(io.LimitReader(body, limit+1))
		if err != nil && len(att) == 0 {
			return nil // an attachment cut short: nothing to check
		}
		if int64(len(att)) > limit {
			return b.tooLarge(at)
		}
		return giveAttachment(at, att, b, &given, fn)
	}
	return given, walk(mailHeader(msg.Header), msg.Body, 0)
}

// mailHeader is a message's or a part's header.
type mailHeader map[string][]string

func (h mailHeader) get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// attachmentName is a part's file name: Content-Disposition's filename, or
// Content-Type's name (older clients), its encoded words decoded, as UTF-8;
// only its last element (a name is never a path here).
func attachmentName(h mailHeader, ctParams map[string]string) string {
	name := ""
	if _, p, err := mime.ParseMediaType(h.get("Content-Disposition")); err == nil {
		name = p["filename"]
	}
	if name == "" {
		name = ctParams["name"]
	}
	if d, err := mailWords.DecodeHeader(name); err == nil {
		name = d
	}
	// (a name written raw, not encoded: a Chinese client's GBK bytes)
	name = path.Base(strings.ReplaceAll(utf8Name(name), `\`, "/"))
	if name == "." || name == "/" {
		return ""
	}
	return name
}

// reportEntryName says an attachment may be a report: not a picture or a
// page's part, not hidden.
func reportEntryName(name string) bool {
	return !strings.HasPrefix(name, ".") && !assetExt[strings.ToLower(path.Ext(name))]
}

// newlineDropper reads base64 text without its line breaks (the decoder
// takes them, but not a lone \r some clients leave).
type newlineDropper struct{ r io.Reader }

func (d newlineDropper) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	k := 0
	for _, c := range p[:n] {
		if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			p[k] = c
			k++
		}
	}
	return k, err
}
