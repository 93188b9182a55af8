package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gongkai/internal/casework"
)

// BulkInsertCases stores many new cases of one agency with multi-row
// INSERTs: `gongkai bench seed` builds a province of two million cases with
// it. The cases get their 申请编号 from the agency's sequence as InsertCase
// gives them (numbers allocated in one step per year), their 查询码, IDs and
// events; dls[i] is the deadline of cs[i].
func (t *Tx) BulkInsertCases(ctx context.Context, agencyID int64, cs []*casework.Case, dls []casework.Deadline) error {
	byYear := map[int][]*casework.Case{}
	for _, c := range cs {
		byYear[c.Received.Year()] = append(byYear[c.Received.Year()], c)
	}
	for year, group := range byYear {
		var last int
		err := t.tx.QueryRowContext(ctx, `INSERT INTO sequences (agency_id, name, year, last) VALUES ($1, 'case', $2, $3)
			ON CONFLICT (agency_id, name, year) DO UPDATE SET last = sequences.last + $3 RETURNING last`, agencyID, year, len(group)).Scan(&last)
		if err != nil {
			return mapErr(err)
		}
		for i, c := range group {
			c.AgencyID, c.Serial, c.Code, c.Version = agencyID, fmt.Sprintf("%d-%04d", year, last-len(group)+i+1), queryCode(), 1
		}
	}
	const perStatement = 400 // 23 columns each: under SQLite's parameter limit
	for start := 0; start < len(cs); start += perStatement {
		end := min(start+perStatement, len(cs))
		if err := t.bulkCaseRows(ctx, cs[start:end], dls[start:end]); err != nil {
			return err
		}
	}
	return t.bulkEvents(ctx, cs)
}

// placeholder is parameter n of the dialect. The SQLite driver looks up
// the name of every numbered parameter ("$N", "?N") by a linear search, so a
// statement with thousands of them costs quadratically; plain "?" it binds
// in order.
func (t *Tx) placeholder(n int) string {
	if t.s.dialect == SQLite {
		return "?"
	}
	return "$" + strconv.Itoa(n)
}

func (t *Tx) bulkCaseRows(ctx context.Context, cs []*casework.Case, dls []casework.Deadline) error {
	const cols = 24
	var q strings.Builder
	q.WriteString(`INSERT INTO cases (agency_id, serial, code, channel, applicant_type, applicant_name, id_number, phone,
		description, intake, received_on, state, outcome, closed_on, due_on, extra_on, extra_what, calendar_version, version, created_at, updated_at, units, search_key, marks) VALUES `)
	args := make([]any, 0, cols*len(cs))
	now := t.s.ts(t.s.Clock.Now())
	for i, c := range cs {
		intake, err := json.Marshal(c.Intake)
		if err != nil {
			return err
		}
		a, dl := c.Intake.Applicant, dls[i]
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(")
		for j := range cols {
			if j > 0 {
				q.WriteString(",")
			}
			q.WriteString(t.placeholder(len(args) + j + 1))
		}
		q.WriteString(")")
		args = append(args, c.AgencyID, c.Serial, c.Code, string(c.Intake.Channel), string(a.Type), a.Name, a.IDNum, a.Phone,
			c.Intake.Request.Description, string(intake), date(c.Received), string(c.State), string(c.Outcome), optDate(c.ClosedOn),
			dueCol(dl.Due), dueCol(dl.Extra), dl.ExtraWhat, dl.Calendar, c.Version, now, now, c.Intake.Request.Units(), caseSearchKey(c), int(c.Marks()))
	}
	q.WriteString(" RETURNING id, serial")
	rows, err := t.tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	bySerial := make(map[string]*casework.Case, len(cs))
	for _, c := range cs {
		bySerial[c.Serial] = c
	}
	for rows.Next() {
		var id int64
		var serial string
		if err := rows.Scan(&id, &serial); err != nil {
			return err
		}
		if c := bySerial[serial]; c != nil {
			c.ID = id
		}
	}
	return rows.Err()
}

func (t *Tx) bulkEvents(ctx context.Context, cs []*casework.Case) error {
	const cols, perStatement = 11, 800
	var q strings.Builder
	var args []any
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		_, err := t.tx.ExecContext(ctx, q.String(), args...)
		q.Reset()
		args = args[:0]
		return mapErr(err)
	}
	for _, c := range cs {
		for i := range c.Events {
			e := &c.Events[i]
			step, err := json.Marshal(e.Step)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				q.WriteString(`INSERT INTO case_events (case_id, seq, kind, on_date, at, actor, role, basis, step, before_state, after_state) VALUES `)
			} else {
				q.WriteString(",")
			}
			q.WriteString("(")
			for j := range cols {
				if j > 0 {
					q.WriteString(",")
				}
				q.WriteString(t.placeholder(len(args) + j + 1))
			}
			q.WriteString(")")
			args = append(args, c.ID, e.Seq, string(e.Step.Kind), date(e.Step.On), t.s.ts(e.At), e.Actor.Name, string(e.Actor.Role), e.Basis,
				string(step), string(e.Before), string(e.After))
			if len(args) >= cols*perStatement {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}
