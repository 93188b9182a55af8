package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/ops"
)

// The help page says what the program does: its tables are the program's
// own lists (every channel, step and answer, each answer with its 表三
// row), its periods are the settings in force, and each of its links opens
// for the reader.
func TestHelpPage(t *testing.T) {
	st := demoSite(t)
	for _, who := range []string{"clerk", "head", "district", "admin"} {
		c, _ := st.login(who)
		code, body := st.get(c, "/admin/help")
		if code != 200 {
			t.Fatalf("%s: %d", who, code)
		}
		for _, ch := range casework.Channels {
			if !strings.Contains(body, "<td>"+ch.Name+"</td><td>"+ch.Basis+"</td>") {
				t.Errorf("%s: channel %s", who, ch.Name)
			}
		}
		for _, k := range casework.StepKinds() {
			if k.Kind != casework.KindReceive && !strings.Contains(body, "<td>"+k.Name+"</td>") {
				t.Errorf("%s: step %s", who, k.Name)
			}
		}
		for _, o := range casework.Outcomes {
			if !strings.Contains(body, "<td>"+o.Name+"</td><td>") {
				t.Errorf("%s: answer %s", who, o.Name)
			}
		}
		for _, want := range []string{"<td>已主动公开，告知获取方式</td><td>（一）予以公开</td>",
			"<td>无法提供：不属于本机关负责公开</td><td>（四）无法提供 1.本机关不掌握相关政府信息</td>",
			"<td>其他处理：申请人撤回申请</td><td>（六）其他处理 3.其他</td><td>登记“申请人撤回申请”</td>",
			"<td>不予公开：属于国家秘密</td><td>（三）不予公开 1.属于国家秘密</td><td>负责人</td><td>是</td>",
			"20 个工作日</strong>内答复", "应在 15 个工作日内补正", "年度报告应于",
			"超过 14 天、通知公告和政策文件类栏目超过 6 个月未更新的为“超期未更新”", "任一种达到 5 个"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: lacks %s", who, want)
			}
		}
		if supervises := strings.Contains(body, `id="supervise"`); supervises != (who == "district" || who == "admin") {
			t.Errorf("%s: the supervising office's section shown: %v", who, supervises)
		}
		for _, m := range regexp.MustCompile(`href="(/admin/[^"#]*)`).FindAllStringSubmatch(body, -1) {
			if code, _ := st.get(c, m[1]); code != 200 {
				t.Errorf("%s: the help's link %s gives %d", who, m[1], code)
			}
		}
	}
	// the case page points to the sections that explain it
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf)
	_, page := st.get(c, loc)
	_, help := st.get(c, "/admin/help")
	for _, m := range regexp.MustCompile(`href="/admin/help#([a-z]+)"`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(help, `id="`+m[1]+`"`) {
			t.Errorf("the case page links to #%s, which the help lacks", m[1])
		}
	}
	if !strings.Contains(page, "/admin/help#clock") {
		t.Error("the deadline does not link to how it is computed")
	}
	// a changed rule is said at once
	u, err := st.s.User(context.Background(), mustUser(t, st, "admin"))
	if err != nil {
		t.Fatal(err)
	}
	admin := ops.Principal{UserID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Role: casework.Admin, Via: "web"}
	if _, err = st.b.Ops.SaveSettings(context.Background(), admin, map[string]string{"correction_period": "10", "fee_pauses_clock": "false"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, body := st.get(c, "/admin/help"); !strings.Contains(body, "应在 10 个工作日内补正") || !strings.Contains(body, "等待缴费期间答复期限照常计算") {
		t.Error("the help does not follow the settings")
	}
}
