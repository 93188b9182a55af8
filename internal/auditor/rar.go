package auditor

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/nwaples/rardecode/v2"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// rarDictionary bounds the window a RAR archive may ask to be decoded with:
// WinRAR's default is 32 MB, and the library's own bound (4 GB) is memory
// a hostile archive could make a check allocate.
const rarDictionary = 64 << 20

// rarSkipped is what a RAR archive may decode beyond the bytes its checks
// may still take: a solid archive (WinRAR's 创建固实压缩文件) decodes every
// file it holds to reach the next, the pictures and scans skipped too, and a
// file's data may decode to far more than its header says — a 1 MB archive
// to 34 GB, a minute of work, before this bound (TestRARDecodeBounded).
const rarSkipped = 512 << 20

// rarEntries gives fn each file of a RAR archive (WinRAR's, as offices pack
// the reports they send) that may be a report, in the archive's order,
// named "where/entry", as mailEntries gives a mail's attachments (a zip in
// it gives its entries). A name of RAR 4 written in the system's code page
// (GBK) is read so. An archive with a password, split into volumes, or
// damaged says so.
func rarEntries(data []byte, where string, b *budget, fn func(name string, data []byte) error) (int, error) {
	decodable := b.Bytes - b.bytes + rarSkipped
	bad := func(err error) error {
		switch {
		case errors.Is(err, rardecode.ErrArchiveEncrypted), errors.Is(err, rardecode.ErrArchivedFileEncrypted), errors.Is(err, rardecode.ErrBadPassword):
			return errs.Wrap(errs.Invalid, err, where, "RAR 压缩包设有密码：请解压后直接选择其中的文件，或重新压缩成不加密的 .zip")
		case errors.Is(err, rardecode.ErrMultiVolume):
			return errs.Wrap(errs.Invalid, err, where, "这是分卷的 RAR 压缩包：请把各卷解压后直接选择其中的文件")
		case errors.Is(err, rardecode.ErrDecodedTooLarge):
			return errs.Wrap(errs.TooLarge, err, where, "RAR 压缩包解压后过大（固实压缩包中不核查的图片等文件也要解压，合计超过 %d MB）：请解压后直接选择其中的文件，或重新压缩成 .zip", decodable>>20)
		case errors.Is(err, rardecode.ErrDictionaryTooLarge):
			return errs.Wrap(errs.Invalid, err, where, "RAR 压缩包的压缩字典过大（超过 64 MB）：请解压后直接选择其中的文件，或重新压缩成 .zip")
		}
		return errs.Wrap(errs.Invalid, err, where, "RAR 压缩包已损坏，无法解压：请重新压缩，或解压后直接选择其中的文件")
	}
	r, err := rardecode.NewReader(bytes.NewReader(data), rardecode.MaxDictionarySize(rarDictionary), rardecode.MaxDecodedSize(decodable))
	if err != nil {
		return 0, bad(err)
	}
	given := 0
	for seen := 0; ; seen++ {
		h, err := r.Next()
		if err == io.EOF {
			return given, nil
		}
		if err != nil {
			return given, bad(err)
		}
		if seen >= b.Files*4 {
			return given, b.tooLarge(where)
		}
		name := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(utf8Name(h.Name), `\`, "/")), "/")
		if h.IsDir || !reportPath(name) {
			continue
		}
		at := where + "/" + name
		limit := min(int64(report.MaxInput), b.Bytes-b.bytes)
		entry, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return given, bad(err)
		}
		if int64(len(entry)) > limit {
			return given, b.tooLarge(at)
		}
		if err := giveAttachment(at, entry, b, &given, fn); err != nil {
			return given, err
		}
	}
}
