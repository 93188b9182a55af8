package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"gongkai/internal/casework"
)

// AddProposal keeps a step proposed for the head of the office; a case with
// one already waiting is ErrConflict (the unique index says so).
func (t *Tx) AddProposal(ctx context.Context, caseID int64, p *casework.Proposal) error {
	step, err := json.Marshal(p.Step)
	if err != nil {
		return err
	}
	p.At, p.State = t.s.Clock.Now(), casework.ProposalPending
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO case_proposals (case_id, step, note, by_name, by_user, at, state)
		VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, caseID, string(step), p.Note, p.By, p.ByID, t.s.ts(p.At), string(p.State)).Scan(&p.ID))
}

// CloseProposal settles the case's waiting proposal (approved, returned or
// withdrawn), by whom and with what comment; ErrNotFound when none waits.
func (t *Tx) CloseProposal(ctx context.Context, caseID int64, state casework.ProposalState, by, comment string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE case_proposals SET state = $1, decided_by = $2, decided_at = $3, comment = $4
		WHERE case_id = $5 AND state = 'pending'`, string(state), by, t.s.ts(t.s.Clock.Now()), comment, caseID)
	if err != nil {
		return mapErr(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return ErrNotFound
	}
	return nil
}

// PendingProposal is the case's waiting proposal, read in the transaction
// that settles it; ErrNotFound when none waits.
func (t *Tx) PendingProposal(ctx context.Context, caseID int64) (*casework.Proposal, error) {
	ps, err := scanProposals(t.tx.QueryContext(ctx, proposalSelect+` WHERE case_id = $1 AND state = 'pending'`, caseID))
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, ErrNotFound
	}
	return &ps[0], nil
}

// Proposals are a case's proposals, oldest first.
func (s *Store) Proposals(ctx context.Context, caseID int64) ([]casework.Proposal, error) {
	return scanProposals(s.db.QueryContext(ctx, proposalSelect+` WHERE case_id = $1 ORDER BY id`, caseID))
}

const proposalSelect = `SELECT id, step, note, by_name, by_user, at, state, decided_by, decided_at, comment FROM case_proposals`

func scanProposals(rows *sql.Rows, err error) ([]casework.Proposal, error) {
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.Proposal
	for rows.Next() {
		var p casework.Proposal
		var step, state string
		var at, decided timeCol
		if err := rows.Scan(&p.ID, &step, &p.Note, &p.By, &p.ByID, &at, &state, &p.DecidedBy, &decided, &p.Comment); err != nil {
			return nil, mapErr(err)
		}
		if err := json.Unmarshal([]byte(step), &p.Step); err != nil {
			return nil, fmt.Errorf("proposal %d: %w", p.ID, err)
		}
		p.At, p.DecidedAt, p.State = at.t, decided.t, casework.ProposalState(state)
		out = append(out, p)
	}
	return out, mapErr(rows.Err())
}

// ProposedAmong is, of the cases given, those with a proposal waiting.
func (s *Store) ProposedAmong(ctx context.Context, caseIDs []int64) (map[int64]bool, error) {
	at, err := s.latest(ctx, `SELECT case_id, MAX(at) FROM case_proposals WHERE state = 'pending' AND case_id IN (%s) GROUP BY case_id`, caseIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(at))
	for id := range at {
		out[id] = true
	}
	return out, nil
}
