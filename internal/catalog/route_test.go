package catalog

import (
	"strings"
	"testing"

	"gongkai/internal/workday"
)

// The request names a document by (part of) its title: that item comes
// first, a near one after it, and the unrelated and the merely common
// (every request says 请公开…信息) not at all.
func TestRelated(t *testing.T) {
	items := []Item{
		{ID: 1, Title: "关于做好2025年度招生工作的通知"},
		{ID: 2, Title: "卫滨区2024年度财政预算执行情况报告"},
		{ID: 3, Title: "卫滨区2025年度财政预算执行情况报告"},
		{ID: 4, Title: "政府信息公开申请办理情况"},
		{ID: 5, Title: "预算"},
	}
	got := Related("请公开本区2025年度财政预算执行情况的报告", items, 5)
	var ids []int64
	for _, it := range got {
		ids = append(ids, it.ID)
	}
	if len(ids) != 2 || ids[0] != 3 || ids[1] != 2 {
		t.Errorf("related: %v", ids)
	}
	if got := Related("请公开相关信息", items, 5); len(got) != 0 {
		t.Errorf("a request naming nothing matched %d items", len(got))
	}
	if got := Related("请公开本区2025年度财政预算执行情况的报告", items, 1); len(got) != 1 || got[0].ID != 3 {
		t.Errorf("at most n: %v", got)
	}
}

func TestRoute(t *testing.T) {
	on := workday.MustDate("2025-03-04")
	it := Item{ID: 42, Title: "卫滨区2025年度财政预算", Column: "财政信息", DocNo: "卫财〔2025〕3号", IndexNo: "WB-2025-0003", PublishedOn: &on}
	want := "本机关已于2025年3月4日在政府信息公开目录“财政信息”栏目主动公开《卫滨区2025年度财政预算》（卫财〔2025〕3号，索引号：WB-2025-0003），网址：https://gk.example.cn/catalog/items/42"
	if got := it.Route("https://gk.example.cn/"); got != want {
		t.Errorf("route:\n%s\nwant\n%s", got, want)
	}
	it.Column, it.DocNo = "", ""
	if got := it.Route(""); strings.Contains(got, "网址") || strings.Contains(got, "栏目") || !strings.HasSuffix(got, "（索引号：WB-2025-0003）") {
		t.Errorf("route without address: %s", got)
	}
}
