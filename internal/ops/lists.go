package ops

import (
	"context"
	"errors"
	"strconv"

	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
	"gongkai/internal/store"
)

// MaxPageUsers bounds a list of users imported on the 用户 page: hashing
// each first password takes tens of milliseconds of a core, and the page must answer
// well within a reverse proxy's timeout (a minute by default).
const MaxPageUsers = 500

// The lists of agencies and users an administrator imports.
const (
	AgencyList = "agencies"
	UserList   = "users"
)

// ListFile is a list of agencies or users (XLSX, CSV) to create at or below
// Under, an agency the administrator manages.
type ListFile struct {
	Under     int64
	Name      string
	Data      []byte
	Overrides map[string]string // field id → header, where the headers are not the usual ones
	Commit    bool              // write, when no row has a problem
	staged    string            // a staged file, removed in the same transaction
}

// ListImport is what reading (and perhaps writing) a list did.
type ListImport struct {
	Schema  importer.Schema
	Mapping *importer.Mapping
	Ready   int                 // rows that can be created
	Bad     []importer.RowError // by row and column
	Created int                 // written (Commit with no bad row)
	Users   []CreatedUser       // users written, each with the password to hand over
	Planned *office.Ledger      // the rows that can be created, as they will be
}

// Passwords are the users written and their first passwords, as a table to
// hand over (a file only its owner reads, or a page shown once).
func (r *ListImport) Passwords() *office.Ledger {
	l := &office.Ledger{Title: "初始密码", Headers: []string{"机关", "用户名", "姓名", "初始密码"}}
	for _, u := range r.Users {
		l.Rows = append(l.Rows, []string{u.Agency, u.Login, u.Name, u.Password})
	}
	return l
}

// readList is the start of importing a list of agencies or users: the
// administrator manages f.Under; the file read and its columns mapped to
// res.Schema (res.Mapping set as soon as it is known, so a caller can show it
// with an error).
func (s *Service) readList(ctx context.Context, p Principal, f ListFile, res *ListImport) (*importer.Sheet, error) {
	if err := s.mustAdmin(p); err != nil {
		return nil, err
	}
	if err := s.canRead(ctx, p, f.Under); err != nil {
		return nil, err
	}
	sh, err := importer.ReadFile(f.Name, f.Data, "")
	if err != nil {
		return nil, err
	}
	sh.Loc = s.Clock.Location()
	if res.Mapping, err = sh.MapSchema(res.Schema, f.Overrides); err != nil {
		return nil, err
	}
	return sh, nil
}

// writeList writes a list's rows in one transaction with one audit line,
// removing the staged file it came from, if any.
func (s *Service) writeList(ctx context.Context, p Principal, action audit.Action, f ListFile, detail string, rows func(tx *store.Tx) error) error {
	return s.write(ctx, p, action, func(tx *store.Tx, e *audit.Entry) error {
		if err := rows(tx); err != nil {
			return err
		}
		if f.staged != "" {
			if err := tx.DropStaged(ctx, f.staged); err != nil {
				return err
			}
		}
		e.AgencyID, e.Object, e.Detail = f.Under, baseName(f.Name), detail
		return nil
	})
}

// StageList previews a list uploaded in the back office (kind AgencyList or
// UserList) and, when every row can be created, keeps it for the
// administrator's confirmation (ConfirmList with the token), so that the file
// is not asked for twice. Nothing of its rows is written yet.
func (s *Service) StageList(ctx context.Context, p Principal, kind string, f ListFile, password func() string) (string, *ListImport, error) {
	f.Commit = false
	res, err := s.importList(ctx, p, kind, f, password)
	if err != nil || len(res.Bad) > 0 || res.Ready == 0 {
		return "", res, err
	}
	if kind == UserList && res.Ready > MaxPageUsers {
		return "", res, errs.New("file", "名单有 %d 人，网页上一次最多导入 %d 人（每人的初始密码都要加密，时间较长）：请分成几个文件导入，或在服务器上用 gongkai user import 导入",
			res.Ready, MaxPageUsers)
	}
	what := map[string]string{AgencyList: "个机关", UserList: "个用户"}[kind]
	token, err := s.stage(ctx, p, &store.StagedImport{Kind: kind, Category: strconv.FormatInt(f.Under, 10), Name: f.Name, Data: f.Data},
		f.Under, strconv.Itoa(res.Ready)+what+"可以新建", "")
	return token, res, err
}

// ConfirmList imports the list the administrator staged; the staged file is
// removed in the same transaction. Its kind is the staged one's, which the
// caller names again so that a token of another page does nothing.
func (s *Service) ConfirmList(ctx context.Context, p Principal, kind, token string, password func() string) (*ListImport, error) {
	st, err := s.Store.StagedImport(ctx, token, p.AgencyID, p.UserID)
	if err == nil && st.Kind != kind {
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, &errs.Error{Kind: errs.NotFound, Msg: "没有找到待导入的名单：可能已经导入，或上传已超过一天，请重新上传", Cause: err}
	}
	if err != nil {
		return nil, err
	}
	under, err := strconv.ParseInt(st.Category, 10, 64)
	if err != nil {
		return nil, err
	}
	return s.importList(ctx, p, kind, ListFile{Under: under, Name: st.Name, Data: st.Data, Commit: true, staged: token}, password)
}

func (s *Service) importList(ctx context.Context, p Principal, kind string, f ListFile, password func() string) (*ListImport, error) {
	switch kind {
	case AgencyList:
		return s.ImportAgencies(ctx, p, f)
	case UserList:
		return s.ImportUsers(ctx, p, f, password)
	}
	return nil, errs.New("kind", "请选择导入机关名单还是用户名单")
}
