package newmedia

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// Feed limits: a feed is read only after its size is checked by the caller;
// these bound what the reader does with it.
const (
	MaxFeedBytes = 5 << 20
	maxFeedDepth = 32
	maxFeedItems = 20000
)

var feedLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC3339, time.RFC3339Nano, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// ParseFeed reads the dates of the posts in an RSS 2.0 or Atom feed, as civil
// dates in loc (a post at 23:30 UTC is the next day in Beijing). Items
// without a readable date are counted in skipped.
func ParseFeed(data []byte, loc *time.Location) (dates []workday.Date, skipped int, err error) {
	if len(data) > MaxFeedBytes {
		return nil, 0, errs.New("feed", "订阅源太大（超过 %d MB）", MaxFeedBytes>>20)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "utf-8" || l == "utf8" {
			return r, nil
		}
		return nil, errs.New("feed", "订阅源的编码“%s”不支持，请使用 UTF-8", label)
	}
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
