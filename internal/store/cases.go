package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// queryCode is the public 查询码: no 0/O/1/I to misread on the phone.
func queryCode() string {
	const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, 10)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

func dueCol(d workday.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

// InsertCase stores a new case with its events, assigning its ID, 申请编号 and
// 查询码; dl is its deadline as of now (kept for lists and the dashboard).
func (t *Tx) InsertCase(ctx context.Context, agencyID int64, c *casework.Case, dl casework.Deadline) error {
	n, err := next(ctx, t.tx, agencyID, "case", c.Received.Year())
	if err != nil {
		return err
	}
	c.AgencyID = agencyID
	c.Serial = fmt.Sprintf("%d-%04d", c.Received.Year(), n)
	c.Code = queryCode()
	c.Version = 1
	intake, err := json.Marshal(c.Intake)
	if err != nil {
		return err
	}
	now := t.s.ts(t.s.Clock.Now())
	a := c.Intake.Applicant
	err = t.tx.QueryRowContext(ctx, `INSERT INTO cases (agency_id, serial, code, channel, applicant_type, applicant_name, id_number, phone,
		description, intake, received_on, state, outcome, closed_on, due_on, extra_on, extra_what, calendar_version, version, created_at, updated_at, units, search_key, marks)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$20,$21,$22,$23) RETURNING id`,
		agencyID, c.Serial, c.Code, string(c.Intake.Channel), string(a.Type), a.Name, a.IDNum, a.Phone,
		c.Intake.Request.Description, string(intake), date(c.Received), string(c.State), string(c.Outcome), optDate(c.ClosedOn),
		dueCol(dl.Due), dueCol(dl.Extra), dl.ExtraWhat, dl.Calendar, c.Version, now, c.Intake.Request.Units(), caseSearchKey(c), int(c.Marks())).Scan(&c.ID)
	if err != nil {
		return mapErr(err)
	}
	for i := range c.Events {
		if err := t.insertEvent(ctx, c.ID, &c.Events[i]); err != nil {
			return err
		}
	}
	return t.saveItems(ctx, c)
}

// saveItems keeps case_items in step with the case: the outcome of each item
// when the case was answered item by item, nothing otherwise.
func (t *Tx) saveItems(ctx context.Context, c *casework.Case) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM case_items WHERE case_id = $1`, c.ID); err != nil {
		return mapErr(err)
	}
	var items []casework.ItemResult
	for i := len(c.Events) - 1; i >= 0 && c.State == casework.Closed; i-- {
		if e := c.Events[i]; e.Step.Kind == casework.KindDecide && !c.Undone(e.Seq) {
			items = e.Step.Items
			break
		}
	}
	for i, it := range items {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO case_items (case_id, item, outcome) VALUES ($1,$2,$3)`, c.ID, i+1, string(it.Outcome)); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

func (t *Tx) insertEvent(ctx context.Context, caseID int64, e *casework.Event) error {
	step, err := json.Marshal(e.Step)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO case_events (case_id, seq, kind, on_date, at, actor, role, basis, step, before_state, after_state)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
		caseID, e.Seq, string(e.Step.Kind), date(e.Step.On), t.s.ts(e.At), e.Actor.Name, string(e.Actor.Role), e.Basis, string(step),
		string(e.Before), string(e.After))
	return mapErr(err)
}

// SaveStep appends the case's last event and keeps the case row in step with
// it (state, outcome, deadlines). ErrConflict when someone else changed the
// case since it was read.
func (t *Tx) SaveStep(ctx context.Context, c *casework.Case, dl casework.Deadline) error {
	if err := t.insertEvent(ctx, c.ID, &c.Events[len(c.Events)-1]); err != nil {
		return err
	}
	if err := t.updateRow(ctx, c, dl); err != nil {
		return err
	}
	return t.saveItems(ctx, c)
}

// UpdateIntake saves corrected registration details (typos), keeping the
// receipt date rules: the case row follows the intake.
func (t *Tx) UpdateIntake(ctx context.Context, c *casework.Case, dl casework.Deadline) error {
	intake, err := json.Marshal(c.Intake)
	if err != nil {
		return err
	}
	a := c.Intake.Applicant
	if _, err := t.tx.ExecContext(ctx, `UPDATE cases SET channel = $1, applicant_type = $2, applicant_name = $3, id_number = $4, phone = $5,
		description = $6, intake = $7, received_on = $8, units = $9, search_key = $10 WHERE id = $11`,
		string(c.Intake.Channel), string(a.Type), a.Name, a.IDNum, a.Phone, c.Intake.Request.Description, string(intake), date(c.Received),
		c.Intake.Request.Units(), caseSearchKey(c), c.ID); err != nil {
		return mapErr(err)
	}
	return t.updateRow(ctx, c, dl)
}

func (t *Tx) updateRow(ctx context.Context, c *casework.Case, dl casework.Deadline) error {
	var merged any
	if c.MergedInto != 0 {
		merged = c.MergedInto
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE cases SET state = $1, outcome = $2, closed_on = $3, due_on = $4, extra_on = $5, extra_what = $6,
		calendar_version = $7, merged_into = $8, version = version + 1, updated_at = $9, marks = $10 WHERE id = $11 AND version = $12`,
		string(c.State), string(c.Outcome), optDate(c.ClosedOn), dueCol(dl.Due), dueCol(dl.Extra), dl.ExtraWhat, dl.Calendar, merged,
		t.s.ts(t.s.Clock.Now()), int(c.Marks()), c.ID, c.Version)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("%w: case %d changed since it was read", ErrConflict, c.ID)
	}
	c.Version++
	return nil
}

// SetDeadline records a recomputed deadline (a new holiday notice): moved is
// true when a known due date changed, and the old one is kept in
// due_moved_from so that the change is flagged.
func (t *Tx) SetDeadline(ctx context.Context, id int64, dl casework.Deadline) (from workday.Date, moved bool, err error) {
	var old dateCol
	if err := t.tx.QueryRowContext(ctx, `SELECT due_on FROM cases WHERE id = $1`, id).Scan(&old); err != nil {
		return 0, false, mapErr(err)
	}
	moved = dl.Due != 0 && old.valid && old.d != dl.Due
	q := `UPDATE cases SET due_on = $1, extra_on = $2, extra_what = $3, calendar_version = $4 WHERE id = $5`
	if moved {
		q = `UPDATE cases SET due_moved_from = due_on, due_on = $1, extra_on = $2, extra_what = $3, calendar_version = $4 WHERE id = $5`
	}
	_, err = t.tx.ExecContext(ctx, q, dueCol(dl.Due), dueCol(dl.Extra), dl.ExtraWhat, dl.Calendar, id)
	return old.d, moved, mapErr(err)
}

// OpenCaseIDs are the cases still waiting for an answer, across agencies.
func (t *Tx) OpenCaseIDs(ctx context.Context) ([]int64, error) {
	return queryIDs(ctx, t.tx, `SELECT id FROM cases WHERE state <> 'closed' AND state <> 'merged' ORDER BY id`)
}

// forUpdate locks the rows a query inside a transaction reads, on
// PostgreSQL; SQLite's write transaction holds the database already.
func (s *Store) forUpdate() string {
	if s.dialect == Postgres {
		return ` FOR UPDATE`
	}
	return ""
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// GetCase loads a case with its events. ErrNotFound when there is none.
func (s *Store) GetCase(ctx context.Context, id int64) (*casework.Case, error) {
	return s.getCase(ctx, s.db, id, false)
}

// GetCase loads a case inside the transaction, locked against concurrent writers.
func (t *Tx) GetCase(ctx context.Context, id int64) (*casework.Case, error) {
	return t.s.getCase(ctx, t.tx, id, true)
}

// CaseByCode finds a case by its public 查询码.
func (s *Store) CaseByCode(ctx context.Context, code string) (*casework.Case, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM cases WHERE code = $1`, strings.ToUpper(strings.TrimSpace(code))).Scan(&id); err != nil {
		return nil, mapErr(err)
	}
	return s.GetCase(ctx, id)
}

// CaseBySerial finds an agency's case by its 申请编号.
func (s *Store) CaseBySerial(ctx context.Context, agencyID int64, serial string) (*casework.Case, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM cases WHERE agency_id = $1 AND serial = $2`, agencyID, strings.TrimSpace(serial)).Scan(&id); err != nil {
		return nil, mapErr(err)
	}
	return s.GetCase(ctx, id)
}

// CasesWithSerialEmail are the cases of every agency with a 申请编号
// (agencies number their applications each on its own: one 2026-0012 per
// agency) whose applicant gave the address email (letter case aside): the
// applicant who lost a 查询码 names both. Only the intake of each case with
// the number is read to compare the address; at most 20 cases are given.
func (s *Store) CasesWithSerialEmail(ctx context.Context, serial, email string) ([]*casework.Case, error) {
	if strings.TrimSpace(email) == "" {
		return nil, nil // no address is no applicant's
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, intake FROM cases WHERE serial = $1 ORDER BY id`, strings.TrimSpace(serial))
	if err != nil {
		return nil, mapErr(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var raw string
		if err := rows.Scan(&id, &raw); err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		var in struct {
			Applicant struct {
				Email string `json:"email"`
			} `json:"applicant"`
		}
		if json.Unmarshal([]byte(raw), &in) == nil && len(ids) < 20 && strings.EqualFold(strings.TrimSpace(in.Applicant.Email), strings.TrimSpace(email)) {
			ids = append(ids, id)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	out := make([]*casework.Case, 0, len(ids))
	for _, id := range ids {
		c, err := s.GetCase(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (s *Store) getCase(ctx context.Context, q queryer, id int64, lock bool) (*casework.Case, error) {
	c := &casework.Case{}
	var intake, state, outcome string
	var rec, closed dateCol
	var merged *int64
	query := `SELECT id, agency_id, serial, code, intake, received_on, state, outcome, closed_on, merged_into, version FROM cases WHERE id = $1`
	if lock {
		query += s.forUpdate()
	}
	if err := q.QueryRowContext(ctx, query, id).Scan(&c.ID, &c.AgencyID, &c.Serial, &c.Code, &intake, &rec, &state, &outcome, &closed, &merged, &c.Version); err != nil {
		return nil, mapErr(err)
	}
	c.Received, c.State, c.Outcome, c.ClosedOn = rec.d, casework.State(state), casework.OutcomeID(outcome), closed.ptr()
	if merged != nil {
		c.MergedInto = *merged
	}
	if err := json.Unmarshal([]byte(intake), &c.Intake); err != nil {
		return nil, fmt.Errorf("case %d intake: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT seq, at, actor, role, basis, step, before_state, after_state FROM case_events WHERE case_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e casework.Event
		var at timeCol
		var role, step, before, after string
		if err := rows.Scan(&e.Seq, &at, &e.Actor.Name, &role, &e.Basis, &step, &before, &after); err != nil {
			return nil, err
		}
		e.At, e.Actor.Role, e.Before, e.After = s.Clock.Local(at.t), casework.Role(role), casework.State(before), casework.State(after)
		if err := json.Unmarshal([]byte(step), &e.Step); err != nil {
			return nil, fmt.Errorf("case %d event %d: %w", id, e.Seq, err)
		}
		c.Events = append(c.Events, e)
	}
	return c, rows.Err()
}

// SetHandler makes userID the 承办人 of a case (0: none).
func (t *Tx) SetHandler(ctx context.Context, caseID, userID int64) error {
	var v any
	if userID != 0 {
		v = userID
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE cases SET handler_id = $1 WHERE id = $2`, v, caseID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// CaseHandler returns the 承办人 of a case: id and name, 0 and "" when none.
func (s *Store) CaseHandler(ctx context.Context, caseID int64) (int64, string, error) {
	return caseHandler(ctx, s.db, caseID)
}

// CaseHandler returns the 承办人 of a case inside the transaction.
func (t *Tx) CaseHandler(ctx context.Context, caseID int64) (int64, string, error) {
	return caseHandler(ctx, t.tx, caseID)
}

func caseHandler(ctx context.Context, q queryer, caseID int64) (int64, string, error) {
	var id *int64
	var name *string
	err := q.QueryRowContext(ctx, `SELECT c.handler_id, u.name FROM cases c LEFT JOIN users u ON u.id = c.handler_id WHERE c.id = $1`, caseID).Scan(&id, &name)
	if err != nil {
		return 0, "", mapErr(err)
	}
	if id == nil || name == nil {
		return 0, "", nil
	}
	return *id, *name, nil
}

// MergedInto lists the open cases merged into id (answered with it).
func (t *Tx) MergedInto(ctx context.Context, id int64) ([]int64, error) {
	return queryIDs(ctx, t.tx, `SELECT id FROM cases WHERE merged_into = $1 AND state = 'merged'`, id)
}

// queryIDs runs a query that selects one id column.
func queryIDs(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MergedAnswered counts the cases merged into id that its reply answered.
func (t *Tx) MergedAnswered(ctx context.Context, id int64) (int, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE merged_into = $1 AND state = 'closed'`, id).Scan(&n)
	return n, mapErr(err)
}

// ClaimSubmission records that token created caseID. ErrConflict when the
// token was used already (the caller then shows that case instead).
func (t *Tx) ClaimSubmission(ctx context.Context, token string, caseID int64) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO submissions (token, case_id, created_at) VALUES ($1,$2,$3)`, token, caseID, t.s.ts(t.s.Clock.Now()))
	return mapErr(err)
}

// Submission is the case a confirmation token created. ErrNotFound when unused.
func (s *Store) Submission(ctx context.Context, token string) (*casework.Case, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT case_id FROM submissions WHERE token = $1`, token).Scan(&id); err != nil {
		return nil, mapErr(err)
	}
	return s.GetCase(ctx, id)
}
