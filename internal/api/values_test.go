package api_test

import (
	"fmt"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// Numbers no record has (past int32 and int64, negative, 1e300) and dates
// at the calendar's ends in request bodies: every call answers without a
// server error, on both databases (0000-01-01 had failed on PostgreSQL
// with 500, which has no year 0).
func TestOutlandishValuesInBodies(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		_, m, _ := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
		cid := int64(m["id"].(float64))
		_, acc, raw := e.do("POST", "/api/v1/newmedia/accounts", e.keyA, map[string]any{"name": "甲区教育", "platform": "wechat", "sponsor": "甲区教育局"})
		if acc["id"] == nil {
			t.Fatalf("account: %s", raw)
		}
		aid := int64(acc["id"].(float64))
		for _, n := range []any{9999999999, 2147483648, -1, 1e300, 9223372036854775807} {
			for _, c := range []struct {
				p    string
				body any
			}{
				{fmt.Sprintf("/api/v1/cases/%d/steps", cid), map[string]any{"kind": "merge", "on": "2024-09-13", "into": n}},
				{fmt.Sprintf("/api/v1/cases/%d/steps", cid), map[string]any{"kind": "fee_notice", "on": "2024-09-13", "pages": n}},
				{fmt.Sprintf("/api/v1/cases/%d/steps", cid), map[string]any{"kind": "undo", "on": "2024-09-13", "undoes": n}},
				{fmt.Sprintf("/api/v1/cases/%d/steps", cid), map[string]any{"kind": "transfer", "on": "2024-09-13", "to": n}},
				{"/api/v1/appeals", map[string]any{"kind": "review", "case_id": n, "filed_on": "2024-09-20", "body": "甲区人民政府", "applicant": "王某"}},
				{fmt.Sprintf("/api/v1/newmedia/accounts/%d/posts", aid), map[string]any{"posts": []any{map[string]any{"month": "2024-03", "count": n}}}},
				{"/api/v1/catalog/items/1/submit", map[string]any{"version": n}},
				{"/api/v1/normative", map[string]any{"id": n, "title": "关于某某的通知", "kind": "normative", "doc_no": "甲教〔2024〕1号", "issued_on": "2024-01-02"}},
				{"/api/v1/columns", map[string]any{"id": n, "name": "通知公告"}},
				{"/api/v1/newmedia/accounts", map[string]any{"id": n, "name": "甲区教育", "platform": "wechat"}},
			} {
				if code, _, raw := e.do("POST", c.p, e.keyA, c.body); code >= 500 {
					t.Errorf("%s %v: %d %s", c.p, n, code, raw)
				}
			}
		}
		for _, d := range []string{"0001-01-01", "9999-12-31", "1900-02-28", "0000-01-01"} {
			for _, c := range []struct {
				p    string
				body any
			}{
				{"/api/v1/cases", map[string]any{"channel": "online", "confirmed_on": d, "applicant": map[string]any{"type": "natural", "name": "王某", "id_type": "身份证", "id_number": "11010519491231002X", "phone": "13812341234"}, "request": map[string]any{"description": "x", "form": "电子", "delivery": "电子邮件"}}},
				{"/api/v1/appeals", map[string]any{"kind": "review", "filed_on": d, "body": "甲区人民政府", "applicant": "王某"}},
				{"/api/v1/normative", map[string]any{"title": "关于某某的通知", "kind": "normative", "doc_no": "甲教〔2024〕2号", "issued_on": d}},
				{fmt.Sprintf("/api/v1/newmedia/accounts/%d/inspections", aid), map[string]any{"kind": "daily", "on": d}},
				{fmt.Sprintf("/api/v1/newmedia/accounts/%d/posts", aid), map[string]any{"last_post_on": d}},
			} {
				if code, _, raw := e.do("POST", c.p, e.keyA, c.body); code >= 500 || (d == "0000-01-01" && code != 422) {
					t.Errorf("%s %v: %d %s", c.p, d, code, raw)
				}
			}
		}
	})
}
