package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/workday"
)

const itemCols = `id, agency_id, index_no, title, summary, formed_on, publisher, doc_no, topic, genre, category, column_name, attribute, ground,
	validity, keywords, body, checklist, state, stage, cycle, published_on, reason, source, created_by, created_by_key, created_at, updated_at, version`

// itemListCols leave the body out: lists never show it.
const itemListCols = `id, agency_id, index_no, title, summary, formed_on, publisher, doc_no, topic, genre, category, column_name, attribute, ground,
	validity, keywords, '', checklist, state, stage, cycle, published_on, reason, source, created_by, created_by_key, created_at, updated_at, version`

// ItemRow is an item with its row version, for optimistic updates.
type ItemRow struct {
	catalog.Item
	Version int
}

func scanItem(sc interface{ Scan(...any) error }) (*ItemRow, error) {
	var it ItemRow
	var formed, pub dateCol
	var created, updated timeCol
	var attr, validity, state, checklist string
	err := sc.Scan(&it.ID, &it.AgencyID, &it.IndexNo, &it.Title, &it.Summary, &formed, &it.Publisher, &it.DocNo, &it.Topic, &it.Genre, &it.Category,
		&it.Column, &attr, &it.Ground, &validity, &it.Keywords, &it.Body, &checklist, &state, &it.Stage, &it.Cycle, &pub, &it.Reason, &it.Source,
		&it.CreatedBy, &it.CreatedByID, &created, &updated, &it.Version)
	if err != nil {
		return nil, mapErr(err)
	}
	it.FormedOn, it.PublishedOn = formed.d, pub.ptr()
	it.Attribute, it.Validity, it.State = catalog.Attribute(attr), catalog.Validity(validity), catalog.State(state)
	it.CreatedAt, it.UpdatedAt = created.t, updated.t
	if checklist != "" {
		it.Checklist = strings.Split(checklist, ",")
	}
	return &it, nil
}

// CreateItem inserts a new item with the next 索引号 of its agency under
// pattern and code. The serial comes from a sequence, so a number is never
// given twice even when the draft is later discarded.
func (t *Tx) CreateItem(ctx context.Context, it *catalog.Item, pattern, code string) error {
	scope := catalog.SerialScope(pattern, it.FormedOn)
	year := 0
	if scope != "all" {
		year = it.FormedOn.Year()
	}
	now := t.s.ts(t.s.Clock.Now())
	// a pattern changed since earlier numbers can meet one of them: take
	// the next serial until the number is free
	for range 20 {
		n, err := next(ctx, t.tx, it.AgencyID, "catalog", year)
		if err != nil {
			return err
		}
		it.IndexNo, err = catalog.FormatIndex(pattern, catalog.IndexParts{Code: code, FormedOn: it.FormedOn, Category: it.Category, Serial: n})
		if err != nil {
			return err
		}
		var taken int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM catalog_items WHERE agency_id = $1 AND index_no = $2`, it.AgencyID, it.IndexNo).Scan(&taken); err != nil {
			return mapErr(err)
		}
		if taken > 0 {
			continue
		}
		return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO catalog_items (agency_id, index_no, title, summary, formed_on, publisher, doc_no, topic, genre, category,
			column_name, attribute, ground, validity, keywords, body, checklist, state, stage, cycle, published_on, reason, source, created_by, created_by_key, created_at, updated_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$26) RETURNING id`,
			it.AgencyID, it.IndexNo, it.Title, it.Summary, date(it.FormedOn), it.Publisher, it.DocNo, it.Topic, it.Genre, it.Category, it.Column,
			string(it.Attribute), it.Ground, string(it.Validity), it.Keywords, it.Body, strings.Join(it.Checklist, ","), string(it.State), it.Stage, it.Cycle,
			optDate(it.PublishedOn), it.Reason, it.Source, it.CreatedBy, it.CreatedByID, now).Scan(&it.ID))
	}
	return ErrConflict
}

// UpdateItem saves an item whose row was read at version. ErrConflict when
// someone changed it since; ErrNotFound when the agency has no such item.
func (t *Tx) UpdateItem(ctx context.Context, it *catalog.Item, version int) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE catalog_items SET title = $1, summary = $2, formed_on = $3, publisher = $4, doc_no = $5, topic = $6, genre = $7,
		category = $8, column_name = $9, attribute = $10, ground = $11, validity = $12, keywords = $13, body = $14, checklist = $15, state = $16, stage = $17,
		cycle = $18, published_on = $19, reason = $20, updated_at = $21, version = version + 1 WHERE id = $22 AND agency_id = $23 AND version = $24`,
		it.Title, it.Summary, date(it.FormedOn), it.Publisher, it.DocNo, it.Topic, it.Genre, it.Category, it.Column, string(it.Attribute), it.Ground,
		string(it.Validity), it.Keywords, it.Body, strings.Join(it.Checklist, ","), string(it.State), it.Stage, it.Cycle, optDate(it.PublishedOn), it.Reason,
		t.s.ts(t.s.Clock.Now()), it.ID, it.AgencyID, version)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var one int
		if err := t.tx.QueryRowContext(ctx, `SELECT 1 FROM catalog_items WHERE id = $1 AND agency_id = $2`, it.ID, it.AgencyID).Scan(&one); err != nil {
			return mapErr(err)
		}
		return ErrConflict
	}
	return t.indexItem(ctx, it)
}

// maxIndexedFileText bounds how much of an item's files' text the search
// index holds: the first pages of a document say what it is about.
const maxIndexedFileText = 64 << 10

// indexItem keeps the search index in step with the item: a published item
// is in it with its current text and the start of its files' text, any
// other is not.
func (t *Tx) indexItem(ctx context.Context, it *catalog.Item) error {
	published := it.State == catalog.Published
	title := search.Index(it.Title, it.DocNo)
	parts := []string{it.Summary, it.Keywords, it.Publisher, it.Column, it.Body}
	if published {
		// the documents published with it are found by what they say
		files, err := t.ItemFileTexts(ctx, it.ID)
		if err != nil {
			return err
		}
		budget := maxIndexedFileText
		for _, f := range files {
			if budget <= 0 {
				break
			}
			text := f.Text
			if len(text) > budget {
				text = strings.ToValidUTF8(text[:budget], "")
			}
			parts = append(parts, text)
			budget -= len(text)
		}
	}
	text := search.Index(parts...)
	if t.s.dialect == Postgres {
		var err error
		if published {
			_, err = t.tx.ExecContext(ctx, `UPDATE catalog_items SET search = setweight(to_tsvector('simple', $1), 'A') || setweight(to_tsvector('simple', $2), 'B')
				|| to_tsvector('simple', $3) WHERE id = $4`, title, text, searchTags(it)+" "+monthToken(it.PublishedOn), it.ID)
		} else {
			_, err = t.tx.ExecContext(ctx, `UPDATE catalog_items SET search = NULL WHERE id = $1`, it.ID)
		}
		return mapErr(err)
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM catalog_search WHERE rowid = $1`, it.ID); err != nil {
		return mapErr(err)
	}
	if !published {
		return nil
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO catalog_search (rowid, title, body, tags) VALUES ($1, $2, $3, $4)`, it.ID, title, text, searchTags(it))
	return mapErr(err)
}

// searchTags are an item's filters as index tokens: a filtered search is
// then one intersection in the index (FTS5's tags column, the tsvector).
// A filter with the year is one token too (ca11x2024): the index then
// intersects a list a fraction of the size of either.
func searchTags(it *catalog.Item) string {
	tags := []string{tagAgency(it.AgencyID), tagCategory(it.Category), tagColumn(it.Column)}
	if it.PublishedOn != nil {
		y := it.PublishedOn.Year()
		tags = append(tags, tagYear(y))
		for _, t := range tags[:3] {
			tags = append(tags, withYear(t, y))
		}
	}
	return strings.Join(tags, " ")
}

func withYear(tag string, y int) string { return tag + "y" + strconv.Itoa(y) }

// filterTags are the tokens a query's filters match: with a year, each
// filter joined to it.
func (q PublicQuery) filterTags() (any []string, all []string) {
	year := func(t string) string {
		if q.Year > 0 {
			return withYear(t, q.Year)
		}
		return t
	}
	for _, id := range q.AgencyIDs {
		any = append(any, year(tagAgency(id)))
	}
	if q.Category != "" {
		all = append(all, year(tagCategory(q.Category)))
	}
	if q.Column != "" {
		all = append(all, year(tagColumn(q.Column)))
	}
	if q.Year > 0 && len(any) == 0 && len(all) == 0 {
		all = append(all, tagYear(q.Year))
	}
	return any, all
}

// monthToken is the publication month as an index token (PostgreSQL): a
// search walks back month by month through the GIN index for the newest
// matches of a common word without reading all of them.
func monthToken(d *workday.Date) string {
	if d == nil {
		return ""
	}
	return "ym" + strings.ReplaceAll(d.String()[:7], "-", "")
}

func tagAgency(id int64) string    { return "ag" + strconv.FormatInt(id, 10) }
func tagCategory(c string) string  { return "ca" + c + "x" }
func tagYear(y int) string         { return "yr" + strconv.Itoa(y) }
func tagColumn(name string) string { return "co" + strconv.FormatUint(uint64(fnv32(name)), 36) }

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Item returns an item of an agency with its row version. ErrNotFound when
// the agency has none with that id.
func (s *Store) Item(ctx context.Context, agencyID, id int64) (*ItemRow, error) {
	return scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemCols+` FROM catalog_items WHERE id = $1 AND agency_id = $2`, id, agencyID))
}

// ItemByID returns an item of any agency; the caller checks who may see it.
func (s *Store) ItemByID(ctx context.Context, id int64) (*ItemRow, error) {
	return scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemCols+` FROM catalog_items WHERE id = $1`, id))
}

// PublishedItem returns a published item of any agency (the public page).
func (s *Store) PublishedItem(ctx context.Context, id int64) (*ItemRow, error) {
	return scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemCols+` FROM catalog_items WHERE id = $1 AND state = 'published'`, id))
}

// ItemFilter selects items for the back office.
type ItemFilter struct {
	AgencyID int64
	States   []catalog.State
	Column   string
	Year     int // formed in the year; 0 any
	Text     string
	Limit    int
	Offset   int
}

// Items lists an agency's items, newest formed first, without bodies, and
// how many match in all.
func (s *Store) Items(ctx context.Context, f ItemFilter) ([]ItemRow, int, error) {
	where, args := []string{"agency_id = $1"}, []any{f.AgencyID}
	add := func(cond string, v ...any) {
		for _, x := range v {
			args = append(args, x)
			cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(args)), 1)
		}
		where = append(where, cond)
	}
	if len(f.States) > 0 {
		ph := make([]string, len(f.States))
		for i, st := range f.States {
			args = append(args, string(st))
			ph[i] = "$" + strconv.Itoa(len(args))
		}
		where = append(where, "state IN ("+strings.Join(ph, ",")+")")
	}
	if f.Column != "" {
		add("column_name = ?", f.Column)
	}
	if f.Year > 0 {
		add("formed_on >= ? AND formed_on <= ?", date(workday.NewDate(f.Year, 1, 1)), date(workday.NewDate(f.Year, 12, 31)))
	}
	if f.Text != "" {
		like := "%" + escapeLike(f.Text) + "%"
		op := s.dialect.like()
		add(`(title `+op+` ? ESCAPE '\' OR index_no `+op+` ? ESCAPE '\' OR doc_no `+op+` ? ESCAPE '\')`, like, like, like)
	}
	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM catalog_items WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+itemListCols+` FROM catalog_items WHERE `+w+` ORDER BY formed_on DESC, id DESC LIMIT `+
		strconv.Itoa(limit)+` OFFSET `+strconv.Itoa(max(f.Offset, 0)), args...)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer rows.Close()
	var out []ItemRow
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *it)
	}
	return out, total, rows.Err()
}

// like is the operator that matches a pattern ignoring the case of Latin
// letters, as SQLite's LIKE does: on PostgreSQL, whose LIKE does not, ILIKE
// (a search for "ppp" found 《PPP项目管理办法》 on one database only).
func (d Dialect) like() string {
	if d == Postgres {
		return "ILIKE"
	}
	return "LIKE"
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// AddReview records a review of an item.
func (t *Tx) AddReview(ctx context.Context, r *catalog.Review) error {
	r.At = t.s.Clock.Now()
	_, err := t.tx.ExecContext(ctx, `INSERT INTO catalog_reviews (item_id, cycle, stage, by_name, by_key, role, decision, note, errors, at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, r.ItemID, r.Cycle, r.Stage, r.By, r.ByKey, string(r.Role), string(r.Decision), r.Note, r.Errors, t.s.ts(r.At))
	return mapErr(err)
}

// AddProof records a proof pass. ErrConflict when the pass is recorded already.
func (t *Tx) AddProof(ctx context.Context, p *catalog.Proof) error {
	p.At = t.s.Clock.Now()
	_, err := t.tx.ExecContext(ctx, `INSERT INTO catalog_proofs (item_id, cycle, pass, by_name, by_key, note, changed, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
		p.ItemID, p.Cycle, p.Pass, p.By, p.ByKey, p.Note, strings.Join(p.Changed, ","), t.s.ts(p.At))
	return mapErr(err)
}

// History returns an item's reviews and proofs, oldest first.
func (s *Store) History(ctx context.Context, itemID int64) (catalog.History, error) {
	var h catalog.History
	rows, err := s.db.QueryContext(ctx, `SELECT cycle, stage, by_name, by_key, role, decision, note, errors, at FROM catalog_reviews WHERE item_id = $1 ORDER BY at, stage`, itemID)
	if err != nil {
		return h, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		r := catalog.Review{ItemID: itemID}
		var role, dec string
		var at timeCol
		if err := rows.Scan(&r.Cycle, &r.Stage, &r.By, &r.ByKey, &role, &dec, &r.Note, &r.Errors, &at); err != nil {
			return h, err
		}
		r.Role, r.Decision, r.At = casework.Role(role), catalog.Decision(dec), at.t
		h.Reviews = append(h.Reviews, r)
	}
	if err := rows.Err(); err != nil {
		return h, err
	}
	prows, err := s.db.QueryContext(ctx, `SELECT cycle, pass, by_name, by_key, note, changed, at FROM catalog_proofs WHERE item_id = $1 ORDER BY cycle, pass`, itemID)
	if err != nil {
		return h, mapErr(err)
	}
	defer prows.Close()
	for prows.Next() {
		p := catalog.Proof{ItemID: itemID}
		var changed string
		var at timeCol
		if err := prows.Scan(&p.Cycle, &p.Pass, &p.By, &p.ByKey, &p.Note, &changed, &at); err != nil {
			return h, err
		}
		if changed != "" {
			p.Changed = strings.Split(changed, ",")
		}
		p.At = at.t
		h.Proofs = append(h.Proofs, p)
	}
	return h, prows.Err()
}

// ItemFile is a file kept with an item (the document as issued: PDF, DOCX).
type ItemFile struct {
	ID          int64  `json:"id"`
	ItemID      int64  `json:"item_id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	// Note says what was done to the file before it was kept (区分处理)
	Note string `json:"note,omitempty"`
	// Text is the file's text as read on upload (nil: none could be read),
	// for the checks; written, not listed
	Text *string `json:"-"`
}

// AddItemFile stores a file with an item.
func (t *Tx) AddItemFile(ctx context.Context, f *ItemFile, data []byte, by string) error {
	f.Size = int64(len(data))
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO catalog_files (item_id, name, content_type, size, data, uploaded_at, uploaded_by, text, text_state, note)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`, f.ItemID, f.Name, f.ContentType, f.Size, data, t.s.ts(t.s.Clock.Now()), by, f.Text, textState(f.Text), f.Note).Scan(&f.ID))
}

// textState is the text_state of a file's text as read (nil: none).
func textState(text *string) string {
	if text == nil {
		return "none"
	}
	return "read"
}

// UnreadFile is a file kept before files were read on upload.
type UnreadFile struct {
	ID, ItemID, AgencyID int64
	Name                 string
	Data                 []byte
}

// UnreadFiles are up to limit files whose text was never read, oldest first.
func (s *Store) UnreadFiles(ctx context.Context, limit int) ([]UnreadFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.item_id, i.agency_id, f.name, f.data FROM catalog_files f JOIN catalog_items i ON i.id = f.item_id
		WHERE f.text_state = '' ORDER BY f.id LIMIT $1`, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []UnreadFile
	for rows.Next() {
		var f UnreadFile
		if err := rows.Scan(&f.ID, &f.ItemID, &f.AgencyID, &f.Name, &f.Data); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SetFileText records the text read from a file (nil: none could be) and
// puts a published item's index in step with it.
func (t *Tx) SetFileText(ctx context.Context, itemID, id int64, text *string) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE catalog_files SET text = $1, text_state = $2 WHERE id = $3 AND item_id = $4`, text, textState(text), id, itemID); err != nil {
		return mapErr(err)
	}
	it, err := scanItem(t.tx.QueryRowContext(ctx, `SELECT `+itemCols+` FROM catalog_items WHERE id = $1`, itemID))
	if err != nil {
		return err
	}
	return t.indexItem(ctx, &it.Item)
}

// RemoveItemFile deletes a file of an item. ErrNotFound when it has none such.
func (t *Tx) RemoveItemFile(ctx context.Context, itemID, id int64) (string, error) {
	var name string
	err := t.tx.QueryRowContext(ctx, `DELETE FROM catalog_files WHERE id = $1 AND item_id = $2 RETURNING name`, id, itemID).Scan(&name)
	return name, mapErr(err)
}

// ItemFileTexts are the texts of an item's files as read on upload, for the
// checks (catalog.CheckFiles).
func (t *Tx) ItemFileTexts(ctx context.Context, itemID int64) ([]catalog.FileText, error) {
	return itemFileTexts(ctx, t.tx, itemID)
}

// ItemFileTexts is Tx.ItemFileTexts outside a transaction.
func (s *Store) ItemFileTexts(ctx context.Context, itemID int64) ([]catalog.FileText, error) {
	return itemFileTexts(ctx, s.db, itemID)
}

func itemFileTexts(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, itemID int64) ([]catalog.FileText, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, text, text_state FROM catalog_files WHERE item_id = $1 ORDER BY id`, itemID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []catalog.FileText
	for rows.Next() {
		var f catalog.FileText
		var text sql.NullString
		var state string
		if err := rows.Scan(&f.Name, &text, &state); err != nil {
			return nil, err
		}
		f.Text, f.Read, f.Before = text.String, state == "read", state == ""
		out = append(out, f)
	}
	return out, rows.Err()
}

// ReplaceItemFile stores a file with an item in place of the one of the same name.
func (t *Tx) ReplaceItemFile(ctx context.Context, f *ItemFile, data []byte, by string) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM catalog_files WHERE item_id = $1 AND name = $2`, f.ItemID, f.Name); err != nil {
		return mapErr(err)
	}
	return t.AddItemFile(ctx, f, data, by)
}

// ItemFiles lists an item's files.
func (s *Store) ItemFiles(ctx context.Context, itemID int64) ([]ItemFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, item_id, name, content_type, size, note FROM catalog_files WHERE item_id = $1 ORDER BY id`, itemID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []ItemFile
	for rows.Next() {
		var f ItemFile
		if err := rows.Scan(&f.ID, &f.ItemID, &f.Name, &f.ContentType, &f.Size, &f.Note); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// ItemFileData returns a file of an item. ErrNotFound when it has no such file.
func (s *Store) ItemFileData(ctx context.Context, itemID, id int64) (*ItemFile, []byte, error) {
	f := &ItemFile{}
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, item_id, name, content_type, size, data FROM catalog_files WHERE id = $1 AND item_id = $2`, id, itemID).
		Scan(&f.ID, &f.ItemID, &f.Name, &f.ContentType, &f.Size, &data)
	return f, data, mapErr(err)
}

// PublicQuery selects published items for the public catalog.
type PublicQuery struct {
	AgencyIDs []int64 // nil: every agency
	Category  string
	Column    string
	Year      int // published in the year
	Q         search.Query
	Limit     int
	Offset    int
}

// Hit is a published item in a public list.
type Hit struct {
	catalog.Item
	AgencyName string
}

// CountCap bounds the count of a list's matches: past it the page says
// "more than"; counting further costs time and helps no one.
const CountCap = 2000

// candidates is how many of a search's newest matches are ranked by
// relevance: a two-character word can match a tenth of a catalog of a
// million, and no one pages through more than a hundred pages, while
// ranking all of them would cost time in proportion to the matches.
var candidates = CountCap

// PublicItems lists published items: by relevance when there is a query
// (title matches weigh four times the rest, ranked among the newest
// `candidates` matches), else newest first; total is the number of matches
// up to CountCap+1 (more than CountCap).
func (s *Store) PublicItems(ctx context.Context, q PublicQuery) (hits []Hit, total int, err error) {
	limit := q.Limit
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	var ids []int64
	switch {
	case len(q.Q.Phrases) > 0 && s.dialect == SQLite:
		ids, total, err = s.searchFTS5(ctx, q, limit)
	case len(q.Q.Phrases) > 0:
		ids, total, err = s.searchPG(ctx, q, limit)
	default:
		ids, total, err = s.searchSQL(ctx, q, limit)
	}
	if err != nil || len(ids) == 0 {
		return nil, total, err
	}
	hits, err = s.hitsByID(ctx, ids)
	return hits, total, err
}

// searchFTS5 answers a text search in SQLite from the index alone: the
// filters are tags in it, and the item table is read only for the page.
func (s *Store) searchFTS5(ctx context.Context, q PublicQuery, limit int) ([]int64, int, error) {
	// the words are looked for in the text, never in the tags
	match := "{title body} : (" + q.Q.FTS5() + ")"
	anyOf, allOf := q.filterTags()
	tags := allOf
	if len(anyOf) > 0 {
		tags = append(tags, "("+strings.Join(anyOf, " OR ")+")")
	}
	if len(tags) > 0 {
		match = "(" + match + ") AND tags : (" + strings.Join(tags, " AND ") + ")"
	}
	// one-character terms are not in the index: they filter the candidates
	var like []string
	var args []any
	args = append(args, match)
	for _, one := range q.Q.Single {
		args = append(args, "%"+escapeLike(one)+"%")
		like = append(like, `(i.title LIKE ? ESCAPE '\' OR i.summary LIKE ? ESCAPE '\')`)
		args = append(args, "%"+escapeLike(one)+"%")
	}
	cand := `SELECT rowid, bm25(catalog_search, 4.0, 1.0, 0.0) AS r FROM catalog_search WHERE catalog_search MATCH ? ORDER BY rowid DESC LIMIT ` + strconv.Itoa(candidates)
	var total int
	var err error
	if len(like) == 0 {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM catalog_search WHERE catalog_search MATCH ? LIMIT `+strconv.Itoa(candidates+1)+`)`, match).Scan(&total)
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+cand+`) f JOIN catalog_items i ON i.id = f.rowid WHERE `+strings.Join(like, " AND "), args...).Scan(&total)
	}
	if err != nil {
		return nil, 0, mapErr(err)
	}
	page := `SELECT f.rowid FROM (` + cand + `) f`
	if len(like) > 0 {
		page += ` JOIN catalog_items i ON i.id = f.rowid WHERE ` + strings.Join(like, " AND ")
	}
	page += ` ORDER BY f.r, f.rowid DESC LIMIT ` + strconv.Itoa(limit) + ` OFFSET ` + strconv.Itoa(max(q.Offset, 0))
	ids, err := queryIDs(ctx, s.db, page, args...)
	return ids, total, err
}

// filters are the conditions of a public list other than the text, as SQL
// with its arguments numbered from first.
func (q PublicQuery) filters(d Dialect, args []any) ([]string, []any) {
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	where := []string{"state = 'published'"}
	if len(q.AgencyIDs) > 0 {
		ph := make([]string, len(q.AgencyIDs))
		for i, id := range q.AgencyIDs {
			ph[i] = arg(id)
		}
		where = append(where, "agency_id IN ("+strings.Join(ph, ",")+")")
	}
	if q.Category != "" {
		where = append(where, "category = "+arg(q.Category))
	}
	if q.Column != "" {
		where = append(where, "column_name = "+arg(q.Column))
	}
	if q.Year > 0 {
		where = append(where, "published_on >= "+arg(date(workday.NewDate(q.Year, 1, 1)))+" AND published_on <= "+arg(date(workday.NewDate(q.Year, 12, 31))))
	}
	for _, one := range q.Q.Single {
		like := "%" + escapeLike(one) + "%"
		where = append(where, `(title `+d.like()+` `+arg(like)+` ESCAPE '\' OR summary `+d.like()+` `+arg(like)+` ESCAPE '\')`)
	}
	return where, args
}

// searchSQL lists published items newest first (no text).
func (s *Store) searchSQL(ctx context.Context, q PublicQuery, limit int) ([]int64, int, error) {
	where, args := q.filters(s.dialect, nil)
	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM catalog_items WHERE `+w+` LIMIT `+strconv.Itoa(CountCap+1)+`) x`, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM catalog_items WHERE `+w+` ORDER BY published_on DESC, id DESC LIMIT `+strconv.Itoa(limit)+
		` OFFSET `+strconv.Itoa(max(q.Offset, 0)), args...)
	return ids, total, err
}

// candidate is a match of a PostgreSQL search with its rank.
type candidate struct {
	id   int64
	on   string
	rank float64
}

// searchPG answers a text search in PostgreSQL from the GIN index alone:
// the filters are tokens in it, and the search walks back from the newest
// month in windows four times larger each time (month tokens) until it
// holds `candidates` matches, ranked by ts_rank. A common word costs a few
// thousand rows, not all of its matches; a rare one a few index probes.
// The count is exact when the walk reached the oldest month, else
// "more than CountCap".
func (s *Store) searchPG(ctx context.Context, q PublicQuery, limit int) ([]int64, int, error) {
	cands, exhausted, err := s.pgNewest(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	total := len(cands)
	if !exhausted || total > candidates {
		total = candidates + 1
	}
	if len(cands) > candidates {
		sort.Slice(cands, func(i, j int) bool {
			return cands[i].on > cands[j].on || cands[i].on == cands[j].on && cands[i].id > cands[j].id
		})
		cands = cands[:candidates]
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.rank != b.rank {
			return a.rank > b.rank
		}
		if a.on != b.on {
			return a.on > b.on
		}
		return a.id > b.id
	})
	from := min(max(q.Offset, 0), len(cands))
	ids := make([]int64, 0, limit)
	for _, c := range cands[from:min(from+limit, len(cands))] {
		ids = append(ids, c.id)
	}
	return ids, total, nil
}

// pgTags is the filters of a query as tsquery terms.
func (q PublicQuery) pgTags() string {
	anyOf, allOf := q.filterTags()
	t := allOf
	if len(anyOf) > 0 {
		t = append(t, "("+strings.Join(anyOf, " | ")+")")
	}
	return strings.Join(t, " & ")
}

func (s *Store) pgCandidates(ctx context.Context, w string, args []any) ([]candidate, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, published_on, ts_rank(search, to_tsquery('simple', $1)) FROM catalog_items WHERE `+w, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var on dateCol
		if err := rows.Scan(&c.id, &on, &c.rank); err != nil {
			return nil, err
		}
		c.on = on.d.String()
		out = append(out, c)
	}
	return out, rows.Err()
}

// pgNewest collects at least `candidates` of the newest matches (all of
// them when there are fewer: exhausted).
func (s *Store) pgNewest(ctx context.Context, q PublicQuery) (out []candidate, exhausted bool, err error) {
	var first, last dateCol
	if err := s.db.QueryRowContext(ctx, `SELECT min(published_on), max(published_on) FROM catalog_items WHERE state = 'published'`).Scan(&first, &last); err != nil {
		return nil, false, mapErr(err)
	}
	if !first.valid {
		return nil, true, nil
	}
	month := func(d workday.Date) int { t := d.Time(); return t.Year()*12 + int(t.Month()) - 1 }
	lo, hi := month(first.d), month(last.d)
	if q.Year > 0 {
		lo, hi = max(lo, q.Year*12), min(hi, q.Year*12+11)
	}
	// the words are looked for in the text (weights A, B), never in the
	// filter and month tokens (D)
	user := q.Q.TSQueryIn("AB")
	filter := "(" + user + ")"
	if tags := q.pgTags(); tags != "" {
		filter += " & " + tags
	}
	// one-character words are not in the index: they filter the rows
	var like []string
	args := []any{user, ""}
	for _, one := range q.Q.Single {
		args = append(args, "%"+escapeLike(one)+"%")
		like = append(like, ` AND (title ILIKE $`+strconv.Itoa(len(args))+` ESCAPE '\' OR summary ILIKE $`+strconv.Itoa(len(args))+` ESCAPE '\')`)
	}
	w := `state = 'published' AND search @@ to_tsquery('simple', $2)` + strings.Join(like, "")
	// the first window is the newest month; each next one is sized from the
	// rate of matches so far to hold what is still needed (with a margin),
	// so that about `candidates` rows are read whatever the word's rate
	// the newest month is partly over: it counts for the share of it gone by
	t := last.d.Time()
	covered, size := -1+float64(t.Day())/float64(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()), 1
	for hi >= lo && len(out) < candidates {
		from := max(lo, hi-size+1)
		args[1] = filter + " & (" + strings.Join(cover(from, hi), " | ") + ")"
		got, err := s.pgCandidates(ctx, w, args)
		if err != nil {
			return nil, false, err
		}
		out = append(out, got...)
		covered += float64(hi - from + 1)
		hi = from - 1
		if len(out) == 0 {
			size *= 4
			continue
		}
		// a rate measured on few matches is uncertain (the newest month may
		// be quiet): aim short of the estimate, as another window costs a few
		// index probes and reading twice the rows needed costs more
		margin := 1.1
		if len(out) < candidates/4 {
			margin = 0.7
		}
		rate := float64(len(out)) / max(covered, 0.1)
		size = max(1, int(float64(candidates-len(out))/rate*margin)+1)
	}
	return out, hi < lo, nil
}

// cover is the tokens of the months a..b, newest first.
func cover(a, b int) []string {
	var out []string
	for m := b; m >= a; {
		y := m / 12
		if m%12 == 11 && y*12 >= a { // the whole year y
			out = append(out, tagYear(y))
			m = y*12 - 1
			continue
		}
		out = append(out, fmt.Sprintf("ym%04d%02d", y, m%12+1))
		m--
	}
	return out
}

// hitsByID reads the items of a page in the page's order.
func (s *Store) hitsByID(ctx context.Context, ids []int64) ([]Hit, error) {
	in, args := inList(ids, 1)
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("i.", itemListCols)+`, a.name FROM catalog_items i JOIN agencies a ON a.id = i.agency_id WHERE i.id IN (`+in+`)`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	byID := make(map[int64]Hit, len(ids))
	for rows.Next() {
		var h Hit
		it, err := scanItem(scanTail{rows, &h.AgencyName})
		if err != nil {
			return nil, err
		}
		h.Item = it.Item
		byID[h.ID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(ids))
	for _, id := range ids {
		if h, ok := byID[id]; ok {
			out = append(out, h)
		}
	}
	return out, nil
}

// scanTail scans a row whose last column goes to extra.
type scanTail struct {
	rows  *sql.Rows
	extra any
}

func (s scanTail) Scan(dst ...any) error { return s.rows.Scan(append(dst, s.extra)...) }

// prefixed qualifies each column of a list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		c = strings.TrimSpace(c)
		if c != "''" {
			c = p + c
		}
		parts[i] = c
	}
	return strings.Join(parts, ", ")
}

// PublishedIn returns the published items of agencies formed or published in
// a period, without bodies (the report's facts, the columns' freshness).
func (s *Store) PublishedIn(ctx context.Context, agencyID int64, from, to workday.Date) ([]catalog.Item, error) {
	return s.itemList(ctx, `agency_id = $1 AND state = 'published' AND published_on >= $2 AND published_on <= $3 ORDER BY published_on`,
		agencyID, date(from), date(to))
}

// RecentTitles returns the ids and titles of an agency's newest published
// items, at most limit: the decision form compares a thousand of them with
// the request each time it is unfolded, so nothing else is read.
func (s *Store) RecentTitles(ctx context.Context, agencyID int64, limit int) ([]catalog.Item, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title FROM catalog_items
		WHERE agency_id = $1 AND state = 'published' ORDER BY published_on DESC, id DESC LIMIT `+strconv.Itoa(max(limit, 1)), agencyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []catalog.Item
	for rows.Next() {
		it := catalog.Item{AgencyID: agencyID}
		if err := rows.Scan(&it.ID, &it.Title); err != nil {
			return nil, mapErr(err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// PublishedItems returns an agency's published items by id, without
// bodies, in the order given; ids not published there are left out.
func (s *Store) PublishedItems(ctx context.Context, agencyID int64, ids []int64) ([]catalog.Item, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids, 2)
	items, err := s.itemList(ctx, `agency_id = $1 AND state = 'published' AND id IN (`+in+`)`, append([]any{agencyID}, args...)...)
	if err != nil {
		return nil, err
	}
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	sort.Slice(items, func(i, j int) bool { return pos[items[i].ID] < pos[items[j].ID] })
	return items, nil
}

// Pending returns the agencies' items not yet published that Art. 26 asks
// to publish (主动公开, not withdrawn) formed on formedBy or before, oldest
// formed first: all of them, so that a backlog is counted whole (the
// caller picks the day: those formed later cannot be due yet).
func (s *Store) Pending(ctx context.Context, ids []int64, formedBy workday.Date) ([]catalog.Item, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids, 1)
	args = append(args, date(formedBy))
	return s.itemList(ctx, `agency_id IN (`+in+`) AND state IN ('draft','review','approved') AND attribute = 'active' AND formed_on <= $`+
		strconv.Itoa(len(args))+` ORDER BY formed_on, id`, args...)
}

// itemList reads items without their bodies.
func (s *Store) itemList(ctx context.Context, where string, args ...any) ([]catalog.Item, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+itemListCols+` FROM catalog_items WHERE `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []catalog.Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it.Item)
	}
	return out, rows.Err()
}

// ColumnStat is a column's published items in a period and its last update.
type ColumnStat struct {
	Items int
	Last  *workday.Date
}

// ColumnStats counts an agency's published items per column in a period and
// the last publication of each column ever.
func (s *Store) ColumnStats(ctx context.Context, agencyID int64, from, to workday.Date) (map[string]ColumnStat, error) {
	all, err := s.ColumnStatsIn(ctx, []int64{agencyID}, from, to)
	return all[agencyID], err
}

// ColumnStatsIn is ColumnStats of several agencies at once, by agency.
func (s *Store) ColumnStatsIn(ctx context.Context, agencyIDs []int64, from, to workday.Date) (map[int64]map[string]ColumnStat, error) {
	out := map[int64]map[string]ColumnStat{}
	if len(agencyIDs) == 0 {
		return out, nil
	}
	in, args := inList(agencyIDs, 3)
	rows, err := s.db.QueryContext(ctx, `SELECT agency_id, column_name, count(CASE WHEN published_on >= $1 AND published_on <= $2 THEN 1 END), max(published_on)
		FROM catalog_items WHERE agency_id IN (`+in+`) AND state = 'published' GROUP BY agency_id, column_name`, append([]any{date(from), date(to)}, args...)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var agency int64
		var name string
		var st ColumnStat
		var last dateCol
		if err := rows.Scan(&agency, &name, &st.Items, &last); err != nil {
			return nil, err
		}
		st.Last = last.ptr()
		if out[agency] == nil {
			out[agency] = map[string]ColumnStat{}
		}
		out[agency][name] = st
	}
	return out, rows.Err()
}

// ItemByReport returns the catalog item an annual report was published as.
func (s *Store) ItemByReport(ctx context.Context, agencyID int64, year int) (*ItemRow, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT item_id FROM reports WHERE agency_id = $1 AND year = $2`, agencyID, year).Scan(&id)
	if err != nil {
		return nil, mapErr(err)
	}
	if !id.Valid {
		return nil, ErrNotFound
	}
	return s.Item(ctx, agencyID, id.Int64)
}
