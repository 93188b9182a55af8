package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongkai/internal/api"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/mail"
	"gongkai/internal/mail/mailtest"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

type env struct {
	t      *testing.T
	srv    *httptest.Server
	s      *store.Store
	api    *api.Server
	o      *ops.Service
	keyA   string // clerk of agency A
	bossA  string // approver of agency A
	keyB   string // clerk of agency B
	agency int64
}

func setup(t *testing.T, s *store.Store) *env {
	ctx := context.Background()
	a := &org.Agency{Name: "甲区教育局", Level: "county_department", ReviewOrgan: "甲区人民政府", LetterPrefix: "甲教依公"}
	b := &org.Agency{Name: "乙区教育局", Level: "county_department", ReviewOrgan: "乙区人民政府", LetterPrefix: "乙教依公"}
	e := &env{t: t, s: s, agency: a.ID}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for _, x := range []*org.Agency{a, b} {
			if err := tx.CreateAgency(ctx, x); err != nil {
				return err
			}
		}
		var err error
		if e.keyA, err = tx.CreateAPIKey(ctx, a.ID, "甲办理", casework.Clerk); err != nil {
			return err
		}
		if e.bossA, err = tx.CreateAPIKey(ctx, a.ID, "甲负责人", casework.Approver); err != nil {
			return err
		}
		e.keyB, err = tx.CreateAPIKey(ctx, b.ID, "乙办理", casework.Clerk)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	e.agency = a.ID
	e.o = ops.New(s, storetest.Clock, workday.Default(), nil)
	e.api = api.New(e.o, slog.New(slog.DiscardHandler))
	e.at("2024-09-12")
	e.srv = httptest.NewServer(e.api.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

// at moves the API's clock to 10:00 Beijing time on a day.
func (e *env) at(day string) {
	d, _ := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", clock.Shanghai())
	e.api.Ops = e.o.At(clock.At(d))
}

func (e *env) do(method, path, key string, body any) (int, map[string]any, string) {
	var rd io.Reader
	if s, ok := body.(string); ok {
		rd = strings.NewReader(s)
	} else if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, rd)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	json.Unmarshal(raw, &m)
	return resp.StatusCode, m, string(raw)
}

func intake(day string) map[string]any {
	return map[string]any{"channel": "online", "confirmed_on": day,
		"applicant": map[string]any{"type": "natural", "name": "王某", "id_type": "身份证", "id_number": "11010519491231002X", "phone": "13812341234", "email": "wang@example.cn"},
		"request":   map[string]any{"description": "2024年本区中小学学区划分方案", "form": "电子", "delivery": "电子邮件"}}
}

func errField(m map[string]any) (string, string, string) {
	e, _ := m["error"].(map[string]any)
	if e == nil {
		return "", "", ""
	}
	f, _ := e["field"].(string)
	return e["code"].(string), f, e["message"].(string)
}

func TestCaseThroughAPI(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		code, m, raw := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		if code != 201 {
			t.Fatalf("create: %d %s", code, raw)
		}
		id := int64(m["id"].(float64))
		dl := m["deadline"].(map[string]any)
		if dl["due"] != "2024-10-16" || m["serial"] != "2024-0001" { // hand count in casework tests
			t.Fatalf("%v %v", dl["due"], m["serial"])
		}
		path := fmt.Sprintf("/api/v1/cases/%d", id)
		e.at("2024-09-20")
		if code, _, raw := e.do("POST", path+"/steps", e.keyA, map[string]any{"kind": "consult", "on": "2024-09-20", "party": "某公司"}); code != 200 {
			t.Fatalf("consult: %s", raw)
		}
		e.at("2024-09-27")
		code, m, raw = e.do("POST", path+"/steps", e.keyA, map[string]any{"kind": "consult_end", "on": "2024-09-27"})
		if code != 200 || m["deadline"].(map[string]any)["due"] != "2024-10-23" {
			t.Fatalf("consult_end: %s", raw)
		}
		why := m["deadline"].(map[string]any)["why"].([]any)
		if len(why) < 3 || !strings.Contains(fmt.Sprint(why), "不计入答复期限") {
			t.Errorf("explanation: %v", why)
		}
		// the applicant's own steps come back in order with their legal basis
		events := m["events"].([]any)
		if len(events) != 3 || events[1].(map[string]any)["basis"] == "" {
			t.Errorf("events %v", events)
		}
		e.at("2024-10-08")
		code, m, raw = e.do("POST", path+"/steps", e.bossA, map[string]any{"kind": "decide", "on": "2024-10-08", "outcome": "partly_disclosed", "grounds": []string{"third_party"}, "note": "涉及个人信息的部分已作区分处理。"})
		if code != 200 || m["state"] != "closed" {
			t.Fatalf("decide: %s", raw)
		}
		code, l, raw := e.do("GET", path+"/letters/4", e.keyA, nil)
		if code != 200 || l["number"] != "甲教依公〔2024〕1号" || !strings.Contains(l["remedy"].(string), "应当先自收到本答复之日起60日内向甲区人民政府申请行政复议") {
			t.Fatalf("letter: %s", raw)
		}
		// the number is kept: printing again does not use up another
		_, l2, _ := e.do("GET", path+"/letters/4?format=json", e.keyA, nil)
		if l2["number"] != "甲教依公〔2024〕1号" {
			t.Errorf("renumbered: %v", l2["number"])
		}
		_, _, txt := e.do("GET", path+"/letters/4?format=text", e.keyA, nil)
		if !strings.Contains(txt, "甲区教育局政府信息公开申请答复书") || !strings.Contains(txt, "（印章）") {
			t.Errorf("text letter:\n%s", txt)
		}
		for _, f := range []string{"docx", "pdf"} {
			code, _, body := e.do("GET", path+"/letters/4?format="+f, e.keyA, nil)
			if code != 200 || (f == "pdf" && !strings.HasPrefix(body, "%PDF-")) || (f == "docx" && !strings.HasPrefix(body, "PK")) {
				t.Errorf("letter as %s: %d %.20q", f, code, body)
			}
		}
		// the 案卷 for an archive system: the record, the numbered letters
		if code, _, body := e.do("GET", path+"/file", e.keyA, nil); code != 200 || !strings.HasPrefix(body, "PK") ||
			!strings.Contains(body, "01 办理记录.pdf") || !strings.Contains(body, "甲教依公〔2024〕1号 政府信息公开申请答复书.pdf") {
			t.Errorf("case file: %d %.40q", code, body)
		}
		if code, _, body := e.do("GET", "/api/v1/reports/2024/applications?format=xlsx", e.keyA, nil); code != 200 || !strings.HasPrefix(body, "PK") {
			t.Errorf("report as xlsx: %d", code)
		}
		// the 办理情况统计 of the year: the one application, answered on time
		code, st, raw := e.do("GET", "/api/v1/stats?year=2024", e.keyA, nil)
		items, _ := st["items"].([]any)
		if code != 200 || len(items) != 1 || st["total"] != nil {
			t.Fatalf("stats: %s", raw)
		}
		if row := items[0].(map[string]any); row["agency"] != "甲区教育局" || row["received"] != 1.0 || row["on_time"] != 1.0 || row["on_time_rate"] != 100.0 || row["mean_days"] == nil {
			t.Errorf("stats row: %v", row)
		}
		// by result and step: the 部分公开 after consulting a third party, and the list of it
		if row := items[0].(map[string]any); fmt.Sprint(row["results"]) != "map[granted:0 not_processed:0 other:0 partly_granted:1 unavailable:0 withheld:0]" ||
			fmt.Sprint(row["steps"]) != "map[consulted:1 correction:0 extended:0]" {
			t.Errorf("stats by result and step: %v %v", row["results"], row["steps"])
		}
		for q, want := range map[string]float64{"result=partly_granted": 1, "result=withheld": 0, "step=extended": 0, "step=consulted": 1} {
			if _, m, raw := e.do("GET", "/api/v1/cases?"+q, e.keyA, nil); m["total"] != want {
				t.Errorf("%s: %s", q, raw)
			}
		}
		if _, m, raw := e.do("GET", "/api/v1/cases?step=consulted", e.keyA, nil); fmt.Sprint(m["items"].([]any)[0].(map[string]any)["steps"]) != "[consulted]" {
			t.Errorf("a listed application's steps: %s", raw)
		}
		for _, q := range []string{"result=refused", "step=paused"} {
			if code, m, _ := e.do("GET", "/api/v1/cases?"+q, e.keyA, nil); code != 422 {
				t.Errorf("%s: %d %v", q, code, m)
			}
		}
		if _, st, raw := e.do("GET", "/api/v1/stats?year=2024", e.keyB, nil); fmt.Sprint(st["items"]) == "" || strings.Contains(raw, "甲区") || !strings.Contains(raw, `"on_time_rate":null`) {
			t.Errorf("another agency's key: %s", raw)
		}
		if code, _, _ := e.do("GET", "/api/v1/stats?year=soon", e.keyA, nil); code != 422 {
			t.Errorf("a year that is no year: %d", code)
		}
		code, list, _ := e.do("GET", "/api/v1/cases?state=closed&limit=10", e.keyA, nil)
		if code != 200 || list["total"].(float64) != 1 || strings.Contains(fmt.Sprint(list), "11010519491231002X") {
			t.Errorf("list: %v", list)
		}
		// the letter by e-mail: refused without a mail server, then sent to the application's address or one given
		if code, m, _ := e.do("POST", path+"/letters/4/mail", e.keyA, nil); code != 409 || !strings.Contains(fmt.Sprint(m), "未设置邮件服务器") {
			t.Errorf("mailed without a mail server: %d %v", code, m)
		}
		smtp, err := mailtest.Start(false)
		if err != nil {
			t.Fatal(err)
		}
		defer smtp.Close()
		mailer, err := mail.Parse("--smtp", "smtp://"+smtp.Addr, "noreply@example.gov.cn")
		if err != nil {
			t.Fatal(err)
		}
		mailer.TLS, e.api.Mailer = smtp.Roots, mailer
		if code, m, raw := e.do("POST", path+"/letters/4/mail", e.keyA, map[string]string{"to": "wang@example.cn"}); code != 200 || m["to"] != "wang@example.cn" || m["number"] != "甲教依公〔2024〕1号" {
			t.Errorf("mailed: %s", raw)
		}
		if code, _, _ := e.do("POST", path+"/letters/4/mail", e.keyB, nil); code != 404 {
			t.Errorf("another agency's key mailed: %d", code)
		}
		if code, m, _ := e.do("POST", path+"/letters/4/mail", e.keyA, map[string]string{"to": "wang@"}); code != 422 || !strings.Contains(fmt.Sprint(m), "to") {
			t.Errorf("a wrong address: %d %v", code, m)
		}
		if got := smtp.Messages(); len(got) != 1 || got[0].To[0] != "wang@example.cn" {
			t.Errorf("received %+v", got)
		}
		// 归档: refused until the agency writes its 档号 form, then the next 档号, listed by the filter
		if code, m, _ := e.do("POST", path+"/archive", e.keyA, nil); code != 409 || !strings.Contains(fmt.Sprint(m), "尚未设定档号格式") {
			t.Errorf("filed without a form: %d %v", code, m)
		}
		ag, _ := s.GetAgency(context.Background(), e.agency)
		ag.ArchivePattern = "J1-{年}-{件号:3}"
		if err := s.InTx(context.Background(), func(tx *store.Tx) error { return tx.UpdateAgency(context.Background(), ag) }); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := e.do("POST", path+"/archive", e.keyB, nil); code != 404 {
			t.Errorf("another agency's key filed: %d", code)
		}
		if code, m, raw := e.do("POST", path+"/archive", e.keyA, nil); code != 200 || m["archive_no"] != "J1-2024-001" || m["archived_on"] == nil {
			t.Errorf("filed: %s", raw)
		}
		if _, m, raw := e.do("GET", "/api/v1/cases?filed=filed", e.keyA, nil); m["total"] != 1.0 || m["items"].([]any)[0].(map[string]any)["archive_no"] != "J1-2024-001" {
			t.Errorf("the filed ones: %s", raw)
		}
		if code, _, _ := e.do("GET", "/api/v1/cases?filed=soon", e.keyA, nil); code != 422 {
			t.Errorf("filed=soon: %d", code)
		}
		code, rep, raw := e.do("GET", "/api/v1/reports/2024/applications", e.keyA, nil)
		apps := rep["applications"].(map[string]any)
		if code != 200 || fmt.Sprint(apps["partly_granted"]) != "[1 0 0 0 0 0 1]" || fmt.Sprint(apps["new"]) != "[1 0 0 0 0 0 1]" ||
			len(rep["findings"].([]any)) != 0 {
			t.Errorf("表三: %s", raw)
		}
		// a step that asks something of the applicant is told them by e-mail
		_, nc, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		npath := fmt.Sprintf("/api/v1/cases/%d", int64(nc["id"].(float64)))
		if code, _, raw := e.do("POST", npath+"/steps", e.keyA, map[string]any{"kind": "request_correction", "on": "2024-09-13", "note": "请写明年份。"}); code != 200 {
			t.Fatalf("补正: %s", raw)
		}
		e.api.Ops.Background()
		// (the receipt, with its 查询码, went when it was registered)
		if got := smtp.Messages(); len(got) != 3 || got[1].To[0] != "wang@example.cn" || got[2].To[0] != "wang@example.cn" {
			t.Errorf("the receipt and the 补正's notice: %+v", got[1:])
		}
		// and the case says so, under the step each told of, the address masked
		_, v, raw := e.do("GET", npath, e.keyA, nil)
		ns, _ := v["notices"].([]any)
		if len(ns) != 2 {
			t.Fatalf("the case's notices: %s", raw)
		}
		if r, n := ns[0].(map[string]any), ns[1].(map[string]any); r["seq"] != 1.0 || r["what"] != "申请回执" || n["seq"] != 2.0 || n["what"] != "发出补正告知" || n["to"] != "w***@example.cn" || n["sent_at"] == nil {
			t.Errorf("the case's notices: %s", raw)
		}
		// its 接收回执, for the agency's own systems; not another agency's
		code, rc, raw := e.do("GET", npath+"/receipt", e.keyA, nil)
		if code != 200 || rc["number"] != "" || !strings.Contains(fmt.Sprint(rc["decision"]), "查询码："+fmt.Sprint(nc["code"])) || !strings.HasSuffix(fmt.Sprint(rc["title"]), "政府信息公开申请接收回执") {
			t.Errorf("the receipt: %d %s", code, raw)
		}
		if code, _, raw := e.do("GET", npath+"/receipt?format=text", e.keyA, nil); code != 200 || !strings.Contains(raw, "20个工作日内予以答复") {
			t.Errorf("the receipt as text: %d %s", code, raw)
		}
		if code, _, _ := e.do("GET", npath+"/receipt", e.keyB, nil); code != 404 {
			t.Errorf("another agency's receipt: %d", code)
		}
	})
}

// A clerk of agency B cannot see or touch agency A's case, by any route.
func TestPermissions(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		_, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		path := fmt.Sprintf("/api/v1/cases/%d", int64(m["id"].(float64)))
		for _, r := range []struct{ method, path string }{{"GET", path}, {"POST", path + "/steps"}, {"GET", path + "/letters/1"}, {"GET", path + "/file"}} {
			code, m, _ := e.do(r.method, r.path, e.keyB, map[string]any{"kind": "withdraw", "on": "2024-09-12"})
			if c, _, _ := errField(m); code != 404 || c != "not_found" {
				t.Errorf("%s %s by B: %d %v", r.method, r.path, code, m)
			}
		}
		if _, list, _ := e.do("GET", "/api/v1/cases", e.keyB, nil); list["total"].(float64) != 0 {
			t.Errorf("B sees A's cases: %v", list)
		}
		for _, key := range []string{"", "gk_nonsense"} {
			if code, m, _ := e.do("GET", "/api/v1/cases", key, nil); code != 401 {
				t.Errorf("key %q: %d %v", key, code, m)
			}
		}
	})
}

// Bad input is refused with the field and the reason, and nothing is written.
func TestRefusals(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		badMail := intake("2024-09-12")
		badMail["applicant"].(map[string]any)["email"] = "no-at-sign"
		cases := []struct {
			name, method, path, key string
			body                    any
			code                    int
			field                   string
		}{
			{"bad e-mail", "POST", "/api/v1/cases", e.keyA, badMail, 422, "applicant.email"},
			{"impossible date", "POST", "/api/v1/cases", e.keyA, strings.Replace(mustJSON(intake("2024-09-12")), "2024-09-12", "2024-02-30", 1), 422, "date"},
			{"unknown field", "POST", "/api/v1/cases", e.keyA, `{"channel":"online","colour":"red"}`, 422, "colour"},
			{"broken json", "POST", "/api/v1/cases", e.keyA, `{"channel":`, 422, "body"},
			// PostgreSQL refuses a NUL: it failed there with 500
			{"NUL in a name", "POST", "/api/v1/cases", e.keyA, strings.Replace(mustJSON(intake("2024-09-12")), "王某", `王\u0000某`, 1), 422, "applicant.name"},
		}
		for _, c := range cases {
			code, m, raw := e.do(c.method, c.path, c.key, c.body)
			if _, field, msg := errField(m); code != c.code || field != c.field || msg == "" {
				t.Errorf("%s: %d %s", c.name, code, raw)
			}
		}
		// what is wrong with the body is said in words, and what follows
		// the object is not dropped silently
		one := mustJSON(intake("2024-09-12"))
		for name, c := range map[string]struct{ body, says string }{
			"empty":           {"", "请求内容为空"},
			"cut off":         {one[:len(one)/2], "JSON 不完整"},
			"two objects":     {one + one, fmt.Sprintf("JSON 对象之后还有其他内容（第 %d 字节起）", len(one)+1)},
			"trailing junk":   {one + "\n}", "JSON 对象之后还有其他内容"},
			"unknown field":   {`{"channel":"online","colour":"red"}`, "没有“colour”这个字段"},
			"a list":          {`[1, 2]`, "请求内容应为对象 {...}"},
			"number for text": {`{"channel":5}`, "“channel”的类型不对：应为文字（加双引号）"},
			"text for object": {`{"channel":"online","applicant":"王某"}`, "“applicant”的类型不对：应为对象 {...}"},
		} {
			code, m, raw := e.do("POST", "/api/v1/cases", e.keyA, c.body)
			if _, _, msg := errField(m); code != 422 || !strings.Contains(msg, c.says) || strings.Contains(msg, "json:") || strings.Contains(msg, "EOF") {
				t.Errorf("%s: %d %s", name, code, raw)
			}
		}

		_, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		path := fmt.Sprintf("/api/v1/cases/%d", int64(m["id"].(float64)))
		e.at("2024-10-17")
		steps := []struct {
			name, key string
			body      map[string]any
			code      int
			field     string
		}{
			{"extension by a clerk", e.keyA, map[string]any{"kind": "extend", "on": "2024-10-15", "note": "x"}, 409, "role"},
			{"extension after the deadline", e.bossA, map[string]any{"kind": "extend", "on": "2024-10-17", "note": "x"}, 409, "on"},
			{"step not allowed now", e.keyA, map[string]any{"kind": "fee_paid", "on": "2024-10-15"}, 409, "kind"},
			{"future date", e.keyA, map[string]any{"kind": "withdraw", "on": "2024-10-18"}, 422, "on"},
			{"unknown outcome", e.bossA, map[string]any{"kind": "decide", "on": "2024-10-15", "outcome": "maybe"}, 422, "outcome"},
		}
		for _, c := range steps {
			code, m, raw := e.do("POST", path+"/steps", c.key, c.body)
			if _, field, _ := errField(m); code != c.code || field != c.field {
				t.Errorf("%s: %d %s", c.name, code, raw)
			}
		}
		_, m, _ = e.do("GET", path, e.keyA, nil)
		if len(m["events"].([]any)) != 1 || m["version"].(float64) != 1 {
			t.Errorf("a refused step was written: %v", m["events"])
		}
		if _, list, _ := e.do("GET", "/api/v1/cases", e.keyA, nil); list["total"].(float64) != 1 {
			t.Errorf("refused intakes were written: %v", list["total"])
		}
		if _, m, _ := e.do("GET", "/api/v1/cases?overdue=true", e.keyA, nil); m["total"].(float64) != 1 {
			t.Errorf("overdue on 2024-10-17 (due 10-16): %v", m["total"])
		}
		e.at("2024-10-16")
		if _, m, _ := e.do("GET", "/api/v1/cases?overdue=true", e.keyA, nil); m["total"].(float64) != 0 {
			t.Errorf("overdue on the due date itself: %v", m["total"])
		}
		if code, m, _ := e.do("GET", "/api/v1/cases?received_from=2024-13-01", e.keyA, nil); code != 422 {
			t.Errorf("bad filter: %d %v", code, m)
		}
		// registered by a key, an application has no 承办人 yet
		for q, want := range map[string]float64{"handler=none&open=true": 1, "handler=1": 0, "open=false": 1, "late=true": 0, "closed_from=2024-01-01": 0, "asked=true": 0} {
			if _, m, raw := e.do("GET", "/api/v1/cases?"+q, e.keyA, nil); m["total"] != want {
				t.Errorf("%s: %s", q, raw)
			}
		}
		for _, q := range []string{"handler=me", "handler=-1", "open=yes", "late=1", "asked=yes", "closed_to=2024-02-30"} {
			if code, m, _ := e.do("GET", "/api/v1/cases?"+q, e.keyA, nil); code != 422 {
				t.Errorf("%s: %d %v", q, code, m)
			}
		}
		// a slide's line break (a vertical tab) is a line break; other
		// control characters are taken out; a PDF's look-alikes of Han
		// characters (⼯ for 工) are the characters they show
		pasted := intake("2024-09-12")
		pasted["request"].(map[string]any)["description"] = "学区\v划分⽅案\u0001"
		if code, m, raw := e.do("POST", "/api/v1/cases", e.keyA, pasted); code != 201 || m["intake"].(map[string]any)["request"].(map[string]any)["description"] != "学区\n划分方案" {
			t.Errorf("pasted control characters: %d %s", code, raw)
		}
		if code, _, raw := e.do("POST", "/api/v1/cases", e.keyA, one+"\n\n"); code != http.StatusCreated {
			t.Errorf("an object and a line break: %d %s", code, raw)
		}
	})
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// A defective application is registered, flagged, and 补正 offered first
// (条例 Art. 30); every problem of an intake that cannot be recorded comes
// back at once, each at its field.
func TestDefectsAndAllProblems(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		bad := intake("2024-09-12")
		bad["applicant"].(map[string]any)["id_number"] = "110105194912310021"
		code, m, raw := e.do("POST", "/api/v1/cases", e.keyA, bad)
		if code != 201 || !strings.Contains(fmt.Sprint(m["defects"]), "applicant.id_number") || m["allowed_steps"].([]any)[0] != "request_correction" {
			t.Fatalf("defective application: %d %s", code, raw)
		}
		worse := intake("2024-09-12")
		worse["applicant"].(map[string]any)["name"] = ""
		worse["applicant"].(map[string]any)["phone"] = "call me"
		worse["request"].(map[string]any)["description"] = ""
		code, m, raw = e.do("POST", "/api/v1/cases", e.keyA, worse)
		fields := fmt.Sprint(m["error"].(map[string]any)["fields"])
		for _, f := range []string{"applicant.name", "applicant.phone", "request.description"} {
			if code != 422 || !strings.Contains(fields, f) {
				t.Errorf("%s not reported: %d %s", f, code, raw)
			}
		}
	})
}

// Every route is in the OpenAPI document and every path in it is served.
func TestOpenAPI(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	code, doc, _ := e.do("GET", "/api/v1/openapi.json", "", nil)
	if code != 200 || doc["openapi"] != "3.0.3" {
		t.Fatalf("%d %v", code, doc["openapi"])
	}
	paths := doc["paths"].(map[string]any)
	want := map[string]bool{"GET /api/v1/cases": true, "POST /api/v1/cases": true, "GET /api/v1/cases/{id}": true,
		"POST /api/v1/cases/{id}/steps": true, "GET /api/v1/cases/{id}/letters/{seq}": true,
		"GET /api/v1/reports/{year}/applications": true, "GET /api/v1/openapi.json": true,
		"GET /api/v1/appeals": true, "POST /api/v1/appeals": true, "POST /api/v1/appeals/{id}/conclusion": true,
		"GET /api/v1/catalog/items": true, "POST /api/v1/catalog/items": true, "GET /api/v1/catalog/items/{id}": true,
		"POST /api/v1/catalog/items/{id}/submit": true, "POST /api/v1/catalog/items/{id}/proof": true, "POST /api/v1/catalog/items/{id}/review": true,
		"POST /api/v1/catalog/items/{id}/publish": true, "GET /api/v1/catalog/search": true, "GET /api/v1/normative": true, "POST /api/v1/normative": true,
		"GET /api/v1/newmedia/accounts": true, "POST /api/v1/newmedia/accounts": true, "POST /api/v1/newmedia/accounts/{id}/posts": true,
		"POST /api/v1/newmedia/accounts/{id}/inspections": true, "GET /api/v1/columns": true, "POST /api/v1/columns": true, "POST /api/v1/columns/{id}/remove": true, "GET /api/v1/columns/sites": true, "GET /api/v1/reports/{year}": true,
		"POST /api/v1/audit": true, "POST /api/v1/cases/{id}/handler": true, "GET /api/v1/cases/{id}/file": true, "GET /api/v1/cases/{id}/receipt": true, "GET /api/v1/stats": true,
		"GET /api/v1/cases/{id}/letters/{seq}/service": true,
		"POST /api/v1/cases/{id}/archive":              true, "POST /api/v1/cases/{id}/letters/{seq}/mail": true,
		"POST /api/v1/cases/{id}/proposal": true, "POST /api/v1/cases/{id}/letters/{seq}/delivery": true, "POST /api/v1/cases/{id}/proposal/decision": true, "POST /api/v1/cases/{id}/proposal/withdraw": true}
	for p, ops := range paths {
		for m := range ops.(map[string]any) {
			k := strings.ToUpper(m) + " " + p
			if !want[k] {
				t.Errorf("documented but not expected: %s", k)
			}
			delete(want, k)
			// and it is served: an unauthenticated call is refused, not 404
			if p != "/api/v1/openapi.json" {
				path := strings.NewReplacer("{id}", "1", "{seq}", "1", "{year}", "2024").Replace(p)
				if code, _, _ := e.do(strings.ToUpper(m), path, "", nil); code != 401 {
					t.Errorf("%s %s: %d", m, path, code)
				}
			}
		}
	}
	for k := range want {
		t.Errorf("not documented: %s", k)
	}
	if code, m, _ := e.do("GET", "/api/v1/nothing", e.keyA, nil); code != 404 || m["error"] == nil {
		t.Errorf("unknown path: %d %v", code, m)
	}
}

// 复议/诉讼 records over the API: scoped to the key's agency, validated by
// field, and counted into 表四.
func TestAppealsAPI(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		_, c, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		caseID := c["id"]
		rec := map[string]any{"case_id": caseID, "kind": "review", "number": "甲政复〔2024〕2号", "body": "甲区人民政府", "filed_on": "2024-11-04"}
		code, m, raw := e.do("POST", "/api/v1/appeals", e.keyA, rec)
		if code != 201 || m["id"] == nil || m["case_serial"] != "2024-0001" {
			t.Fatalf("create: %d %s", code, raw)
		}
		id := fmt.Sprint(m["id"])
		// field errors
		if code, m, _ := e.do("POST", "/api/v1/appeals", e.keyA, map[string]any{"kind": "review", "filed_on": "2024-11-04"}); code != 422 || fieldOf(m) != "body" {
			t.Errorf("missing body: %d %v", code, m)
		}
		if code, m, _ := e.do("POST", "/api/v1/appeals", e.keyB, rec); code != 422 || fieldOf(m) != "case_id" {
			t.Errorf("another agency's case: %d %v", code, m)
		}
		// another agency neither sees nor concludes it
		if _, m, _ := e.do("GET", "/api/v1/appeals", e.keyB, nil); len(m["items"].([]any)) != 0 {
			t.Errorf("agency B sees %v", m["items"])
		}
		if code, _, _ := e.do("POST", "/api/v1/appeals/"+id+"/conclusion", e.keyB, map[string]any{"concluded_on": "2024-12-20", "result": "upheld"}); code != 404 {
			t.Errorf("B concludes A's record: %d", code)
		}
		if code, m, _ := e.do("POST", "/api/v1/appeals/"+id+"/conclusion", e.keyA, map[string]any{"concluded_on": "2024-10-01", "result": "upheld"}); code != 422 || fieldOf(m) != "concluded_on" {
			t.Errorf("conclusion before filing: %d %v", code, m)
		}
		// two clients conclude it with what they read: the second, from before the first's, is refused
		_, l, _ := e.do("GET", "/api/v1/appeals", e.keyA, nil)
		read := l["items"].([]any)[0].(map[string]any)["fingerprint"]
		if read != m["fingerprint"] || read == "" || read == nil {
			t.Fatalf("listed fingerprint %v, created %v: %v / %v", read, m["fingerprint"], l["items"], m)
		}
		if code, m, raw := e.do("POST", "/api/v1/appeals/"+id+"/conclusion", e.keyA, map[string]any{"concluded_on": "2024-12-20", "result": "corrected", "fingerprint": read}); code != 200 || m["result"] != "corrected" || m["fingerprint"] == read {
			t.Errorf("conclude: %d %s", code, raw)
		}
		if code, m, raw := e.do("POST", "/api/v1/appeals/"+id+"/conclusion", e.keyA, map[string]any{"concluded_on": "2024-12-21", "result": "upheld", "fingerprint": read}); code != http.StatusConflict ||
			!strings.Contains(fmt.Sprint(m["error"]), "2024-12-20 → 2024-12-21") {
			t.Errorf("a conclusion over another's: %d %s", code, raw)
		}
		_, m, _ = e.do("GET", "/api/v1/appeals", e.keyA, nil)
		if items := m["items"].([]any); len(items) != 1 || items[0].(map[string]any)["concluded_on"] != "2024-12-20" {
			t.Errorf("list: %v", m)
		}
		t4, ok, err := s.AppealTable(context.Background(), e.agency, 2024, "filed")
		if err != nil || !ok {
			t.Fatal(err)
		}
		if n, _ := t4[0][1].Int(); n != 1 {
			t.Errorf("表四 复议 结果纠正 = %d, want 1", n)
		}
	})
}

func fieldOf(m map[string]any) string {
	_, f, _ := errField(m)
	return f
}

// The input schemas document every field the Go types decode, and nothing
// else: a field added to casework without its schema fails here.
func TestOpenAPIMatchesTypes(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	_, doc, _ := e.do("GET", "/api/v1/openapi.json", "", nil)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name, typ := range map[string]reflect.Type{
		"Step": reflect.TypeFor[casework.Step](), "Request": reflect.TypeFor[casework.Request](),
		"Applicant": reflect.TypeFor[casework.Applicant](), "Intake": reflect.TypeFor[casework.Intake](),
		"ItemInput": reflect.TypeFor[api.ItemInput](), "Item": reflect.TypeFor[catalog.Item](), "ProofInput": reflect.TypeFor[api.ProofInput](),
		"ReviewInput": reflect.TypeFor[api.ReviewInput](), "Document": reflect.TypeFor[api.DocumentJSON](), "Account": reflect.TypeFor[api.AccountJSON](),
		"Inspection": reflect.TypeFor[newmedia.Inspection](), "Column": reflect.TypeFor[api.ColumnJSON](), "PostsInput": reflect.TypeFor[api.PostsInput](),
		"ItemView": reflect.TypeFor[api.ItemJSON](), "AuditFile": reflect.TypeFor[api.AuditFile](), "AuditFinding": reflect.TypeFor[api.AuditFinding](),
		"HandlerInput": reflect.TypeFor[api.HandlerInput](), "StatsRow": reflect.TypeFor[api.StatsRow](), "StatsResult": reflect.TypeFor[api.StatsResult](),
	} {
		props := schemas[name].(map[string]any)["properties"].(map[string]any)
		for _, f := range jsonFields(typ) {
			if _, ok := props[f]; !ok {
				t.Errorf("%s: field %q is not in the OpenAPI schema", name, f)
			}
			delete(props, f)
		}
		for k := range props {
			t.Errorf("%s: the schema documents %q, which the type does not have", name, k)
		}
	}
}

// jsonFields are the JSON names of a struct's fields, embedded structs flattened.
func jsonFields(typ reflect.Type) []string {
	var out []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && tag == "" {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if tag == "" || tag == "-" {
			continue
		}
		out = append(out, tag)
	}
	return out
}

// The catalog through the API: an agency's keys draft, proof-read and
// review; one key is one person, so it cannot give two reviews; the other
// agency's key sees nothing; accounts, documents and the report answer.
func TestCatalogAPI(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		code, v, raw := e.do("POST", "/api/v1/catalog/items", e.keyA, map[string]any{"title": "甲区学区划分范围", "summary": "公布学区划分。",
			"formed_on": "2024-09-10", "checklist": []string{"secret", "work_secret", "privacy", "commercial", "attribute"}, "body": "正文"})
		if code != 201 {
			t.Fatalf("create: %d %s", code, raw)
		}
		item := v["item"].(map[string]any)
		id := fmt.Sprint(item["id"])
		if !strings.HasSuffix(item["index_no"].(string), "/2024-00001") || v["due"] != "2024-10-14" {
			t.Errorf("index %v due %v", item["index_no"], v["due"])
		}
		if code, _, raw := e.do("POST", "/api/v1/catalog/items", e.keyA, `{"title":"x","oops":1}`); code != 422 || !strings.Contains(raw, "oops") {
			t.Errorf("unknown field: %d %s", code, raw)
		}
		if code, _, _ := e.do("GET", "/api/v1/catalog/items/"+id, e.keyB, nil); code != 404 {
			t.Errorf("another agency's key read the item: %d", code)
		}
		for _, step := range []struct {
			path, key string
			body      any
			code      int
			want      string
		}{
			{"submit", e.keyA, map[string]any{}, 200, `"next":"一校"`},
			{"proof", e.keyA, map[string]any{"note": "未发现问题"}, 200, `"next":"初审"`},
			{"review", e.keyA, map[string]any{"decision": "pass"}, 409, "起草人"},
			{"review", e.bossA, map[string]any{"decision": "pass"}, 200, `"next":"二校"`},
			{"proof", e.keyA, map[string]any{"note": "未发现问题"}, 200, `"next":"复审"`},
			{"review", e.bossA, map[string]any{"decision": "pass"}, 409, "同一人不能审核两次"},
			{"review", e.bossA, map[string]any{"decision": "maybe"}, 422, "decision"},
		} {
			code, _, raw := e.do("POST", "/api/v1/catalog/items/"+id+"/"+step.path, step.key, step.body)
			if code != step.code || !strings.Contains(raw, step.want) {
				t.Errorf("%s: %d %s, want %d %s", step.path, code, raw, step.code, step.want)
			}
		}
		if code, v, _ := e.do("GET", "/api/v1/catalog/items?state=review", e.keyA, nil); code != 200 || v["total"].(float64) != 1 {
			t.Errorf("list in review: %d %v", code, v)
		}
		if code, _, raw := e.do("POST", "/api/v1/normative", e.keyA, map[string]any{"kind": "normative", "title": "甲办法", "doc_no": "甲教〔2024〕1号", "issued_on": "2024-03-01"}); code != 201 {
			t.Errorf("normative: %d %s", code, raw)
		}
		code, v, raw = e.do("POST", "/api/v1/newmedia/accounts", e.keyA, map[string]any{"platform": "wechat", "name": "甲区教育", "sponsor": "甲区教育局", "own": true})
		if code != 201 {
			t.Fatalf("account: %d %s", code, raw)
		}
		acct := fmt.Sprint(v["id"])
		code, v, raw = e.do("POST", "/api/v1/newmedia/accounts/"+acct+"/posts", e.keyA, map[string]any{"posts": []map[string]any{{"month": "2024-08", "count": 12}}, "last_post_on": "2024-08-20"})
		if code != 200 || v["stale"] != true || v["days_since_post"].(float64) != 23 {
			t.Errorf("posts: %d %s", code, raw)
		}
		if code, _, raw := e.do("POST", "/api/v1/newmedia/accounts/"+acct+"/posts", e.keyB, map[string]any{"posts": []map[string]any{{"month": "2024-08", "count": 1}}}); code != 404 {
			t.Errorf("another agency's key counted posts: %d %s", code, raw)
		}
		if code, _, raw := e.do("POST", "/api/v1/newmedia/accounts/"+acct+"/inspections", e.keyA, map[string]any{"kind": "daily", "on": "2024-09-12", "problems": []string{"stale"}}); code != 422 || !strings.Contains(raw, `"field":"note"`) {
			t.Errorf("inspection without a note: %d %s", code, raw)
		}
		code, v, raw = e.do("GET", "/api/v1/reports/2024", e.keyA, nil)
		if code != 200 || v["saved"] != false || !strings.Contains(raw, "本年制发规章 0 件、行政规范性文件 1 件") {
			t.Errorf("report: %d %s", code, raw)
		}
	})
}

// A clerk's key proposes what only the head may take; the head's key
// approves it; the case shows the proposal; another agency's key is not
// told the case exists; the list filters what waits.
func TestProposalThroughAPI(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	_, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
	id := int64(m["id"].(float64))
	ext := map[string]any{"step": map[string]any{"kind": "extend", "on": "2024-09-12", "note": "需要汇总多校数据"}, "note": "请同意延期"}
	if code, _, _ := e.do("POST", fmt.Sprintf("/api/v1/cases/%d/proposal", id), e.keyB, ext); code != 404 {
		t.Errorf("another agency's key: %d", code)
	}
	code, m, raw := e.do("POST", fmt.Sprintf("/api/v1/cases/%d/proposal", id), e.keyA, ext)
	if ps, _ := m["proposals"].([]any); code != 200 || len(ps) != 1 || ps[0].(map[string]any)["state"] != "pending" || ps[0].(map[string]any)["note"] != "请同意延期" {
		t.Fatalf("propose: %d %s", code, raw)
	}
	if _, m, _ := e.do("GET", "/api/v1/cases?proposed=true", e.keyA, nil); m["total"] != float64(1) || m["items"].([]any)[0].(map[string]any)["proposed"] != true {
		t.Errorf("list of waiting proposals: %v", m)
	}
	if code, _, _ := e.do("POST", fmt.Sprintf("/api/v1/cases/%d/proposal/decision", id), e.keyA, map[string]any{"approve": true}); code != 403 {
		t.Errorf("a clerk's key approved: %d", code)
	}
	code, m, raw = e.do("POST", fmt.Sprintf("/api/v1/cases/%d/proposal/decision", id), e.bossA, map[string]any{"approve": true})
	evs, _ := m["events"].([]any)
	if code != 200 || len(evs) != 2 || evs[1].(map[string]any)["step"].(map[string]any)["kind"] != "extend" {
		t.Fatalf("approve: %d %s", code, raw)
	}
	if _, m, _ := e.do("GET", "/api/v1/cases?proposed=true", e.keyA, nil); m["total"] != float64(0) {
		t.Errorf("still listed: %v", m["total"])
	}
}

// A letter's 送达 through the API: refused before the letter is issued,
// recorded after, its receipt added by its id.
func TestDeliveryThroughAPI(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	_, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
	id := int64(m["id"].(float64))
	if code, _, raw := e.do("POST", fmt.Sprintf("/api/v1/cases/%d/steps", id), e.keyA, map[string]any{"kind": "decide", "on": "2024-09-12", "outcome": "disclosed"}); code != 200 {
		t.Fatalf("decide: %d %s", code, raw)
	}
	post := map[string]any{"method": "邮寄送达", "sent_on": "2024-09-12", "tracking": "1181234567890"}
	path := fmt.Sprintf("/api/v1/cases/%d/letters/2/delivery", id)
	if code, m, _ := e.do("POST", path, e.keyA, post); code != 409 {
		t.Errorf("before the letter is issued: %d %v", code, m)
	}
	e.do("GET", fmt.Sprintf("/api/v1/cases/%d/letters/2", id), e.keyA, nil)
	code, m, raw := e.do("POST", path, e.keyA, post)
	ds, _ := m["deliveries"].([]any)
	if code != 200 || len(ds) != 1 || ds[0].(map[string]any)["tracking"] != "1181234567890" {
		t.Fatalf("deliver: %d %s", code, raw)
	}
	did := ds[0].(map[string]any)["id"]
	if code, m, raw = e.do("POST", path, e.keyA, map[string]any{"id": did, "received_on": "2024-09-12"}); code != 200 || m["deliveries"].([]any)[0].(map[string]any)["received_on"] != "2024-09-12" {
		t.Errorf("receipt: %d %s", code, raw)
	}
	if code, _, _ := e.do("POST", path, e.keyB, post); code != 404 {
		t.Errorf("another agency's key: %d", code)
	}
	// the 送达回证 to print with it: the recorded delivery filled in
	service := fmt.Sprintf("/api/v1/cases/%d/letters/2/service", id)
	if code, m, raw := e.do("GET", service, e.keyA, nil); code != 200 || m["method"] != "邮寄送达（邮件号 1181234567890）" || m["document"] != "政府信息公开申请答复书" ||
		!strings.Contains(fmt.Sprint(m["number"]), "号") {
		t.Errorf("送达回证: %d %s", code, raw)
	}
	if code, _, _ := e.do("GET", service+"?format=pdf", e.keyA, nil); code != 200 {
		t.Errorf("送达回证 as PDF: %d", code)
	}
	if code, _, _ := e.do("GET", service, e.keyB, nil); code != 404 {
		t.Errorf("another agency's key: %d", code)
	}
}

// Website columns over the API: each column says whether it is blank, the
// sites endpoint counts them against the census's veto items, and a column
// is removed only by its agency's key and only when confirmed.
func TestColumnsAPI(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		var ids []float64
		for i := range 5 {
			code, m, raw := e.do("POST", "/api/v1/columns", e.keyA, map[string]any{"name": fmt.Sprintf("专题%d", i), "kind": "notice"})
			if code != http.StatusCreated {
				t.Fatalf("column %d: %d %s", i, code, raw)
			}
			ids = append(ids, m["id"].(float64))
		}
		_, m, _ := e.do("GET", "/api/v1/columns", e.keyA, nil)
		if items := m["items"].([]any); len(items) != 5 || items[0].(map[string]any)["blank"] != true {
			t.Fatalf("columns: %v", m)
		}
		_, m, raw := e.do("GET", "/api/v1/columns/sites", e.keyA, nil)
		site := m["items"].([]any)[0].(map[string]any)
		if site["agency"] != "甲区教育局" || site["blank"] != float64(5) || site["veto_count"] != float64(5) || fmt.Sprint(site["vetoes"]) != "[空白栏目 5 个，达到 5 个]" {
			t.Errorf("sites: %s", raw)
		}
		one := fmt.Sprintf("/api/v1/columns/%d/remove", int64(ids[0]))
		if code, _, _ := e.do("POST", one, e.keyB, map[string]any{"confirm": true}); code != http.StatusNotFound {
			t.Errorf("another agency's key: %d", code)
		}
		if code, m, _ := e.do("POST", one, e.keyA, map[string]any{}); code != http.StatusUnprocessableEntity {
			t.Errorf("unconfirmed: %d %v", code, m)
		}
		if code, m, raw := e.do("POST", one, e.keyA, map[string]any{"confirm": true}); code != http.StatusOK || m["name"] != "专题0" {
			t.Errorf("removed: %d %s", code, raw)
		}
		_, m, raw = e.do("GET", "/api/v1/columns/sites", e.keyA, nil)
		if site := m["items"].([]any)[0].(map[string]any); site["blank"] != float64(4) || len(site["vetoes"].([]any)) != 0 {
			t.Errorf("sites after the removal: %s", raw)
		}
	})
}

// Every documented call answers a body that is wrong — empty, not an
// object, cut short, of the wrong types, of numbers no column holds — with
// an error a person can read (Chinese, naming no Go type), never a server
// error.
func TestEveryCallAnswersWrongBodies(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	code, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
	if code != http.StatusCreated {
		t.Fatalf("a case: %d %v", code, m)
	}
	id := fmt.Sprint(m["id"])
	_, doc, _ := e.do("GET", "/api/v1/openapi.json", "", nil)
	bodies := []string{"", "[]", `{"x":`, `{"id":"x","name":1,"kind":[],"on":true,"year":"x","confirm":"yes"}`,
		`{"id":-99999999999999999999,"seq":1e300,"year":99999,"on":"2026-02-30","received_on":"2026-02-30"}`, `"` + strings.Repeat("长", 1000) + `"`}
	calls := 0
	for p, ops := range doc["paths"].(map[string]any) {
		path := strings.NewReplacer("{id}", id, "{seq}", "1", "{year}", "2024").Replace(p)
		for m := range ops.(map[string]any) {
			method := strings.ToUpper(m)
			if method == "GET" {
				for _, q := range []string{"?limit=-1&offset=x&year=x&state=x", "?limit=99999999999999999999&format=x"} {
					calls++
					if code, _, raw := e.do(method, path+q, e.keyA, nil); code >= 500 || strings.Contains(raw, "json:") {
						t.Errorf("%s %s%s: %d %.200s", method, p, q, code, raw)
					}
				}
				continue
			}
			for _, b := range bodies {
				calls++
				code, out, raw := e.do(method, path, e.keyA, b)
				if code >= 500 {
					t.Errorf("%s %s with %.40q: %d %.200s", method, p, b, code, raw)
					continue
				}
				if code >= 400 {
					_, _, msg := errField(out)
					if msg == "" || strings.Contains(msg, "json:") || strings.Contains(msg, "Go value") || strings.Contains(msg, "unmarshal") ||
						strings.Contains(msg, "invalid character") || !hasHan(msg) {
						t.Errorf("%s %s with %.40q: %d says %q", method, p, b, code, msg)
					}
				}
			}
		}
	}
	if calls < 60 {
		t.Errorf("only %d calls", calls)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// A document, an account or a column read through the API carries its
// fingerprint. A change sent back with it is saved; a change sent with a
// fingerprint from before someone else's change is refused (409) and names
// what differs; a change sent without one is saved over what is there.
func TestAPIEditsSavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		for _, c := range []struct {
			name, create, list string
			body               map[string]any
			field, first, then string
		}{
			{"document", "/api/v1/normative", "/api/v1/normative",
				map[string]any{"kind": "normative", "title": "甲区招生办法", "doc_no": "甲教〔2024〕1号", "issued_on": "2024-03-01"}, "title", "甲区义务教育招生办法", "甲区招生入学办法"},
			{"account", "/api/v1/newmedia/accounts", "/api/v1/newmedia/accounts",
				map[string]any{"platform": "wechat", "name": "甲区教育", "sponsor": "甲区教育局"}, "name", "甲区教育发布", "甲区教育微讯"},
			{"column", "/api/v1/columns", "/api/v1/columns", map[string]any{"name": "通知公告", "kind": "notice"}, "name", "公告公示", "通知与公告"},
		} {
			t.Run(c.name, func(t *testing.T) {
				code, made, raw := e.do("POST", c.create, e.keyA, c.body)
				if code != http.StatusCreated || made["fingerprint"] == "" || made["fingerprint"] == nil {
					t.Fatalf("create: %d %s", code, raw)
				}
				_, m, _ := e.do("GET", c.list, e.keyA, nil)
				var read map[string]any
				for _, it := range m["items"].([]any) {
					if it := it.(map[string]any); it["id"] == made["id"] {
						read = it
					}
				}
				if read == nil || read["fingerprint"] != made["fingerprint"] {
					t.Fatalf("listed: %v, created %v", read, made)
				}
				stale := read["fingerprint"]
				// one client changes it with what it read
				first := maps.Clone(c.body)
				first["id"], first["fingerprint"], first[c.field] = made["id"], stale, c.first
				if code, m, raw := e.do("POST", c.create, e.keyA, first); code != http.StatusOK || m[c.field] != c.first || m["fingerprint"] == stale {
					t.Fatalf("first change: %d %s", code, raw)
				}
				// the other, with what it read before that change
				then := maps.Clone(first)
				then[c.field] = c.then
				code, m, raw = e.do("POST", c.create, e.keyA, then)
				msg := fmt.Sprint(m["error"])
				if code != http.StatusConflict || !strings.Contains(msg, c.first) || !strings.Contains(msg, c.then) {
					t.Fatalf("a change over another's: %d %s", code, raw)
				}
				_, m, _ = e.do("GET", c.list, e.keyA, nil)
				for _, it := range m["items"].([]any) {
					if it := it.(map[string]any); it["id"] == made["id"] && it[c.field] != c.first {
						t.Errorf("the refused change was saved: %v", it)
					}
				}
				// without a fingerprint: saved as sent
				delete(then, "fingerprint")
				if code, m, raw := e.do("POST", c.create, e.keyA, then); code != http.StatusOK || m[c.field] != c.then {
					t.Fatalf("a change without a fingerprint: %d %s", code, raw)
				}
			})
		}
	})
}
