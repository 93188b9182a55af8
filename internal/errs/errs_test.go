package errs

import (
	"errors"
	"testing"
)

// A page shows the message without a place that is only a field's id, and
// with a place a person can find.
func TestReadable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{New("format", "没有可导出的案卷"), "没有可导出的案卷"},
		{New("applications.new[2]", "应为整数"), "应为整数"},
		{New("第3行", "日期看不懂"), "第3行：日期看不懂"},
		{New("年报.zip/a.docx", "不是 Word 文件"), "年报.zip/a.docx：不是 Word 文件"},
		{New("--published", "日期看不懂"), "--published：日期看不懂"},
		{List{New("name", "请填写姓名"), New("第2行 B列", "空白")}, "请填写姓名；第2行 B列：空白"},
		{&Error{Kind: Conflict, Msg: "已办结"}, "已办结"},
		{errors.New("disk full"), "内部错误，请联系系统管理员"},
	} {
		if got := Readable(c.err); got != c.want {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
	if got := Message(New("format", "没有")); got != "format：没有" {
		t.Errorf("Message keeps the place: %q", got)
	}
}
