package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// Agency is an administrative organ that answers applications.
type Agency struct {
	ID           int64        `json:"id"`
	Name         string       `json:"name"`
	Level        report.Level `json:"level"`
	ParentID     *int64       `json:"parent_id,omitempty"`
	ReviewOrgan  string       `json:"review_organ"`  // 复议机关 named in letters
	LetterPrefix string       `json:"letter_prefix"` // 文号 prefix, e.g. 卫教体依公复
	// What the 政府信息公开指南 states (条例 Art. 12).
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Hours   string `json:"hours,omitempty"`
	Fax     string `json:"fax,omitempty"`
	Email   string `json:"email,omitempty"`
}

// CreateAgency inserts an agency. ErrConflict when the name exists.
func (s *Store) CreateAgency(ctx context.Context, a *Agency) error {
	if strings.TrimSpace(a.Name) == "" {
		return errs.New("name", "请填写机关名称")
	}
	return mapErr(s.db.QueryRowContext(ctx,
		`INSERT INTO agencies (name, level, parent_id, review_organ, letter_prefix, address, phone, hours, email, fax, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
		a.Name, string(a.Level), a.ParentID, a.ReviewOrgan, a.LetterPrefix, a.Address, a.Phone, a.Hours, a.Email, a.Fax, s.ts(s.Now())).Scan(&a.ID))
}

// ListAgencies returns every agency, by name.
func (s *Store) ListAgencies(ctx context.Context) ([]*Agency, error) {
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM agencies ORDER BY id`)
	if err != nil {
		return nil, err
	}
	out := make([]*Agency, 0, len(ids))
	for _, id := range ids {
		a, err := s.GetAgency(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// GetAgency returns an agency. ErrNotFound when there is none.
func (s *Store) GetAgency(ctx context.Context, id int64) (*Agency, error) {
	a := &Agency{}
	var level string
	err := s.db.QueryRowContext(ctx, `SELECT id, name, level, parent_id, review_organ, letter_prefix, address, phone, hours, email, fax FROM agencies WHERE id = $1`, id).
		Scan(&a.ID, &a.Name, &level, &a.ParentID, &a.ReviewOrgan, &a.LetterPrefix, &a.Address, &a.Phone, &a.Hours, &a.Email, &a.Fax)
	a.Level = report.Level(level)
	return a, mapErr(err)
}

// AgencyByName returns an agency by its name. ErrNotFound when there is none.
func (s *Store) AgencyByName(ctx context.Context, name string) (*Agency, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM agencies WHERE name = $1`, name).Scan(&id); err != nil {
		return nil, mapErr(err)
	}
	return s.GetAgency(ctx, id)
}

// next allocates the next number of a per-agency, per-year sequence (申请编号,
// 文号) inside tx: numbers are never reused.
func (s *Store) next(ctx context.Context, tx *sql.Tx, agencyID int64, name string, year int) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `INSERT INTO sequences (agency_id, name, year, last) VALUES ($1, $2, $3, 1)
		ON CONFLICT (agency_id, name, year) DO UPDATE SET last = sequences.last + 1 RETURNING last`, agencyID, name, year).Scan(&n)
	return n, mapErr(err)
}

// NextNumber allocates a number outside a case transaction (letters).
func (s *Store) NextNumber(ctx context.Context, agencyID int64, name string, year int) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = s.next(ctx, tx, agencyID, name, year)
		return err
	})
	return n, err
}

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

// CreateCase stores a new case (from casework.NewCase) with its first event,
// assigning its ID, 申请编号 and 查询码.
func (s *Store) CreateCase(ctx context.Context, agencyID int64, c *casework.Case, cal *workday.Calendar, cfg casework.Config) error {
	return s.CreateCases(ctx, agencyID, []*casework.Case{c}, cal, cfg)
}

// CreateCases stores several cases in one transaction: all land, or none.
func (s *Store) CreateCases(ctx context.Context, agencyID int64, cs []*casework.Case, cal *workday.Calendar, cfg casework.Config) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, c := range cs {
			if err := s.insertCase(ctx, tx, agencyID, c, cal, cfg); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) insertCase(ctx context.Context, tx *sql.Tx, agencyID int64, c *casework.Case, cal *workday.Calendar, cfg casework.Config) error {
	n, err := s.next(ctx, tx, agencyID, "case", c.Received.Year())
	if err != nil {
		return err
	}
	c.AgencyID = agencyID
	c.Serial = fmt.Sprintf("%d-%04d", c.Received.Year(), n)
	c.Code = queryCode()
	c.Version = 1
	intake, _ := json.Marshal(c.Intake)
	now := s.Now()
	dl, err := c.Deadline(cfg, cal, workday.FromTime(now))
	if err != nil && !errors.Is(err, workday.ErrNoNotice) {
		return err // a deadline in a year without a notice stays unknown (NULL) until it is loaded
	}
	a := c.Intake.Applicant
	err = tx.QueryRowContext(ctx, `INSERT INTO cases (agency_id, serial, code, channel, applicant_type, applicant_name, id_number, phone,
		description, intake, received_on, state, outcome, closed_on, due_on, calendar_version, version, created_at, updated_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$18) RETURNING id`,
		agencyID, c.Serial, c.Code, string(c.Intake.Channel), string(a.Type), a.Name, a.IDNum, a.Phone,
		c.Intake.Request.Description, string(intake), date(c.Received), string(c.State), c.Outcome, optDate(c.ClosedOn),
		dueCol(dl), cal.Version(), c.Version, s.ts(now)).Scan(&c.ID)
	if err != nil {
		return mapErr(err)
	}
	for i := range c.Events {
		if err := s.insertEvent(ctx, tx, c.ID, &c.Events[i]); err != nil {
			return err
		}
	}
	return nil
}

func dueCol(dl casework.Deadline) any {
	if dl.Due == 0 {
		return nil
	}
	return dl.Due.String()
}

func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, caseID int64, e *casework.Event) error {
	step, _ := json.Marshal(e.Step)
	_, err := tx.ExecContext(ctx, `INSERT INTO case_events (case_id, seq, kind, on_date, at, actor, role, basis, step, before_state, after_state)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
		caseID, e.Seq, e.Step.Kind, date(e.Step.On), s.ts(e.At), e.Actor.Name, string(e.Actor.Role), e.Basis, string(step),
		string(e.Before), string(e.After))
	return mapErr(err)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// GetCase loads a case with its events. ErrNotFound when there is none.
func (s *Store) GetCase(ctx context.Context, id int64, cal *workday.Calendar, cfg casework.Config) (*casework.Case, error) {
	return s.getCase(ctx, s.db, id, false, cal, cfg)
}

// CaseByCode finds a case by its public 查询码.
func (s *Store) CaseByCode(ctx context.Context, code string, cal *workday.Calendar, cfg casework.Config) (*casework.Case, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM cases WHERE code = $1`, strings.ToUpper(strings.TrimSpace(code))).Scan(&id); err != nil {
		return nil, mapErr(err)
	}
	return s.GetCase(ctx, id, cal, cfg)
}

func (s *Store) getCase(ctx context.Context, q queryer, id int64, lock bool, cal *workday.Calendar, cfg casework.Config) (*casework.Case, error) {
	c := &casework.Case{}
	var intake string
	var rec dateCol
	query := `SELECT id, agency_id, serial, code, intake, received_on, version FROM cases WHERE id = $1`
	if lock && s.dialect == Postgres {
		query += ` FOR UPDATE` // SQLite's write transaction already holds the database lock
	}
	if err := q.QueryRowContext(ctx, query, id).Scan(&c.ID, &c.AgencyID, &c.Serial, &c.Code, &intake, &rec, &c.Version); err != nil {
		return nil, mapErr(err)
	}
	c.Received = rec.d
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
		e.At, e.Actor.Role, e.Before, e.After = at.t, casework.Role(role), casework.State(before), casework.State(after)
		if err := json.Unmarshal([]byte(step), &e.Step); err != nil {
			return nil, fmt.Errorf("case %d event %d: %w", id, e.Seq, err)
		}
		c.Events = append(c.Events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return c, c.Refresh(cfg, cal)
}

// ApplyStep records a step on a case in one transaction: the case is locked,
// the step checked by the casework rules, the event appended and the case row
// kept in step. A decision also answers the cases merged into this one; a
// transfer to an agency in the system registers the application there. On
// any error nothing is written.
func (s *Store) ApplyStep(ctx context.Context, id int64, step casework.Step, actor casework.Actor, cal *workday.Calendar, cfg casework.Config) (*casework.Case, error) {
	var c *casework.Case
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = s.applyInTx(ctx, tx, id, step, actor, cal, cfg)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (s *Store) applyInTx(ctx context.Context, tx *sql.Tx, id int64, step casework.Step, actor casework.Actor, cal *workday.Calendar, cfg casework.Config) (*casework.Case, error) {
	c, err := s.getCase(ctx, tx, id, true, cal, cfg)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	e, err := c.Apply(step, actor, now, cfg, cal)
	if err != nil {
		return nil, err
	}
	switch step.Kind {
	case casework.KindMerge:
		p, err := s.getCase(ctx, tx, step.Into, true, cal, cfg)
		if errors.Is(err, ErrNotFound) || (err == nil && p.AgencyID != c.AgencyID) {
			return nil, errs.New("into", "要合并到的申请不存在或不属于本机关")
		}
		if err != nil {
			return nil, err
		}
		if p.State == casework.Closed || p.State == casework.Merged {
			return nil, &errs.Error{Kind: errs.Conflict, Where: "into", Msg: "只能合并到尚未办结的申请（申请编号 " + p.Serial + " 已" + casework.StateName(p.State) + "）"}
		}
		a, b := c.Intake.Applicant, p.Intake.Applicant
		if !((a.IDNum != "" && a.IDNum == b.IDNum) || (a.IDNum == "" && a.Name == b.Name)) {
			return nil, &errs.Error{Kind: errs.Conflict, Where: "into", Msg: "只能合并同一申请人的申请"}
		}
	case casework.KindTransfer:
		if step.To != 0 {
			if err := s.transfer(ctx, tx, c, step, actor, cal, cfg); err != nil {
				return nil, err
			}
		}
	}
	if err := s.insertEvent(ctx, tx, c.ID, e); err != nil {
		return nil, err
	}
	dl, err := c.Deadline(cfg, cal, workday.FromTime(now))
	if err != nil && !errors.Is(err, workday.ErrNoNotice) {
		return nil, err
	}
	var merged any
	if c.MergedInto != 0 {
		merged = c.MergedInto
	}
	res, err := tx.ExecContext(ctx, `UPDATE cases SET state = $1, outcome = $2, closed_on = $3, due_on = $4, calendar_version = $5,
		merged_into = $6, version = version + 1, updated_at = $7 WHERE id = $8 AND version = $9`,
		string(c.State), c.Outcome, optDate(c.ClosedOn), dueCol(dl), cal.Version(), merged, s.ts(now), c.ID, c.Version)
	if err != nil {
		return nil, mapErr(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, fmt.Errorf("%w: 案件已被他人修改，请刷新后重试", ErrConflict)
	}
	c.Version++
	if step.Kind == casework.KindDecide {
		// the cases merged into this one get the same reply
		ids, err := queryIDs(ctx, tx, `SELECT id FROM cases WHERE merged_into = $1 AND state = 'merged'`, c.ID)
		if err != nil {
			return nil, err
		}
		for _, mid := range ids {
			ms := step
			ms.Note = strings.TrimSpace("与申请编号" + c.Serial + "合并答复。" + step.Note)
			if _, err := s.applyInTx(ctx, tx, mid, ms, actor, cal, cfg); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// transfer registers the application with the responsible agency, received on
// the day of the transfer.
func (s *Store) transfer(ctx context.Context, tx *sql.Tx, c *casework.Case, step casework.Step, actor casework.Actor, cal *workday.Calendar, cfg casework.Config) error {
	if step.To == c.AgencyID {
		return errs.New("to", "不能转送给本机关")
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agencies WHERE id = $1`, step.To).Scan(&n); err != nil || n == 0 {
		return errs.New("to", "要转送的机关不在本系统中：只填写告知内容（referral）即可")
	}
	in := c.Intake
	in.SetReceivedOn(step.On)
	nc, err := casework.NewCase(in, actor, s.Now(), cal)
	if err != nil {
		return err
	}
	nc.Events[0].Basis += "；由" + c.Serial + "号申请转送"
	return s.insertCase(ctx, tx, step.To, nc, cal, cfg)
}

// CaseRow is a case as a list shows it.
type CaseRow struct {
	ID            int64                  `json:"id"`
	AgencyID      int64                  `json:"agency_id"`
	Serial        string                 `json:"serial"`
	Channel       casework.Channel       `json:"channel"`
	ApplicantType casework.ApplicantType `json:"applicant_type"`
	ApplicantName string                 `json:"applicant_name"`
	IDNumber      string                 `json:"id_number"` // masked
	Description   string                 `json:"description"`
	Received      workday.Date           `json:"received_on"`
	State         casework.State         `json:"state"`
	Outcome       string                 `json:"outcome,omitempty"`
	ClosedOn      *workday.Date          `json:"closed_on,omitempty"`
	DueOn         *workday.Date          `json:"due_on,omitempty"`
	DueMovedFrom  *workday.Date          `json:"due_moved_from,omitempty"`
}

// CaseFilter selects cases for a list. Zero values do not filter.
type CaseFilter struct {
	AgencyIDs     []int64 // required: the agencies the viewer may see
	State         casework.State
	Outcome       string
	Channel       casework.Channel
	ApplicantType casework.ApplicantType
	ReceivedFrom  *workday.Date
	ReceivedTo    *workday.Date
	DueBy         *workday.Date // open cases due on or before this date
	DueFrom       *workday.Date // open cases due on or after this date (with DueBy: due soon, not yet overdue)
	OverdueOn     *workday.Date // open cases whose deadline passed before this date (today)
	Query         string        // serial, applicant name or request text
	Limit, Offset int
}

// ListCases returns one page of cases, newest first, and the total count.
func (s *Store) ListCases(ctx context.Context, f CaseFilter) ([]CaseRow, int, error) {
	w, args, ok, err := s.caseWhere(ctx, f)
	if err != nil || !ok {
		return nil, 0, err
	}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE "+w, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	q := "SELECT id, agency_id, serial, channel, applicant_type, applicant_name, id_number, description, received_on, state, outcome, closed_on, due_on, due_moved_from FROM cases WHERE " +
		w + " ORDER BY received_on DESC, id DESC LIMIT " + arg(limit) + " OFFSET " + arg(f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer rows.Close()
	var out []CaseRow
	for rows.Next() {
		var r CaseRow
		var ch, typ, state string
		var rec, closed, due, moved dateCol
		if err := rows.Scan(&r.ID, &r.AgencyID, &r.Serial, &ch, &typ, &r.ApplicantName, &r.IDNumber, &r.Description, &rec, &state, &r.Outcome, &closed, &due, &moved); err != nil {
			return nil, 0, err
		}
		r.Channel, r.ApplicantType, r.State = casework.Channel(ch), casework.ApplicantType(typ), casework.State(state)
		r.Received, r.ClosedOn, r.DueOn, r.DueMovedFrom = rec.d, closed.ptr(), due.ptr(), moved.ptr()
		r.IDNumber = casework.MaskID(r.IDNumber)
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// CountCasesByAgency counts the cases matching f per agency (agencies with
// none are absent): one grouped query, e.g. the overdue ones of every agency
// a supervisor sees. Limit and Offset are ignored.
func (s *Store) CountCasesByAgency(ctx context.Context, f CaseFilter) (map[int64]int, error) {
	out := map[int64]int{}
	w, args, ok, err := s.caseWhere(ctx, f)
	if err != nil || !ok {
		return out, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT agency_id, count(*) FROM cases WHERE "+w+" GROUP BY agency_id", args...)
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
func (s *Store) caseWhere(ctx context.Context, f CaseFilter) (string, []any, bool, error) {
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
	if f.State != "" {
		where = append(where, "state = "+arg(string(f.State)))
	}
	if f.Outcome != "" {
		where = append(where, "outcome = "+arg(f.Outcome))
	}
	if f.Channel != "" {
		where = append(where, "channel = "+arg(string(f.Channel)))
	}
	if f.ApplicantType != "" {
		where = append(where, "applicant_type = "+arg(string(f.ApplicantType)))
	}
	if f.ReceivedFrom != nil {
		where = append(where, "received_on >= "+arg(date(*f.ReceivedFrom)))
	}
	if f.ReceivedTo != nil {
		where = append(where, "received_on <= "+arg(date(*f.ReceivedTo)))
	}
	if f.DueBy != nil {
		where = append(where, "state <> 'closed' AND due_on <= "+arg(date(*f.DueBy)))
	}
	if f.DueFrom != nil {
		where = append(where, "state <> 'closed' AND due_on >= "+arg(date(*f.DueFrom)))
	}
	if f.OverdueOn != nil {
		where = append(where, "state <> 'closed' AND state <> 'merged' AND due_on < "+arg(date(*f.OverdueOn)))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// Two steps: the matching ids come from a scan of the narrow index
		// cases_text (a substring search can seek no index); the filters,
		// order and page then apply to those few cases only, instead of
		// reading every case row in date order to test it.
		find := "instr"
		if s.dialect == Postgres {
			find = "strpos"
		}
		idArgs := []any{q}
		var agencyPH []string
		for _, id := range f.AgencyIDs {
			idArgs = append(idArgs, id)
			agencyPH = append(agencyPH, fmt.Sprintf("$%d", len(idArgs)))
		}
		matches, err := queryIDs(ctx, s.db, "SELECT id FROM cases WHERE agency_id IN ("+strings.Join(agencyPH, ",")+") AND ("+
			find+"(serial, $1) > 0 OR "+find+"(applicant_name, $1) > 0 OR "+find+"(description, $1) > 0)", idArgs...)
		if err != nil {
			return "", nil, false, err
		}
		switch {
		case len(matches) == 0:
			return "", nil, false, nil
		case len(matches) > 2000:
			// too broad to list the ids (SQL parameter limits): one scan
			p := arg(q)
			where = append(where, "("+find+"(serial, "+p+") > 0 OR "+find+"(applicant_name, "+p+") > 0 OR "+find+"(description, "+p+") > 0)")
		default:
			var ph []string
			for _, id := range matches {
				ph = append(ph, arg(id))
			}
			where = append(where, "id IN ("+strings.Join(ph, ",")+")")
		}
	}
	return strings.Join(where, " AND "), args, true, nil
}

// YearTable computes 表三 for an agency and year from its cases, in SQL: new
// by receipt year, outcomes by closing year, carry-in and carry-forward by
// what was open at the year's ends (casework.YearTable is the reference).
func (s *Store) YearTable(ctx context.Context, agencyID int64, year int) (map[string]report.Row, error) {
	first, last := workday.NewDate(year, 1, 1).String(), workday.NewDate(year, 12, 31).String()
	f := report.FormatForYear(year)
	counts := map[string]*[report.NumCols]int64{}
	for _, row := range f.T3Rows() {
		counts[row.Key] = &[report.NumCols]int64{}
	}
	add := func(key string, typ casework.ApplicantType, n int64) {
		col := typ.Column()
		if col < 0 {
			return
		}
		counts[key][col] += n
		counts[key][report.ColTotal] += n
	}
	// One streaming pass over the covering index cases_year, grouped in its
	// own order: for each applicant type and final outcome, how many cases
	// came in, were carried in, closed in the year and were carried forward.
	rows, err := s.db.QueryContext(ctx, `SELECT applicant_type, outcome,
			SUM(CASE WHEN received_on >= $2 AND received_on <= $3 THEN 1 ELSE 0 END),
			SUM(CASE WHEN received_on < $2 AND (closed_on IS NULL OR closed_on >= $2) THEN 1 ELSE 0 END),
			SUM(CASE WHEN closed_on >= $2 AND closed_on <= $3 THEN 1 ELSE 0 END),
			SUM(CASE WHEN received_on <= $3 AND (closed_on IS NULL OR closed_on > $3) THEN 1 ELSE 0 END)
		FROM cases WHERE agency_id = $1
		GROUP BY applicant_type, outcome`, agencyID, first, last)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, outcome string
		var nw, in, closed, fwd int64
		if err := rows.Scan(&typ, &outcome, &nw, &in, &closed, &fwd); err != nil {
			return nil, err
		}
		t := casework.ApplicantType(typ)
		add("new", t, nw)
		add("carried_in", t, in)
		add("carried_forward", t, fwd)
		if closed > 0 {
			o := casework.OutcomeByID(outcome)
			if o == nil {
				o = casework.OutcomeByID("other")
			}
			add(o.RowFor(f), t, closed)
			add("total", t, closed)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := map[string]report.Row{}
	for k, v := range counts {
		var row report.Row
		for i, n := range v {
			row[i] = report.N(n)
		}
		out[k] = row
	}
	return out, nil
}

// ApplicantMonthCount counts the applications an applicant (by identity
// number) made to the agency in the calendar month of day: the 按件 fee counts
// per applicant per month.
func (s *Store) ApplicantMonthCount(ctx context.Context, agencyID int64, idNumber string, day workday.Date) (int, error) {
	t := day.Time()
	first := workday.NewDate(t.Year(), t.Month(), 1)
	last := workday.NewDate(t.Year(), t.Month()+1, 1) - 1
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND id_number = $2 AND received_on >= $3 AND received_on <= $4`,
		agencyID, idNumber, date(first), date(last)).Scan(&n)
	return n, mapErr(err)
}

// RecomputeDeadlines recomputes the deadline of every open case on cal and
// flags each one whose date moved (due_moved_from keeps the old date), as
// needed after a holiday notice is loaded or changed. It returns the moved cases.
func (s *Store) RecomputeDeadlines(ctx context.Context, cal *workday.Calendar, cfg casework.Config) ([]CaseRow, error) {
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM cases WHERE state <> 'closed'`)
	if err != nil {
		return nil, err
	}
	var moved []int64
	today := workday.FromTime(s.Now())
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			c, err := s.getCase(ctx, tx, id, true, cal, cfg)
			if err != nil {
				return err
			}
			dl, err := c.Deadline(cfg, cal, today)
			if err != nil && !errors.Is(err, workday.ErrNoNotice) {
				return err
			}
			var old dateCol
			if err := tx.QueryRowContext(ctx, `SELECT due_on FROM cases WHERE id = $1`, id).Scan(&old); err != nil {
				return err
			}
			if dl.Due != 0 && (!old.valid || old.d != dl.Due) {
				if !old.valid { // unknown until this notice: computed now, not moved
					_, err := tx.ExecContext(ctx, `UPDATE cases SET due_on = $1, calendar_version = $2 WHERE id = $3`, date(dl.Due), cal.Version(), id)
					if err != nil {
						return err
					}
					continue
				}
				moved = append(moved, id)
				if _, err := tx.ExecContext(ctx, `UPDATE cases SET due_moved_from = due_on, due_on = $1, calendar_version = $2 WHERE id = $3`,
					date(dl.Due), cal.Version(), id); err != nil {
					return err
				}
			} else if _, err := tx.ExecContext(ctx, `UPDATE cases SET calendar_version = $1 WHERE id = $2`, cal.Version(), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(moved) == 0 {
		return nil, err
	}
	var out []CaseRow
	for _, id := range moved {
		var ag int64
		s.db.QueryRowContext(ctx, `SELECT agency_id FROM cases WHERE id = $1`, id).Scan(&ag)
		rs, _, err := s.ListCases(ctx, CaseFilter{AgencyIDs: []int64{ag}, Limit: 500})
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if r.ID == id {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// --- holiday notices loaded after the build ------------------------------------------

// SaveNotice stores a year's holiday notice (replacing an earlier load of the same year).
func (s *Store) SaveNotice(ctx context.Context, n workday.Notice, es []workday.Entry, by string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM holiday_entries WHERE notice_year = $1`, n.Year); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM holiday_notices WHERE year = $1`, n.Year); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO holiday_notices (year, number, published, source, loaded_at, loaded_by) VALUES ($1,$2,$3,$4,$5,$6)`,
			n.Year, n.Number, date(n.Published), n.Source, s.ts(s.Now()), by); err != nil {
			return mapErr(err)
		}
		for _, e := range es {
			if _, err := tx.ExecContext(ctx, `INSERT INTO holiday_entries (day, kind, holiday, notice_year, notice) VALUES ($1,$2,$3,$4,$5)`,
				date(e.Date), string(e.Kind), e.Holiday, e.Year, e.Notice); err != nil {
				return mapErr(err)
			}
		}
		return nil
	})
}

// Calendar returns base with every notice stored in the database applied.
func (s *Store) Calendar(ctx context.Context, base *workday.Calendar) (*workday.Calendar, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year, number, published, source FROM holiday_notices ORDER BY year`)
	if err != nil {
		return nil, mapErr(err)
	}
	var ns []workday.Notice
	for rows.Next() {
		var n workday.Notice
		var pub dateCol
		if err := rows.Scan(&n.Year, &n.Number, &pub, &n.Source); err != nil {
			rows.Close()
			return nil, err
		}
		n.Published = pub.d
		ns = append(ns, n)
	}
	rows.Close()
	cal := base
	for _, n := range ns {
		rs, err := s.db.QueryContext(ctx, `SELECT day, kind, holiday, notice_year, notice FROM holiday_entries WHERE notice_year = $1`, n.Year)
		if err != nil {
			return nil, mapErr(err)
		}
		var es []workday.Entry
		for rs.Next() {
			var e workday.Entry
			var d dateCol
			var kind string
			if err := rs.Scan(&d, &kind, &e.Holiday, &e.Year, &e.Notice); err != nil {
				rs.Close()
				return nil, err
			}
			e.Date, e.Kind = d.d, workday.Kind(kind)
			es = append(es, e)
		}
		rs.Close()
		if cal, err = cal.WithNotice(n, es); err != nil {
			return nil, err
		}
	}
	return cal, nil
}

// Backup writes a consistent online copy of a SQLite database to out (VACUUM
// INTO). For PostgreSQL use pg_dump (docs/OPERATIONS.md).
func (s *Store) Backup(ctx context.Context, out string) error {
	if s.dialect != SQLite {
		return errs.New("backup", "PostgreSQL 请使用 pg_dump 备份（见 docs/OPERATIONS.md）")
	}
	_, err := s.db.ExecContext(ctx, `VACUUM INTO $1`, out)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, out, "备份失败：请确认目标文件不存在且目录可写")
	}
	return nil
}

// SuspectDuplicates lists earlier applications to the same agency by the same
// applicant with a similar request within window days: a hint for the clerk,
// who decides whether it is a 重复申请.
func (s *Store) SuspectDuplicates(ctx context.Context, c *casework.Case, window int, cal *workday.Calendar, cfg casework.Config) ([]casework.Suspect, error) {
	a := c.Intake.Applicant
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM cases WHERE agency_id = $1 AND id <> $2 AND received_on >= $3 AND received_on <= $4
		AND ((id_number <> '' AND id_number = $5) OR applicant_name = $6) ORDER BY received_on DESC LIMIT 50`,
		c.AgencyID, c.ID, date(c.Received-workday.Date(window)), date(c.Received), a.IDNum, a.Name)
	if err != nil {
		return nil, err
	}
	var others []*casework.Case
	for _, id := range ids {
		o, err := s.GetCase(ctx, id, cal, cfg)
		if err != nil {
			return nil, err
		}
		others = append(others, o)
	}
	return casework.SuspectDuplicates(c, others, window), nil
}

// Imported is one register row ready to store.
type Imported struct {
	Key  string
	Case *casework.Case
}

// ImportCases stores imported register rows in one transaction. A row whose
// key the agency already has is skipped, so the same file can be imported
// again without duplicates. Any error leaves no trace.
func (s *Store) ImportCases(ctx context.Context, agencyID int64, items []Imported, cal *workday.Calendar, cfg casework.Config) (imported, skipped int, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		imported, skipped = 0, 0
		for _, it := range items {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND import_key = $2`, agencyID, it.Key).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				skipped++
				continue
			}
			if err := s.insertCase(ctx, tx, agencyID, it.Case, cal, cfg); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE cases SET import_key = $1 WHERE id = $2`, it.Key, it.Case.ID); err != nil {
				return mapErr(err)
			}
			imported++
		}
		return nil
	})
	return imported, skipped, err
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
