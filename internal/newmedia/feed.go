package newmedia

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/workday"
)

// Feed limits: a feed is read only after its size is checked by the caller;
// these bound what the reader does with it.
const (
	MaxFeedBytes = 5 << 20
	maxFeedDepth = 32
	maxFeedItems = 20000
)

// The standard layouts, then what Chinese site systems write (a date and a
// time without a zone, dashes or slashes, months and days with or without
// their zero, 年月日).
var feedLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC3339, time.RFC3339Nano, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04 -0700", "2006-01-02T15:04:05-0700",
	"2006-1-2 15:04:05", "2006-1-2 15:04", "2006-01-02T15:04:05", "2006-1-2",
	"2006/1/2 15:04:05", "2006/1/2 15:04", "2006/1/2",
	"2006年1月2日 15:04:05", "2006年1月2日 15:04", "2006年1月2日"}

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']{1,40})["']`)

// feedUTF8 returns a feed as UTF-8. A byte-order mark decides; then the
// encoding the feed's XML declaration names; then the one its server named
// (hint, from Content-Type); then the bytes: valid UTF-8 is UTF-8, anything
// else GB18030, which older government sites publish without saying so
// (guard.UTF8 for the mark and the bytes). A feed labelled UTF-8 with stray
// bytes keeps going: only its dates are read.
func feedUTF8(data []byte, hint string) ([]byte, error) {
	label := hint
	if m := xmlEncoding.FindSubmatch(data[:min(len(data), 512)]); m != nil {
		label = string(m[1])
	}
	bom := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if bom || label == "" {
		return toValid(guard.UTF8(data)), nil
	}
	enc, err := htmlindex.Get(strings.TrimSpace(label))
	if err != nil {
		return nil, errs.New("feed", "订阅源的编码“%s”无法识别，请使用 UTF-8 或 GBK", label)
	}
	if enc == unicode.UTF8 {
		return toValid(data), nil
	}
	if enc == simplifiedchinese.GBK {
		// GB2312 and GBK feeds hold GB18030's extra characters too
		enc = simplifiedchinese.GB18030
	}
	d, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "feed", "订阅源无法按其编码“%s”读取", label)
	}
	return d, nil
}

func toValid(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// ParseFeed reads the dates of the posts in an RSS 2.0 or Atom feed, as civil
// dates in loc (a post at 23:30 UTC is the next day in Beijing). Items
// without a readable date are counted in skipped. charset is the one the
// feed's server named, or "" (a saved file).
func ParseFeed(data []byte, charset string, loc *time.Location) (dates []workday.Date, skipped int, err error) {
	if len(data) > MaxFeedBytes {
		return nil, 0, errs.New("feed", "订阅源太大（超过 %d MB）", MaxFeedBytes>>20)
	}
	data, err = feedUTF8(data, charset)
	if err != nil {
		return nil, 0, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// the text is UTF-8 by now, whatever its declaration still says
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth, inItem, field := 0, false, ""
	var text strings.Builder
	var itemDate string
	sawFeed := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, errs.Wrap(errs.Invalid, err, "feed", "订阅源不是有效的 RSS 或 Atom 文件")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxFeedDepth {
				return nil, 0, errs.New("feed", "订阅源嵌套太深")
			}
			switch n := t.Name.Local; {
			case n == "rss" || n == "feed" || n == "RDF":
				sawFeed = true
			case n == "item" || n == "entry":
				inItem, itemDate = true, ""
			case inItem && (n == "pubDate" || n == "published" || n == "updated" || n == "date"):
				field = n
				text.Reset()
			}
		case xml.CharData:
			if field != "" && text.Len() < 200 {
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			switch n := t.Name.Local; {
			case n == field:
				// published beats updated; pubDate and dc:date stand alone
				if itemDate == "" || n == "published" {
					itemDate = strings.TrimSpace(text.String())
				}
				field = ""
			case n == "item" || n == "entry":
				inItem = false
				if len(dates)+skipped >= maxFeedItems {
					return nil, 0, errs.New("feed", "订阅源条目太多（超过 %d 条）", maxFeedItems)
				}
				if tm, ok := parseFeedTime(itemDate, loc); ok {
					dates = append(dates, workday.FromTime(tm.In(loc)))
				} else {
					skipped++
				}
			}
		}
	}
	if !sawFeed {
		return nil, 0, errs.New("feed", "这不是 RSS 或 Atom 订阅源")
	}
	return dates, skipped, nil
}

func parseFeedTime(s string, loc *time.Location) (time.Time, bool) {
	for _, l := range feedLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
