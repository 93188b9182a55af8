package importer

import (
	"strings"

	"gongkai/internal/workday"
)

// PostFields are the columns of a platform's export of an account's posts
// (微信公众号后台、微博、抖音 exports): one row per post.
var PostFields = Schema{
	{"published", "发布时间", true, []string{"群发时间", "发布时间", "发表时间", "发送时间", "发布日期", "创建时间", "时间", "日期"}},
	{"title", "标题", false, []string{"文章标题", "内容标题", "标题", "作品名称", "内容"}},
}

// PostDates reads the dates of the posts of an export; a row whose date
// cannot be read is an error at its cell (nothing is counted from a file
// with errors: the caller refuses it whole).
func (s *Sheet) PostDates(m *Mapping) ([]workday.Date, []RowError) {
	var out []workday.Date
	var bad []RowError
	s.dataRows(m, func(rc *rowCtx) {
		v := rc.get("published")
		d, err := rc.sh.parseDate(v, rc.loc) // an instant with its offset: the deployment's day
		// "2024-03-05 10:21:33", "2024/3/5 10:21": the day is what counts
		if i := strings.IndexAny(v, " T"); err != nil && i > 0 {
			d, err = ParseDate(v[:i])
		}
		if err != nil {
			rc.fail("published", "发布时间“%s”看不懂：应为 2024-03-05 这样的日期", rc.get("published"))
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, d)
	})
	return out, bad
}
