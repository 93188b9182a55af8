package ops

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// ImportProgress is how far an import has got: rows checked (Stage 检查) or
// written (Stage 写入), and the problems found so far.
type ImportProgress struct {
	Stage              string
	Done, Total, Found int
}

// importRun is how one import runs: a preview or for real, and what to do
// inside its transaction besides the rows (drop the staged file).
type importRun struct {
	validOnly, commit bool
	progress          func(ImportProgress)
	after             func(tx *store.Tx) error
	handlers          map[string]int64 // 承办人 by the name a register gives them
	file              string           // the file's name as the clerk gave it
}

func (r importRun) report(stage string, done, total, found int) {
	if r.progress != nil {
		r.progress(ImportProgress{Stage: stage, Done: done, Total: total, Found: found})
	}
}

// ImportCases turns register rows into cases and stores them in one
// transaction, with one audit entry: all land, or none. A row the agency
// already has (same key) is skipped, so a file can be imported again.
// The rows that cannot become cases are returned as errors with nothing
// written, unless validOnly keeps the good ones.
func (s *Service) ImportCases(ctx context.Context, p Principal, agencyID int64, rows []importer.Row, validOnly, commit bool) (imported, skipped int, bad []importer.RowError, err error) {
	return s.importCases(ctx, p, agencyID, rows, importRun{validOnly: validOnly, commit: commit})
}

// checkRows makes cases of the rows a chunk at a time, telling progress.
func checkRows(rows []importer.Row, run importRun, actor casework.Actor, s *Service, cfg casework.Config, cal *workday.Calendar) ([]importer.Ready, []importer.RowError) {
	var ready []importer.Ready
	var bad []importer.RowError
	const chunk = 2000
	for i := 0; i < len(rows); i += chunk {
		r, b := importer.Cases(rows[i:min(i+chunk, len(rows))], actor, s.Clock, cfg, cal)
		ready, bad = append(ready, r...), append(bad, b...)
		run.report("检查", min(i+chunk, len(rows)), len(rows), len(bad))
	}
	return ready, bad
}

func (s *Service) importCases(ctx context.Context, p Principal, agencyID int64, rows []importer.Row, run importRun) (imported, skipped int, bad []importer.RowError, err error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return 0, 0, nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return 0, 0, nil, err
	}
	ready, bad := checkRows(rows, run, casework.Actor{Name: p.Name, Role: casework.Approver}, s, st.Case, cal)
	if !run.commit || (len(bad) > 0 && !run.validOnly) {
		return 0, 0, bad, nil
	}
	err = s.write(ctx, p, "case.import", func(tx *store.Tx, e *audit.Entry) error {
		for i, r := range ready {
			if i%500 == 0 || i == len(ready)-1 {
				run.report("写入", i+1, len(ready), len(bad))
			}
			had, err := tx.HasImportKey(ctx, agencyID, r.Key)
			if err != nil {
				return err
			}
			if had {
				skipped++
				continue
			}
			if err := tx.InsertCase(ctx, agencyID, r.Case, s.deadline(r.Case, st.Case, cal)); err != nil {
				return fmt.Errorf("%s：%w", r.Where(), err)
			}
			if err := tx.SetImportKey(ctx, r.Case.ID, r.Key); err != nil {
				return err
			}
			if id := run.handlers[r.Handler]; id != 0 {
				if err := tx.SetHandler(ctx, r.Case.ID, id); err != nil {
					return err
				}
			}
			imported++
		}
		e.AgencyID, e.Detail = agencyID, fmt.Sprintf("导入 %d 件，跳过此前已导入的 %d 件", imported, skipped)
		if run.after != nil {
			return run.after(tx)
		}
		return nil
	})
	if err != nil {
		return 0, 0, bad, err
	}
	return imported, skipped, bad, nil
}

// importDecisions stores decision and fee ledger rows (表二's sources) in one
// transaction, skipping the ones the agency already has; the rows added
// carry the import, which the clerk can take back (UndoLedgerImport).
func (s *Service) importDecisions(ctx context.Context, p Principal, agencyID int64, ds []importer.Decision, run importRun) (imported, skipped int, err error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return 0, 0, err
	}
	err = s.write(ctx, p, "decision.import", func(tx *store.Tx, e *audit.Entry) error {
		id, err := tx.BeginLedgerImport(ctx, agencyID, run.file, p.Name)
		if err != nil {
			return err
		}
		for i, d := range ds {
			if i%500 == 0 || i == len(ds)-1 {
				run.report("写入", i+1, len(ds), 0)
			}
			ok, err := tx.InsertDecision(ctx, agencyID, id, d)
			if err != nil {
				return err
			}
			if ok {
				imported++
			} else {
				skipped++
			}
		}
		if err := tx.FinishLedgerImport(ctx, id, imported); err != nil {
			return err
		}
		e.AgencyID, e.Detail = agencyID, fmt.Sprintf("导入 %d 条，跳过此前已导入的 %d 条", imported, skipped)
		if imported > 0 {
			e.Object, e.Detail = run.file, fmt.Sprintf("从“%s”%s", run.file, e.Detail)
		}
		if run.after != nil {
			return run.after(tx)
		}
		return nil
	})
	return imported, skipped, err
}

// ImportKind is what a ledger file holds.
type ImportKind string

const (
	ImportCases     ImportKind = "cases"     // 依申请公开台账
	ImportDecisions ImportKind = "decisions" // 行政许可、处罚、强制决定台账或收费台账
	ImportDocuments ImportKind = "documents" // 规章和行政规范性文件台账
)

// ImportKinds are the ledgers a clerk can import, with their names: the
// upload form and the command line are made from this list.
var ImportKinds = []struct {
	ID   ImportKind
	Name string
}{
	{ImportCases, "依申请公开台账（申请登记表）"},
	{ImportDecisions, "行政许可、处罚、强制决定或收费台账"},
	{ImportDocuments, "规章和行政规范性文件台账（表二第一项）"},
}

// ImportRequest is one ledger file to import, as the clerk gave it.
type ImportRequest struct {
	Kind      ImportKind
	Name      string // the file name: its extension decides XLSX or CSV
	Data      []byte
	Sheet     string            // XLSX sheet, default the first
	Category  string            // decisions: the category when the file has no 类别 column
	Map       map[string]string // header text → field id, the clerk's corrections of the mapping
	Commit    bool              // false: a preview, nothing is written
	ValidOnly bool              // with Commit: skip the bad rows and import the rest
	// Progress, when set, is told how far the import has got.
	Progress func(ImportProgress)
	// Staged names the staged file being confirmed: it is removed in the
	// import's transaction.
	Staged string
}

// ImportResult is what the clerk sees of an import or its preview.
type ImportResult struct {
	Kind    ImportKind
	Schema  importer.Schema
	Mapping *importer.Mapping // nil when not even the header row was found
	Ready   int               // rows that can be imported
	Bad     []importer.RowError
	Defects []string // applications registered despite missing content (Art. 30): 补正 follows
	// Unassigned are the rows whose 承办人 is none of the agency's staff who
	// handle applications (someone who left, a misspelling): imported
	// without one.
	Unassigned []string
	Imported   int
	Updated    int  // documents: already recorded, changed by the ledger
	Skipped    int  // already imported from an earlier run of the same file
	Committed  bool // the rows were written
	// OtherSheets are the workbook's sheets with text not read, when the
	// first was read by default: the preview offers to read them all.
	OtherSheets []string
}

// Import reads, maps, checks and (with Commit) stores a ledger file in one
// transaction: either every good row lands with one audit entry, or nothing.
// With bad rows nothing is written unless ValidOnly says to skip them.
func (s *Service) Import(ctx context.Context, p Principal, agencyID int64, req ImportRequest) (*ImportResult, error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return nil, err
	}
	res := &ImportResult{Kind: req.Kind, Schema: importer.Fields}
	switch req.Kind {
	case ImportCases:
	case ImportDecisions:
		res.Schema = importer.DecisionFields
		if !validCategory(req.Category) {
			return nil, errs.New("kind", "类别只能是 licensing（行政许可）、penalty（行政处罚）、coercion（行政强制）或 fee（行政事业性收费）")
		}
	case ImportDocuments:
		res.Schema = importer.DocumentFields
		if req.Category != "" && catalog.DocKindName(catalog.DocKind(req.Category)) == req.Category {
			return nil, errs.New("kind", "文件类型只能是 rule（规章）或 normative（行政规范性文件）")
		}
	default:
		return nil, errs.New("kind", "只能导入申请台账（cases）、决定或收费台账（decisions）、规范性文件台账（documents）")
	}
	sh, err := importer.ReadFile(req.Name, req.Data, req.Sheet)
	if err != nil {
		return nil, err
	}
	sh.Loc = s.Clock.Location()
	res.OtherSheets = sh.Others
	res.Mapping, err = sh.MapSchema(res.Schema, req.Map)
	if err != nil {
		return res, err
	}
	write := func(nBad int) bool { return req.Commit && (nBad == 0 || req.ValidOnly) }
	run := importRun{validOnly: req.ValidOnly, progress: req.Progress, file: baseName(req.Name)}
	if req.Staged != "" {
		run.after = func(tx *store.Tx) error { return tx.DropStaged(ctx, req.Staged) }
	}
	if req.Kind == ImportCases {
		rows, bad := sh.Parse(res.Mapping)
		for _, r := range rows {
			for _, d := range r.Defects {
				res.Defects = append(res.Defects, fmt.Sprintf("%s：%s", r.Where(), d))
			}
		}
		if run.handlers, res.Unassigned, err = s.registerHandlers(ctx, agencyID, rows); err != nil {
			return nil, err
		}
		var bad2 []importer.RowError
		run.commit = write(len(bad))
		res.Imported, res.Skipped, bad2, err = s.importCases(ctx, p, agencyID, rows, run)
		res.Bad, res.Ready = append(bad, bad2...), len(rows)-len(bad2)
	} else if req.Kind == ImportDocuments {
		docs, bad := sh.ParseDocuments(res.Mapping, catalog.DocKind(req.Category))
		res.Bad, res.Ready = bad, len(docs)
		if write(len(bad)) {
			run.commit = true
			res.Imported, res.Updated, res.Skipped, err = s.importDocuments(ctx, p, agencyID, docs, res.Mapping, run)
		}
	} else {
		ds, bad := sh.ParseDecisions(res.Mapping, req.Category)
		res.Bad, res.Ready = bad, len(ds)
		if write(len(bad)) {
			run.commit = true
			res.Imported, res.Skipped, err = s.importDecisions(ctx, p, agencyID, ds, run)
		}
	}
	res.Committed = err == nil && write(len(res.Bad))
	return res, err
}

// registerHandlers maps the 承办人 a register names to the agency's staff who
// handle applications, by name; a name that is none of them, or that two of
// them share, is said for its row and the case is imported without one.
func (s *Service) registerHandlers(ctx context.Context, agencyID int64, rows []importer.Row) (map[string]int64, []string, error) {
	staff, err := s.handlers(ctx, agencyID)
	if err != nil {
		return nil, nil, err
	}
	byName := map[string]int64{}
	for _, u := range staff {
		if _, twice := byName[u.Name]; twice {
			byName[u.Name] = 0 // two of the staff share the name: which one is not known
			continue
		}
		byName[u.Name] = u.ID
	}
	// one note per name, with its rows (a register of years names the same
	// colleague who left on hundreds of them)
	// (第 3、5 行; of a workbook read whole, each row with its sheet)
	var names []string
	lines := map[string][]string{}
	sheets := false
	for _, r := range rows {
		if r.Handler != "" && byName[r.Handler] == 0 {
			if _, seen := lines[r.Handler]; !seen {
				names = append(names, r.Handler)
			}
			where := strconv.Itoa(r.Line)
			if r.Sheet != "" {
				where, sheets = r.Where(), true
			}
			lines[r.Handler] = append(lines[r.Handler], where)
		}
	}
	var unknown []string
	for _, n := range names {
		l := lines[n]
		shown := strings.Join(l[:min(len(l), 10)], "、")
		if len(l) > 10 {
			shown += " 等"
		}
		if !sheets {
			shown = "第 " + shown + " 行"
		}
		unknown = append(unknown, fmt.Sprintf("承办人“%s”（%s，共 %d 行）不是本机关在用的办理人或负责人，或有同名", n, shown, len(l)))
	}
	return byName, unknown, nil
}

// importDocuments records a ledger of normative documents in one
// transaction: a 文号 the agency has not recorded is added; one it has is
// updated from the columns the ledger has (the others keep what was
// recorded), or skipped when nothing changed.
func (s *Service) importDocuments(ctx context.Context, p Principal, agencyID int64, docs []catalog.Document, m *importer.Mapping, run importRun) (added, updated, skipped int, err error) {
	has := func(field string) bool { _, ok := m.Columns[field]; return ok }
	err = s.write(ctx, p, "normative.import", func(tx *store.Tx, e *audit.Entry) error {
		stored, err := tx.DocumentsByNo(ctx, agencyID)
		if err != nil {
			return err
		}
		// a 文号 recorded before it was written one way ([2026]) is the
		// same document as the ledger's 〔2026〕
		known := make(map[string]catalog.Document, len(stored))
		for no, d := range stored {
			known[catalog.NormalizeDocNo(no)] = d
		}
		for i, d := range docs {
			if i%500 == 0 || i == len(docs)-1 {
				run.report("写入", i+1, len(docs), 0)
			}
			d.AgencyID = agencyID
			old, ok := known[d.DocNo]
			if ok {
				d.ID, d.ItemID = old.ID, old.ItemID
				if !has("effective_on") {
					d.EffectiveOn = old.EffectiveOn
				}
				if !has("expires_on") {
					d.ExpiresOn = old.ExpiresOn
				}
				if !has("repealed_on") {
					d.RepealedOn = old.RepealedOn
				}
				if !has("amended") {
					d.Amended = old.Amended
				}
				if !has("note") {
					d.Note = old.Note
				}
				if reflect.DeepEqual(d, old) {
					skipped++
					continue
				}
			}
			if err := tx.SaveDocument(ctx, &d); err != nil {
				return fmt.Errorf("文号 %s：%w", d.DocNo, err)
			}
			if ok {
				updated++
			} else {
				added++
			}
		}
		e.AgencyID, e.Detail = agencyID, fmt.Sprintf("规范性文件台账：新增 %d 件，更新 %d 件，未变 %d 件", added, updated, skipped)
		if run.after != nil {
			return run.after(tx)
		}
		return nil
	})
	return added, updated, skipped, err
}

func validCategory(c string) bool {
	return c == "" || importer.DecisionKindIndex(c) >= 0
}

// StageImport previews a ledger file uploaded in the back office and keeps
// it for the clerk's confirmation (ConfirmImport with the token), so that the
// file is not asked for twice. Nothing of its rows is written yet.
func (s *Service) StageImport(ctx context.Context, p Principal, req ImportRequest) (string, *ImportResult, error) {
	if p.UserID == 0 {
		return "", nil, Forbidden("只有登录的办理人员可以上传台账")
	}
	req.Commit = false
	res, err := s.Import(ctx, p, p.AgencyID, req)
	detail := ""
	switch {
	case err == nil:
		detail = fmt.Sprintf("%d 行可以导入，%d 处问题", res.Ready, len(res.Bad))
	case res != nil && len(res.OtherSheets) > 0:
		// the first sheet could not be read (a cover page): kept, so that
		// the workbook can be read whole without being uploaded again
		detail = "第一个工作表未能读取：" + errs.Plain(err)
	default:
		return "", res, err
	}
	token, serr := s.stage(ctx, p, &store.StagedImport{Kind: string(req.Kind), Category: req.Category, Sheet: req.Sheet, Name: req.Name, Data: req.Data},
		p.AgencyID, detail, req.Staged)
	if serr != nil {
		return "", res, serr
	}
	return token, res, err
}

// RestageImport previews a staged file again with another sheet (AllSheets:
// the workbook whole), from the preview that named the sheets not read, so
// that the file is not asked for again; the file staged before is replaced.
func (s *Service) RestageImport(ctx context.Context, p Principal, token, sheet string, progress func(ImportProgress)) (string, *ImportResult, error) {
	st, err := s.staged(ctx, p, token)
	if err != nil {
		return "", nil, err
	}
	return s.StageImport(ctx, p, ImportRequest{Kind: ImportKind(st.Kind), Name: st.Name, Data: st.Data, Category: st.Category, Sheet: sheet,
		Progress: progress, Staged: token})
}

// staged is the file the user staged for their agency under token.
func (s *Service) staged(ctx context.Context, p Principal, token string) (*store.StagedImport, error) {
	st, err := s.Store.StagedImport(ctx, token, p.AgencyID, p.UserID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, &errs.Error{Kind: errs.NotFound, Msg: "没有找到待导入的文件：可能已经导入，或上传已超过一天，请重新上传", Cause: err}
	}
	return st, err
}

// stage keeps a previewed file of the user's for its confirmation, under a
// new random token, with the audit line of the preview (agency, detail);
// the file staged under replaces ("" none) goes in the same transaction.
func (s *Service) stage(ctx context.Context, p Principal, st *store.StagedImport, agencyID int64, detail, replaces string) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	st.Token, st.AgencyID, st.UserID = hex.EncodeToString(b), p.AgencyID, p.UserID
	err := s.write(ctx, p, "import.stage", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = agencyID, baseName(st.Name), detail
		if replaces != "" {
			if err := tx.DropStaged(ctx, replaces); err != nil {
				return err
			}
		}
		return tx.StageImport(ctx, st)
	})
	return st.Token, err
}

// ConfirmImport imports the file the user staged: every row, or with
// validOnly the rows without problems; the staged file is removed in the same
// transaction.
func (s *Service) ConfirmImport(ctx context.Context, p Principal, token string, validOnly bool, progress func(ImportProgress)) (*ImportResult, error) {
	st, err := s.staged(ctx, p, token)
	if err != nil {
		return nil, err
	}
	return s.Import(ctx, p, p.AgencyID, ImportRequest{Kind: ImportKind(st.Kind), Name: st.Name, Data: st.Data, Category: st.Category, Sheet: st.Sheet,
		Commit: true, ValidOnly: validOnly, Progress: progress, Staged: token})
}
