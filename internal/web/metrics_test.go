package web_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gongkai/internal/web"
)

// The request log keeps the path, not what keys an applicant's records: no
// query (a 查询码, a search), and the receipt's path without its 查询码.
func TestRequestLogLeavesOutCodes(t *testing.T) {
	var logged bytes.Buffer
	mux := http.NewServeMux()
	mux.HandleFunc("GET /receipt/{code}", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("GET /status", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("GET /admin/cases/{id}", func(http.ResponseWriter, *http.Request) {})
	h := web.NewMetrics().Instrument(mux, slog.New(slog.NewTextHandler(&logged, nil)))
	for _, p := range []string{"/receipt/GM5DFLXBRE", "/status?code=WLGDHBR9MJ", "/admin/cases/17"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	log := logged.String()
	if strings.Contains(log, "GM5DFLXBRE") || strings.Contains(log, "WLGDHBR9MJ") || !strings.Contains(log, "path=/receipt/{code}") ||
		!strings.Contains(log, "path=/admin/cases/17") {
		t.Errorf("the log:\n%s", log)
	}
}
