package store

import (
	"context"
	"math/big"

	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// ProactiveFromLedgers fills 表二's decision counts and fee total (万元) for a
// year from the ledgers. The counts include every decision, published or not
// (国办公开办函〔2021〕30号).
func (s *Store) ProactiveFromLedgers(ctx context.Context, agencyID int64, year int, r *report.Report) error {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM decisions WHERE agency_id = $1 AND decided_on >= $2 AND decided_on <= $3 GROUP BY kind`,
		agencyID, date(first), date(last))
	if err != nil {
		return mapErr(err)
	}
	counts := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return err
		}
		counts[k] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range []string{"licensing", "penalty", "coercion"} {
		r.Proactive.Set(k+".decisions", report.N(counts[k]))
	}
	if r.Format != report.Format2021 {
		return nil
	}
	// amounts are decimal text: summed exactly, never as floats
	amounts, err := s.db.QueryContext(ctx, `SELECT amount FROM decisions WHERE agency_id = $1 AND kind = 'fee' AND decided_on >= $2 AND decided_on <= $3`,
		agencyID, date(first), date(last))
	if err != nil {
		return mapErr(err)
	}
	defer amounts.Close()
	sum := new(big.Rat)
	for amounts.Next() {
		var a string
		if err := amounts.Scan(&a); err != nil {
			return err
		}
		if v, ok := new(big.Rat).SetString(a); ok {
			sum.Add(sum, v)
		}
	}
	wan := new(big.Rat).Quo(sum, big.NewRat(10000, 1))
	r.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount(wan.FloatString(6)))
	return amounts.Err()
}
