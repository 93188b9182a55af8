package store

import (
	"context"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
)

// BulkInsertItems stores many published items of one agency with their
// search index in multi-row INSERTs: `gongkai bench search` builds a
// catalog of a million items with it. Each gets the agency's next 索引号
// serial of its year under the default pattern.
func (t *Tx) BulkInsertItems(ctx context.Context, agencyID int64, code string, items []catalog.Item) error {
	byYear := map[int][]*catalog.Item{}
	for i := range items {
		y := items[i].FormedOn.Year()
		byYear[y] = append(byYear[y], &items[i])
	}
	for year, group := range byYear {
		var last int
		err := t.tx.QueryRowContext(ctx, `INSERT INTO sequences (agency_id, name, year, last) VALUES ($1, 'catalog', $2, $3)
			ON CONFLICT (agency_id, name, year) DO UPDATE SET last = sequences.last + $3 RETURNING last`, agencyID, year, len(group)).Scan(&last)
		if err != nil {
			return mapErr(err)
		}
		for i, it := range group {
			it.AgencyID = agencyID
			it.IndexNo, err = catalog.FormatIndex(catalog.DefaultPattern, catalog.IndexParts{Code: code, FormedOn: it.FormedOn, Category: it.Category, Serial: last - len(group) + i + 1})
			if err != nil {
				return err
			}
		}
	}
	const perStatement = 500
	for start := 0; start < len(items); start += perStatement {
		if err := t.bulkItemRows(ctx, items[start:min(start+perStatement, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) bulkItemRows(ctx context.Context, items []catalog.Item) error {
	pg := t.s.dialect == Postgres
	cols := 17
	if pg {
		cols = 20
	}
	var q strings.Builder
	q.WriteString(`INSERT INTO catalog_items (agency_id, index_no, title, summary, formed_on, publisher, category, column_name, attribute, validity,
		body, state, published_on, created_by, created_by_key, created_at, updated_at`)
	if pg {
		q.WriteString(`, search`)
	}
	q.WriteString(`) VALUES `)
	args := make([]any, 0, cols*len(items))
	now := t.s.ts(t.s.Clock.Now())
	texts := make([][2]string, len(items))
	for i, it := range items {
		texts[i] = [2]string{search.Index(it.Title, it.DocNo), search.Index(it.Summary, it.Keywords, it.Publisher, it.Column, it.Body)}
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(")
		n := len(args)
		for j := range 17 {
			if j > 0 {
				q.WriteString(",")
			}
			q.WriteString(t.placeholder(n + j + 1))
		}
		args = append(args, it.AgencyID, it.IndexNo, it.Title, it.Summary, date(it.FormedOn), it.Publisher, it.Category, it.Column,
			string(catalog.Active), string(catalog.Valid), it.Body, string(catalog.Published), optDate(it.PublishedOn), "bench", "bench", now, now)
		if pg {
			q.WriteString(",setweight(to_tsvector('simple', " + t.placeholder(len(args)+1) + "), 'A') || setweight(to_tsvector('simple', " +
				t.placeholder(len(args)+2) + "), 'B') || to_tsvector('simple', " + t.placeholder(len(args)+3) + ")")
			args = append(args, texts[i][0], texts[i][1], searchTags(&items[i])+" "+monthToken(it.PublishedOn))
		}
		q.WriteString(")")
	}
	if pg {
		_, err := t.tx.ExecContext(ctx, q.String(), args...)
		return mapErr(err)
	}
	// the order of RETURNING rows is not promised: match them by 索引号
	q.WriteString(" RETURNING id, index_no")
	rows, err := t.tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return mapErr(err)
	}
	byIndex := make(map[string]int, len(items))
	for i, it := range items {
		byIndex[it.IndexNo] = i
	}
	ids := make([]int64, len(items))
	for rows.Next() {
		var id int64
		var index string
		if err := rows.Scan(&id, &index); err != nil {
			rows.Close()
			return err
		}
		ids[byIndex[index]] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	q.Reset()
	q.WriteString(`INSERT INTO catalog_search (rowid, title, body, tags) VALUES `)
	args = args[:0]
	for i, id := range ids {
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(?,?,?,?)")
		items[i].ID = id
		args = append(args, id, texts[i][0], texts[i][1], searchTags(&items[i]))
	}
	_, err = t.tx.ExecContext(ctx, q.String(), args...)
	return mapErr(err)
}
