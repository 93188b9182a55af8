package store

import "context"

// Optimize tells SQLite's query planner how the data is spread (PRAGMA
// optimize with 0x10000: ANALYZE of every table never analysed or much
// changed since). Without statistics the planner guesses, and on 100 000
// cases it guessed an index on state for "closed, natural persons", reading
// 90 000 rows one by one: 220 ms for the list's count instead of 45
// (docs/PERFORMANCE.md). The analysis is whole, not sampled (analysis_limit):
// a sample of the first rows of an index led by agency_id, when one agency
// holds most cases, told the planner each agency holds a thousand, the same
// wrong choice. serve runs it at start and every hour, as SQLite advises for
// long-lived connections; it costs about 0.4 s on 100 000 cases and nothing
// when no table changed much. PostgreSQL's autovacuum analyses by itself.
func (s *Store) Optimize(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	_, err := s.db.ExecContext(ctx, "PRAGMA optimize = 0x10002")
	return mapErr(err)
}
