package store

import (
	"context"
	"strings"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// CaseStats are an agency's applications of a year as the 办理情况统计
// counts them.
type CaseStats struct {
	Received int // received in the year (merged ones too)
	Closed   int // answered in the year
	OnTime   int // of Closed: on or before the reply deadline
	Late     int // of Closed: after it
	Open     int // received in the year and not answered yet
	Overdue  int // of Open: past the reply deadline today
	// Days counts Closed by the working days from receipt to the answer;
	// Unmeasured, those whose span a year without its holiday notice hides
	Days       map[int]int
	Unmeasured int
	// Results counts Closed by 表三 result group (casework.OutcomeGroups);
	// Marked, by the counted steps they took (casework.MarkKinds)
	Results map[string]int
	Marked  map[casework.Mark]int
	// Reviews and Suits were filed in the year (复议; 诉讼, direct or after a
	// 复议); Corrected, of those concluded in the year, ended 纠正
	Reviews, Suits, Corrected int
}

// CaseStats counts the applications of the agencies ids for the year: the
// working days of each answer by cal, the open ones overdue as of today.
// Three queries per chunk of agencies, each read from an index alone
// (cases_received, cases_stats).
func (s *Store) CaseStats(ctx context.Context, ids []int64, year int, today workday.Date, cal *workday.Calendar) (map[int64]*CaseStats, error) {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	out := make(map[int64]*CaseStats, len(ids))
	for _, id := range ids {
		out[id] = NewCaseStats()
	}
	group := outcomeGroups()
	open := openStates()
	err := inChunks(ids, 3, func(in string, args []any) error {
		a := append([]any{date(first), date(last)}, args...)
		rows, err := s.db.QueryContext(ctx, `SELECT agency_id, count(*) FROM cases WHERE received_on >= $1 AND received_on <= $2 AND agency_id IN (`+in+`) GROUP BY agency_id`, a...)
		if err != nil {
			return mapErr(err)
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return err
			}
			out[id].Received = n
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		rows, err = s.db.QueryContext(ctx, `SELECT agency_id, received_on, closed_on, due_on, outcome, marks FROM cases
			WHERE state = 'closed' AND closed_on >= $1 AND closed_on <= $2 AND agency_id IN (`+in+`)`, a...)
		if err != nil {
			return mapErr(err)
		}
		for rows.Next() {
			var id int64
			var rec, closed, due dateCol
			var outcome string
			var marks int
			if err := rows.Scan(&id, &rec, &closed, &due, &outcome, &marks); err != nil {
				rows.Close()
				return err
			}
			out[id].answered(rec, closed, due, group[casework.OutcomeID(outcome)], casework.Mark(marks), cal)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		// the open cases are few: all of them, the year's picked here
		in1, _ := inList(make([]int64, len(args)), 1)
		rows, err = s.db.QueryContext(ctx, `SELECT agency_id, received_on, due_on FROM cases WHERE state IN (`+open+`) AND agency_id IN (`+in1+`)`, args...)
		if err != nil {
			return mapErr(err)
		}
		for rows.Next() {
			var id int64
			var rec, due dateCol
			if err := rows.Scan(&id, &rec, &due); err != nil {
				rows.Close()
				return err
			}
			if rec.d >= first && rec.d <= last {
				out[id].open(due, today)
			}
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		return s.appealStats(ctx, out, in, a)
	})
	return out, err
}

// NewCaseStats is an empty CaseStats, its maps made.
func NewCaseStats() *CaseStats {
	return &CaseStats{Days: map[int]int{}, Results: map[string]int{}, Marked: map[casework.Mark]int{}}
}

// outcomeGroups maps each outcome to its 表三 result group.
func outcomeGroups() map[casework.OutcomeID]string {
	group := map[casework.OutcomeID]string{}
	for i := range casework.Outcomes {
		group[casework.Outcomes[i].ID] = casework.Outcomes[i].Group()
	}
	return group
}

// openStates is the SQL list of the states of an application not yet answered.
func openStates() string {
	var open []string
	for _, st := range casework.States {
		if st.ID.Open() {
			open = append(open, "'"+string(st.ID)+"'")
		}
	}
	return strings.Join(open, ",")
}

// answered counts an application answered in the year: on time or late
// against its own deadline, the working days it took by cal, its result
// group and counted steps.
func (st *CaseStats) answered(rec, closed, due dateCol, group string, marks casework.Mark, cal *workday.Calendar) {
	st.Closed++
	st.Results[group]++
	for _, m := range casework.MarkKinds {
		if marks&m.Mark != 0 {
			st.Marked[m.Mark]++
		}
	}
	switch {
	case !due.valid: // closed before its clock started (补正 never came)
	case closed.d <= due.d:
		st.OnTime++
	default:
		st.Late++
	}
	if n, err := cal.Between(rec.d, closed.d); err == nil {
		st.Days[n]++
	} else {
		st.Unmeasured++
	}
}

// open counts an application of the year not answered yet, overdue when
// its deadline passed before today.
func (st *CaseStats) open(due dateCol, today workday.Date) {
	st.Open++
	if due.valid && due.d < today {
		st.Overdue++
	}
}

// HandlerStats are CaseStats of one agency's year by 承办人 (the key; 0 for
// the applications without one), without the appeals: a 负责人's view of
// the office's work. The agency's year is read whole (an office's year is
// thousands of applications, not a province's millions).
func (s *Store) HandlerStats(ctx context.Context, agencyID int64, year int, today workday.Date, cal *workday.Calendar) (map[int64]*CaseStats, error) {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	rows, err := s.db.QueryContext(ctx, `SELECT COALESCE(handler_id, 0), state, received_on, closed_on, due_on, outcome, marks FROM cases
		WHERE agency_id = $1 AND ((received_on >= $2 AND received_on <= $3) OR (state = 'closed' AND closed_on >= $2 AND closed_on <= $3))`,
		agencyID, date(first), date(last))
	if err != nil {
		return nil, mapErr(err)
	}
	out := map[int64]*CaseStats{}
	group := outcomeGroups()
	for rows.Next() {
		var id int64
		var state, outcome string
		var rec, closed, due dateCol
		var marks int
		if err := rows.Scan(&id, &state, &rec, &closed, &due, &outcome, &marks); err != nil {
			rows.Close()
			return nil, err
		}
		st := out[id]
		if st == nil {
			st = NewCaseStats()
			out[id] = st
		}
		inYear := rec.d >= first && rec.d <= last
		if inYear {
			st.Received++
		}
		switch {
		case state == string(casework.Closed) && closed.valid && closed.d >= first && closed.d <= last:
			st.answered(rec, closed, due, group[casework.OutcomeID(outcome)], casework.Mark(marks), cal)
		case casework.State(state).Open() && inYear:
			st.open(due, today)
		}
	}
	return out, closeRows(rows)
}

// appealStats adds the 复议 and 诉讼 of the agencies (in, args as in
// CaseStats) filed in the year, and those concluded in it as 纠正; a suit in
// which an agency is sued only as the 复议机关 counts for the original
// agency alone, as in 表四.
func (s *Store) appealStats(ctx context.Context, out map[int64]*CaseStats, in string, args []any) error {
	rows, err := s.db.QueryContext(ctx, `SELECT agency_id, kind, CASE WHEN filed_on >= $1 AND filed_on <= $2 THEN 1 ELSE 0 END,
		CASE WHEN result = 'corrected' AND concluded_on >= $1 AND concluded_on <= $2 THEN 1 ELSE 0 END FROM appeals
		WHERE agency_id IN (`+in+`) AND NOT co_defendant_only AND ((filed_on >= $1 AND filed_on <= $2) OR (concluded_on >= $1 AND concluded_on <= $2))`, args...)
	if err != nil {
		return mapErr(err)
	}
	for rows.Next() {
		var id int64
		var kind string
		var filed, corrected int
		if err := rows.Scan(&id, &kind, &filed, &corrected); err != nil {
			rows.Close()
			return err
		}
		st := out[id]
		switch {
		case filed == 0:
		case kind == string(appeal.Review):
			st.Reviews++
		default:
			st.Suits++
		}
		if corrected == 1 {
			st.Corrected++
		}
	}
	return closeRows(rows)
}

// closeRows closes rows and returns the error of the iteration, if any.
func closeRows(rows interface {
	Close() error
	Err() error
}) error {
	if err := rows.Close(); err != nil {
		return err
	}
	return rows.Err()
}
