package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/guard"
	"gongkai/internal/workday"
)

// ListCases returns one page of cases, newest first, and the total count.
// A page holds at most 500 (a larger or no Limit: 50): a page is what a
// person or an API client asked for.
func (s *Store) ListCases(ctx context.Context, f casework.Filter) ([]casework.Row, int, error) {
	w, args, ok, err := s.caseWhere(ctx, f)
	if err != nil || !ok {
		return nil, 0, err
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE "+w, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	out, err := s.caseRows(ctx, w, args, limit, f.Offset)
	return out, total, err
}

// CaseRows returns the cases f selects, newest first, at most max of them
// (f.Limit and f.Offset are not read): the operations' own reads of many
// cases (reminders, Art. 44 suggestions), which a page's cap of 500 would cut.
func (s *Store) CaseRows(ctx context.Context, f casework.Filter, max int) ([]casework.Row, error) {
	w, args, ok, err := s.caseWhere(ctx, f)
	if err != nil || !ok {
		return nil, err
	}
	return s.caseRows(ctx, w, args, max, 0)
}

func (s *Store) caseRows(ctx context.Context, w string, args []any, limit, offset int) ([]casework.Row, error) {
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	q := `SELECT id, agency_id, serial, channel, applicant_type, applicant_name, id_number, description, received_on,
		state, outcome, closed_on, due_on, due_moved_from, extra_on, extra_what, created_at, handler_id, marks, archive_no
		FROM cases WHERE ` + w + ` ORDER BY received_on DESC, id DESC LIMIT ` + arg(limit) + " OFFSET " + arg(offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.Row
	for rows.Next() {
		var r casework.Row
		var ch, typ, state, outcome string
		var rec, closed, due, moved, extra dateCol
		var created timeCol
		var handler *int64
		var marks int
		if err := rows.Scan(&r.ID, &r.AgencyID, &r.Serial, &ch, &typ, &r.ApplicantName, &r.IDNumber, &r.Description, &rec,
			&state, &outcome, &closed, &due, &moved, &extra, &r.ExtraWhat, &created, &handler, &marks, &r.ArchiveNo); err != nil {
			return nil, err
		}
		r.Marks = casework.Mark(marks)
		r.Steps = r.Marks.Keys()
		if handler != nil {
			r.HandlerID = *handler
		}
		r.Channel, r.ApplicantType, r.State, r.Outcome = casework.Channel(ch), casework.ApplicantType(typ), casework.State(state), casework.OutcomeID(outcome)
		r.Received, r.ClosedOn, r.DueOn, r.DueMovedFrom, r.ExtraOn, r.CreatedAt = rec.d, closed.ptr(), due.ptr(), moved.ptr(), extra.ptr(), created.t
		r.IDNumber = casework.MaskID(r.IDNumber)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.nameAgencies(ctx, out); err != nil {
		return nil, err
	}
	return out, s.nameHandlers(ctx, out)
}

// nameAgencies fills in the agency names of a page of rows (one query).
func (s *Store) nameAgencies(ctx context.Context, rows []casework.Row) error {
	names, err := s.namesOf(ctx, "agencies", rows, func(r casework.Row) int64 { return r.AgencyID })
	for i := range rows {
		rows[i].Agency = names[rows[i].AgencyID]
	}
	return err
}

// nameHandlers fills in the names of a page's 承办人 (one query).
func (s *Store) nameHandlers(ctx context.Context, rows []casework.Row) error {
	names, err := s.namesOf(ctx, "users", rows, func(r casework.Row) int64 { return r.HandlerID })
	for i := range rows {
		rows[i].Handler = names[rows[i].HandlerID]
	}
	return err
}

// namesOf is the name column of table (agencies, users) for the ids idOf
// gives of rows (0: none), in one query.
func (s *Store) namesOf(ctx context.Context, table string, rows []casework.Row, idOf func(casework.Row) int64) (map[int64]string, error) {
	names := map[int64]string{}
	var ids []int64
	for _, r := range rows {
		if id := idOf(r); id != 0 {
			if _, seen := names[id]; !seen {
				names[id] = ""
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return names, nil
	}
	in, args := inList(ids, 1)
	q, err := s.db.QueryContext(ctx, `SELECT id, name FROM `+table+` WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var n string
		if err := q.Scan(&id, &n); err != nil {
			return nil, err
		}
		names[id] = n
	}
	return names, q.Err()
}

// CountCasesByAgency counts the cases matching f per agency (agencies with
// none are absent): one grouped query, e.g. the overdue ones of every agency
// a supervisor sees. Limit and Offset are ignored.
func (s *Store) CountCasesByAgency(ctx context.Context, f casework.Filter) (map[int64]int, error) {
	return s.countCasesBy(ctx, f, "agency_id")
}

// CountCasesByHandler counts the cases matching f per 承办人 (0: none).
func (s *Store) CountCasesByHandler(ctx context.Context, f casework.Filter) (map[int64]int, error) {
	return s.countCasesBy(ctx, f, "COALESCE(handler_id, 0)")
}

// countCasesBy counts the cases matching f grouped by the expression by (a
// constant of this package, never input).
func (s *Store) countCasesBy(ctx context.Context, f casework.Filter, by string) (map[int64]int, error) {
	out := map[int64]int{}
	w, args, ok, err := s.caseWhere(ctx, f)
	if err != nil || !ok {
		return out, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+by+", count(*) FROM cases WHERE "+w+" GROUP BY "+by, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// caseWhere is the WHERE clause of a filter and its arguments ($1…); ok is
// false when nothing can match.
func (s *Store) caseWhere(ctx context.Context, f casework.Filter) (string, []any, bool, error) {
	if len(f.AgencyIDs) == 0 {
		return "", nil, false, nil
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	var ids []string
	for _, id := range f.AgencyIDs {
		ids = append(ids, arg(id))
	}
	where = append(where, "agency_id IN ("+strings.Join(ids, ",")+")")
	const open = "state <> 'closed' AND state <> 'merged'"
	for _, c := range []struct {
		ok   bool
		cond string
		v    any
	}{
		{f.State != "", "state = ", string(f.State)},
		{f.Outcome != "", "outcome = ", string(f.Outcome)},
		{f.Channel != "", "channel = ", string(f.Channel)},
		{f.ApplicantType != "", "applicant_type = ", string(f.ApplicantType)},
		{f.ReceivedFrom != nil, "received_on >= ", optDate(f.ReceivedFrom)},
		{f.ReceivedTo != nil, "received_on <= ", optDate(f.ReceivedTo)},
		{!f.CreatedFrom.IsZero(), "created_at >= ", s.ts(f.CreatedFrom)},
		{f.DueBy != nil, open + " AND due_on <= ", optDate(f.DueBy)},
		{f.DueFrom != nil, open + " AND due_on >= ", optDate(f.DueFrom)},
		{f.OverdueOn != nil, open + " AND due_on < ", optDate(f.OverdueOn)},
		{f.ExtraBefore != nil, open + " AND extra_on < ", optDate(f.ExtraBefore)},
		{f.ClosedFrom != nil, "state = 'closed' AND closed_on >= ", optDate(f.ClosedFrom)},
		{f.ClosedTo != nil, "state = 'closed' AND closed_on <= ", optDate(f.ClosedTo)},
		{f.Handler > 0, "handler_id = ", f.Handler},
	} {
		if c.ok {
			where = append(where, c.cond+arg(c.v))
		}
	}
	if f.Unassigned {
		where = append(where, "handler_id IS NULL")
	}
	if f.Asked {
		where = append(where, `(state = 'awaiting_correction' AND EXISTS (SELECT 1 FROM online_corrections o WHERE o.case_id = cases.id)
			OR state <> 'closed' AND state <> 'merged' AND EXISTS (SELECT 1 FROM withdraw_requests w WHERE w.case_id = cases.id))`)
	}
	if f.Proposed {
		where = append(where, `EXISTS (SELECT 1 FROM case_proposals p WHERE p.case_id = cases.id AND p.state = 'pending')`)
	}
	if f.Returned {
		where = append(where, `state <> 'closed' AND EXISTS (SELECT 1 FROM case_proposals p WHERE p.case_id = cases.id AND p.state = 'returned'
			AND p.id = (SELECT MAX(q.id) FROM case_proposals q WHERE q.case_id = cases.id))`)
	}
	switch f.Filed {
	case "filed":
		where = append(where, "archive_no <> ''")
	case "unfiled":
		where = append(where, "state = 'closed' AND archive_no = ''")
	}
	if f.Result != "" {
		var in []string
		for _, o := range casework.GroupOutcomes(f.Result) {
			in = append(in, arg(string(o)))
		}
		if len(in) == 0 {
			return "", nil, false, nil // no such group: nothing matches
		}
		where = append(where, "outcome IN ("+strings.Join(in, ",")+")")
	}
	if f.Mark != 0 {
		where = append(where, fmt.Sprintf("(marks & %d) <> 0", int(f.Mark)))
	}
	if f.Open {
		where = append(where, open)
	}
	if f.Late {
		// as the 办理情况统计 counts them: a deadline, and the answer after it
		where = append(where, "state = 'closed' AND due_on IS NOT NULL AND closed_on > due_on")
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		w, ok, err := s.textMatch(ctx, f.AgencyIDs, q, arg)
		if err != nil || !ok {
			return "", nil, false, err
		}
		where = append(where, w)
	}
	return strings.Join(where, " AND "), args, true, nil
}

// textMatch is the condition for a search of serial, applicant and request
// text, compared folded (searchKey) so that full width, half width and case
// do not matter on either side. Two steps: the matching ids come from a
// scan of the narrow index cases_search (a substring search can seek no
// index); the filters, order and page then apply to those few cases only,
// instead of reading every case row in date order to test it.
func (s *Store) textMatch(ctx context.Context, agencies []int64, q string, arg func(any) string) (string, bool, error) {
	// a line break would match across two fields of the key
	q = strings.Join(strings.Fields(strings.Map(guard.Fold, q)), " ")
	has := func(p string) string { return s.instr("search_key", p) }
	idArgs := []any{q}
	var agencyPH []string
	for _, id := range agencies {
		idArgs = append(idArgs, id)
		agencyPH = append(agencyPH, fmt.Sprintf("$%d", len(idArgs)))
	}
	matches, err := queryIDs(ctx, s.db, "SELECT id FROM cases WHERE agency_id IN ("+strings.Join(agencyPH, ",")+") AND "+has("$1"), idArgs...)
	switch {
	case err != nil:
		return "", false, err
	case len(matches) == 0:
		return "", false, nil
	case len(matches) > 2000:
		// too broad to list the ids (SQL parameter limits): one scan
		return has(arg(q)), true, nil
	}
	ph := make([]string, len(matches))
	for i, id := range matches {
		ph[i] = arg(id)
	}
	return "id IN (" + strings.Join(ph, ",") + ")", true, nil
}

// caseSearchKey is what the case list's search reads of c: its serial,
// applicant and request text folded (guard.Fold), a line apart.
func caseSearchKey(c *casework.Case) string {
	return searchKey(c.Serial, c.Intake.Applicant.Name, c.Intake.Request.Description)
}

func searchKey(serial, name, description string) string {
	return searchField(serial) + "\n" + searchField(name) + "\n" + searchField(description)
}

// searchField is one field of the key: folded, its line breaks spaces (the
// key's fields are a line apart). The applicant's name is the key's second
// line, so "\n"+searchField(name)+"\n" finds that name and no other.
func searchField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return guard.Fold(r)
	}, s)
}

// instr is the condition that sub occurs in col.
func (s *Store) instr(col, sub string) string {
	if s.dialect == Postgres {
		return "strpos(" + col + ", " + sub + ") > 0"
	}
	return "instr(" + col + ", " + sub + ") > 0"
}

// fillSearchKeys writes the search key of every case that has none (the
// cases from before migration 0022), within the migration's transaction, a
// batch of cases at a time so that a large database is not held in memory.
func fillSearchKeys(ctx context.Context, tx *sql.Tx) error {
	stmt, err := tx.PrepareContext(ctx, `UPDATE cases SET search_key = $1 WHERE id = $2`)
	if err != nil {
		return err
	}
	defer func() { _ = stmt.Close() }() // the updates' errors are the ones to report
	type row struct {
		id  int64
		key string
	}
	for last := int64(0); ; {
		rows, err := tx.QueryContext(ctx, `SELECT id, serial, applicant_name, description FROM cases WHERE search_key = '' AND id > $1 ORDER BY id LIMIT 5000`, last)
		if err != nil {
			return err
		}
		var todo []row
		for rows.Next() {
			var r row
			var serial, name, desc string
			if err := rows.Scan(&r.id, &serial, &name, &desc); err != nil {
				_ = rows.Close()
				return err
			}
			r.key = searchKey(serial, name, desc)
			todo = append(todo, r)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		if len(todo) == 0 {
			return nil
		}
		for _, r := range todo {
			if _, err := stmt.ExecContext(ctx, r.key, r.id); err != nil {
				return err
			}
		}
		last = todo[len(todo)-1].id
	}
}

// EarlierBySameApplicant loads the agency's applications by the same
// applicant (identity number or name) received within window days before c:
// the candidates casework.SuspectDuplicates judges.
func (s *Store) EarlierBySameApplicant(ctx context.Context, c *casework.Case, window int) ([]*casework.Case, error) {
	a := c.Intake.Applicant
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM cases WHERE agency_id = $1 AND id <> $2 AND received_on >= $3 AND received_on <= $4
		AND ((id_number <> '' AND id_number = $5) OR `+s.instr("search_key", "$6")+`) ORDER BY received_on DESC LIMIT 50`,
		c.AgencyID, c.ID, date(c.Received-workday.Date(window)), date(c.Received), a.IDNum, "\n"+searchField(a.Name)+"\n")
	if err != nil {
		return nil, err
	}
	out := make([]*casework.Case, 0, len(ids))
	for _, id := range ids {
		o, err := s.GetCase(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// DueByDay counts the open cases of the agencies due on each day from..to.
func (s *Store) DueByDay(ctx context.Context, agencyIDs []int64, from, to workday.Date) (map[workday.Date]int, error) {
	out := map[workday.Date]int{}
	if len(agencyIDs) == 0 {
		return out, nil
	}
	in, args := inList(agencyIDs, 3)
	rows, err := s.db.QueryContext(ctx, `SELECT due_on, count(*) FROM cases WHERE state <> 'closed' AND state <> 'merged'
		AND due_on >= $1 AND due_on <= $2 AND agency_id IN (`+in+`) GROUP BY due_on`, append([]any{date(from), date(to)}, args...)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var d dateCol
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		out[d.d] = n
	}
	return out, rows.Err()
}

// CountOpenByAgency counts the open cases of each agency.
func (s *Store) CountOpenByAgency(ctx context.Context, agencyIDs []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(agencyIDs) == 0 {
		return out, nil
	}
	in, args := inList(agencyIDs, 1)
	rows, err := s.db.QueryContext(ctx, `SELECT agency_id, count(*) FROM cases WHERE state <> 'closed' AND state <> 'merged' AND agency_id IN (`+in+`) GROUP BY agency_id`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// fillMarks writes the marks of the cases from before migration 0025: those
// with a counted step among their events, folded with the undos as the case
// folds them, a range of cases at a time.
func fillMarks(ctx context.Context, tx *sql.Tx) error {
	ids, err := queryIDs(ctx, tx, `SELECT DISTINCT case_id FROM case_events WHERE kind IN ('extend', 'request_correction', 'consult') ORDER BY case_id`)
	if err != nil {
		return err
	}
	for len(ids) > 0 {
		n := min(len(ids), 5000)
		rows, err := tx.QueryContext(ctx, `SELECT case_id, seq, step FROM case_events WHERE case_id >= $1 AND case_id <= $2
			AND kind IN ('extend', 'request_correction', 'consult', 'undo') ORDER BY case_id, seq`, ids[0], ids[n-1])
		if err != nil {
			return err
		}
		cases := map[int64]*casework.Case{}
		for rows.Next() {
			var id int64
			var e casework.Event
			var step string
			if err := rows.Scan(&id, &e.Seq, &step); err != nil {
				_ = rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(step), &e.Step); err != nil {
				_ = rows.Close()
				return fmt.Errorf("case %d event %d: %w", id, e.Seq, err)
			}
			if cases[id] == nil {
				cases[id] = &casework.Case{}
			}
			cases[id].Events = append(cases[id].Events, e)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		for id, c := range cases {
			if m := c.Marks(); m != 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE cases SET marks = $1 WHERE id = $2`, int(m), id); err != nil {
					return err
				}
			}
		}
		ids = ids[n:]
	}
	return nil
}
