package ops

import (
	"context"
	"errors"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/auditor"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/storetest"
)

// Report checks take every core: two run at once, a third waits its turn
// (and gives up with its request); a check needs a signed-in user and a file.
func TestCheckReportsTurnsAndRefusals(t *testing.T) {
	s := New(storetest.SQLite(t), clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)), nil, nil)
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	user := Principal{UserID: 1, AgencyID: 1, Name: "钱处长"}
	ups := []auditor.Upload{{Name: `D:\年报\weibin.txt`, Data: seed}}
	outs, sum, err := s.CheckReports(context.Background(), user, uploads(ups...))
	if err != nil || sum.Files != 1 || outs[0].Name != "weibin.txt" || outs[0].Report.Agency != "卫滨区教育体育和文化旅游局" {
		t.Fatalf("%v %+v %+v", err, sum, outs)
	}
	for range maxChecks {
		s.checks <- struct{}{}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	var loaded atomic.Bool // the files of a waiting check are not read yet
	go func() {
		_, _, err := s.CheckReports(ctx, user, func() ([]auditor.Upload, error) { loaded.Store(true); return ups, nil })
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("a third check ran while two held their turns: %v", err)
	case <-time.After(50 * time.Millisecond): // waiting, as it should
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) || loaded.Load() {
		t.Errorf("the waiting check, its request gone: %v (its files read: %v)", err, loaded.Load())
	}
	<-s.checks
	if _, _, err := s.CheckReports(context.Background(), user, uploads(ups...)); err != nil {
		t.Errorf("with a turn free: %v", err)
	}

	if _, _, err := s.CheckReports(context.Background(), Principal{AgencyID: 1, Via: "public"}, uploads(ups...)); errs.KindOf(err) != errs.Forbidden {
		t.Errorf("the public: %v", err)
	}
	if _, _, err := s.CheckReports(context.Background(), user, uploads(auditor.Upload{})); errs.KindOf(err) != errs.Invalid {
		t.Errorf("an empty file box: %v", err)
	}
}

// uploads is a load for CheckReports of files already in memory.
func uploads(ups ...auditor.Upload) func() ([]auditor.Upload, error) {
	return func() ([]auditor.Upload, error) { return ups, nil }
}
