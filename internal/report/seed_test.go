package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

const (
	seedPath    = "../../testdata/seed/weibin-2024.txt"
	examplePath = "../../examples/weibin-2024.yaml"
)

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func audit(t testing.TB, name string, data []byte) *report.Report {
	t.Helper()
	r, err := report.Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	report.Check(r, nil)
	return r
}

func rules(fs []report.Finding, sev ...report.Severity) []string {
	var out []string
	for _, f := range fs {
		for _, s := range sev {
			if f.Severity == s {
				out = append(out, f.Rule)
			}
		}
	}
	return out
}

// The acceptance of the report engine issue, on the real seed.
func TestSeedAudit(t *testing.T) {
	r := audit(t, "seed", readFile(t, seedPath))
	if r.Agency != "卫滨区教育体育和文化旅游局" || r.Year != 2024 || r.Format != report.Format2021 {
		t.Fatalf("agency %q year %d format %s", r.Agency, r.Year, r.Format)
	}
	cells := 0
	for _, row := range r.Format.T3Rows() {
		for _, c := range r.Applications[row.Key] {
			if v, ok := c.Int(); !ok || v != 0 {
				t.Errorf("表三 %s = %v, want 0", row.Key, c)
			}
			cells++
		}
	}
	if cells != 175 {
		t.Errorf("表三 has %d cells, want 175", cells)
	}
	for _, it := range r.Format.T2Items() {
		for i, c := range it.Cells {
			p := it.Key + "." + c
			if len(it.Money) > i && it.Money[i] {
				if s, ok := r.Proactive.Amount(p).Text(); !ok || s != "0" {
					t.Errorf("表二 %s = %q", p, s)
				}
			} else if v, ok := r.Proactive.Cell(p).Int(); !ok || v != 0 {
				t.Errorf("表二 %s = %v", p, r.Proactive.Cell(p))
			}
		}
	}
	for b := range r.Appeals {
		for j, c := range r.Appeals[b] {
			if v, ok := c.Int(); !ok || v != 0 {
				t.Errorf("表四 %d/%d = %v", b, j, c)
			}
		}
	}
	if errs := rules(r.Findings, report.SevError); len(errs) != 0 {
		t.Errorf("errors: %v", r.Findings)
	}
	if w := rules(r.Findings, report.SevWarning); !cmp.Equal(w, []string{"TXT.LATIN", "TXT.LATIN"}) {
		t.Errorf("warnings = %v, want two TXT.LATIN", w)
	}
	for _, k := range []string{"1", "5", "6"} {
		if strings.TrimSpace(r.Sections[k]) == "" {
			t.Errorf("section %s empty", k)
		}
	}
	if !strings.Contains(r.Sections["6"], "不存在信息公开收费情况") {
		t.Errorf("section 6 = %q", r.Sections["6"])
	}
}

// tableRow is a table row reduced to what must match: label words and numbers.
type tableRow struct {
	Label string
	Nums  []string
}

var numField = regexp.MustCompile(`^\d+(\.\d+)?$`)

// tableRows extracts the rows of 表二/三/四 from a tab-separated text: a row
// is a line with numbers; its label is its text, letters and digits only.
func tableRows(text string) []tableRow {
	var out []tableRow
	in := false
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "二、主动公开"):
			in = true
			continue
		case strings.HasPrefix(t, "五、存在的主要问题"):
			in = false
		}
		if !in || !strings.Contains(line, "\t") {
			continue
		}
		var row tableRow
		var label strings.Builder
		for _, f := range strings.Split(line, "\t") {
			f = strings.TrimSpace(f)
			if numField.MatchString(f) {
				row.Nums = append(row.Nums, f)
			} else {
				for _, r := range f {
					if unicode.IsLetter(r) || unicode.IsDigit(r) {
						label.WriteRune(r)
					}
				}
			}
		}
		row.Label = label.String()
		if len(row.Nums) > 0 {
			out = append(out, row)
		}
	}
	return out
}

// Golden: the seed authored as YAML renders tables 二/三/四 whose labels and
// numbers match the seed's, row by row (punctuation width and spacing aside).
func TestSeedRenderGolden(t *testing.T) {
	r, err := report.Load(examplePath, readFile(t, examplePath))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.Text(&b, r); err != nil {
		t.Fatal(err)
	}
	want := tableRows(string(readFile(t, seedPath)))
	got := tableRows(b.String())
	if len(want) != 25+6+1 {
		t.Fatalf("seed has %d table rows, want 32", len(want))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rendered tables differ from the seed (-seed +rendered):\n%s", d)
	}
	// The narrative and the title are the seed's, word for word.
	seed := string(readFile(t, seedPath))
	for _, k := range []string{"1", "5", "6"} {
		for _, para := range strings.Split(r.Sections[k], "\n") {
			if para = strings.TrimSpace(para); para != "" && !strings.Contains(seed, para) {
				t.Errorf("section %s paragraph not in seed: %q", k, para)
			}
			if para != "" && !strings.Contains(b.String(), para) {
				t.Errorf("section %s paragraph not rendered: %q", k, para)
			}
		}
	}
	if !strings.HasPrefix(b.String(), "卫滨区教育体育和文化旅游局 2024 年政府信息公开 工作年度报告\n") {
		t.Errorf("title line: %q", strings.SplitN(b.String(), "\n", 2)[0])
	}
}

// The JSON the auditor prints loads back and renders tables equal to the seed's.
func TestSeedJSONRoundTrip(t *testing.T) {
	r := audit(t, "seed", readFile(t, seedPath))
	j, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := report.Load("seed.json", j)
	if err != nil {
		t.Fatalf("Load(json): %v\n%s", err, j)
	}
	var b bytes.Buffer
	render.Text(&b, back)
	if d := cmp.Diff(tableRows(string(readFile(t, seedPath))), tableRows(b.String())); d != "" {
		t.Errorf("round trip differs (-seed +json):\n%s", d)
	}
	j2, _ := json.Marshal(back)
	var m1, m2 map[string]any
	json.Unmarshal(j, &m1)
	json.Unmarshal(j2, &m2)
	delete(m1, "findings")
	delete(m2, "findings")
	if d := cmp.Diff(m1, m2); d != "" {
		t.Errorf("model changed on reload:\n%s", d)
	}
}

// The JSON model has the field names and shape of report-model.md §1.
func TestJSONShape(t *testing.T) {
	r := audit(t, "seed", readFile(t, seedPath))
	j, _ := json.Marshal(r)
	var m map[string]any
	if err := json.Unmarshal(j, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"agency", "year", "format", "sections", "proactive", "applications", "appeals", "findings"} {
		if _, ok := m[k]; !ok {
			t.Errorf("missing key %s", k)
		}
	}
	a := m["applications"].(map[string]any)
	if got := a["columns"]; !cmp.Equal(got, []any{"natural", "business", "research", "public_interest", "legal_service", "other", "total"}) {
		t.Errorf("columns = %v", got)
	}
	for _, k := range []string{"new", "carried_in", "granted", "partly_granted", "withheld", "unavailable", "not_processed", "other", "total", "carried_forward"} {
		if _, ok := a[k]; !ok {
			t.Errorf("applications lacks %s", k)
		}
	}
	if _, ok := a["other"].(map[string]any)["no_fee_paid"]; !ok {
		t.Error("2021 other lacks no_fee_paid")
	}
	if fee := m["proactive"].(map[string]any)["fees"].(map[string]any)["amount_wan_yuan"]; fee != "0" {
		t.Errorf("fee = %#v, want decimal string", fee)
	}
	// blank is null, not 0
	r.Applications["new"] = report.Row{}
	j, _ = json.Marshal(r)
	if !bytes.Contains(j, []byte(`"new":[null,null,null,null,null,null,null]`)) {
		t.Errorf("blank row not null: %s", j)
	}
}

func TestExamplesCheckClean(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		r, err := report.Load(f, readFile(t, f))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		report.Check(r, nil)
		if e := rules(r.Findings, report.SevError); len(e) > 0 {
			t.Errorf("%s: %v", f, r.Findings)
		}
	}
}

func renderText(t testing.TB, w *strings.Builder, r *report.Report) {
	t.Helper()
	if err := render.Text(w, r); err != nil {
		t.Fatal(err)
	}
}
