package web

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the server's Prometheus metrics, kept in one place.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers the metrics on a fresh registry (not the global one,
// so that tests can make several servers).
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gongkai_http_requests_total",
		Help: "HTTP requests by route pattern, method and status code."}, []string{"route", "method", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "gongkai_http_request_duration_seconds",
		Help: "HTTP request duration by route pattern.", Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}},
		[]string{"route"})
	m.reg.MustRegister(m.requests, m.duration, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves /metrics.
func (m *Metrics) Handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }

type statusWriter struct {
	http.ResponseWriter
	code int
}

// Unwrap lets http.ResponseController reach the connection's writer (to
// flush a page that streams its progress).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Instrument counts and times every request by its ServeMux pattern (not the
// raw path, which would make a series per case), and logs one line a request
// (the path without its query: a 查询码 or a search is not for the log).
func (m *Metrics) Instrument(mux *http.ServeMux, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		_, pattern := mux.Handler(r)
		if pattern == "" {
			pattern = "unmatched"
		}
		mux.ServeHTTP(sw, r)
		m.requests.WithLabelValues(pattern, r.Method, strconv.Itoa(sw.code)).Inc()
		d := time.Since(start)
		m.duration.WithLabelValues(pattern).Observe(d.Seconds())
		if log != nil {
			path := r.URL.Path
			if strings.Contains(pattern, "{code}") {
				_, path, _ = strings.Cut(pattern, " ") // the receipt's path is its 查询码
			}
			log.Info("http", "method", r.Method, "path", path, "route", pattern, "status", sw.code, "ms", float64(d.Microseconds())/1000)
		}
	})
}
