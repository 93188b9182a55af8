package settings

import (
	"strings"
	"testing"
)

func TestRoundTripAndDiff(t *testing.T) {
	s := Default()
	if err := s.Set("correction_period", "10"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("review_first", "state_secret,third_party"); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(s.JSON())
	if err != nil || back.Case.CorrectionPeriod != 10 || len(back.Case.ReviewFirst) != 2 {
		t.Fatalf("%+v %v", back, err)
	}
	d := Diff(Default(), back)
	if !strings.Contains(d, "补正期限（工作日）：15 → 10") || !strings.Contains(d, "保护第三方合法权益") {
		t.Errorf("diff: %s", d)
	}
	for k, v := range map[string]string{"correction_period": "0", "payment_days": "x", "review_first": "withdrawn", "unit_of_count": "page", "nosuch": "1"} {
		c := Default()
		if err := c.Set(k, v); err == nil {
			t.Errorf("%s=%s accepted", k, v)
		}
	}
	// a document saved by an older version gets the defaults of what it lacks
	old, err := Parse(`{"case":{"reply_days":20,"extension_days":20,"correction_notice":7,"correction_period":12,"consult_days":15,"payment_days":20}}`)
	if err != nil || old.Case.CorrectionPeriod != 12 || old.NewMediaStaleDays != 14 {
		t.Errorf("old document: %+v %v", old, err)
	}
}
