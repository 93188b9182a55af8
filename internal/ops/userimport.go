package ops

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// CreatedUser is a user the list created and their first password.
type CreatedUser struct {
	Agency, Login, Name, Password string
}

// readyUser is a row of a list of users that can be created.
type readyUser struct {
	row         importer.UserRow
	user        org.User
	hash, email string
	password    string
}

// checkUserRows checks each row as the 用户 page checks a new user, and that
// its agency is one of byName and its login not taken.
func (s *Service) checkUserRows(ctx context.Context, rows []importer.UserRow, byName map[string]*org.Agency,
	at func(line int, field, reason string) importer.RowError, password func() string, rule org.PasswordRule, commit bool) ([]readyUser, []importer.RowError, error) {
	var ok []readyUser
	var bad []importer.RowError
	for _, r := range rows {
		a := byName[r.Agency]
		if a == nil {
			bad = append(bad, at(r.Line, "agency", "机关“"+r.Agency+"”不是本机关或其下的机关"))
			continue
		}
		pw := password()
		n := NewUser{AgencyID: a.ID, Login: r.Login, Name: r.Name, Role: r.Role, Password: pw, Email: r.Email}
		email, l := checkNewUser(&n, rule)
		if _, _, err := s.Store.UserByLogin(ctx, n.Login); err == nil {
			l.Add("login", "用户名“%s”已被使用", n.Login)
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, nil, err
		}
		for _, e := range l {
			bad = append(bad, at(r.Line, e.Where, e.Msg))
		}
		if len(l) == 0 {
			ok = append(ok, readyUser{r, org.User{AgencyID: a.ID, Login: n.Login, Name: n.Name, Role: n.Role}, "", email, pw})
		}
	}
	if !commit || len(bad) > 0 { // a preview spares the hashing
		return ok, bad, nil
	}
	return ok, bad, hashAll(ok)
}

// hashAll hashes the first passwords on several cores: argon2id takes tens
// of milliseconds and 19 MiB a password (docs/PERFORMANCE.md), a county's
// list most of a minute on one core. Four at most, to bound the memory.
func hashAll(users []readyUser) error {
	workers := min(runtime.GOMAXPROCS(0), 4)
	failed := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(users) && failed[w] == nil; i += workers {
				users[i].hash, failed[w] = org.HashPassword(users[i].password)
			}
		})
	}
	wg.Wait()
	return errors.Join(failed...)
}

// ImportUsers reads a list of users of agencies at or below f.Under;
// password makes each one's first password. Each row is checked as the 用户
// page checks one; a login that exists, an agency not there: said by row and
// column. Without f.Commit, or with any bad row, nothing is written;
// otherwise every user lands in one transaction with one audit line.
func (s *Service) ImportUsers(ctx context.Context, p Principal, f ListFile, password func() string) (*ListImport, error) {
	res := &ListImport{Schema: importer.UserFields}
	sh, err := s.readList(ctx, p, f, res)
	if sh == nil {
		return res, err
	}
	rows, bad := sh.ParseUsers(res.Mapping)
	below, err := s.Store.Below(ctx, f.Under)
	if err != nil {
		return nil, err
	}
	ags, err := s.Store.Agencies(ctx, below)
	if err != nil {
		return nil, err
	}
	byName := map[string]*org.Agency{}
	for _, a := range ags {
		byName[a.Name] = a
	}
	at := func(line int, field, reason string) importer.RowError {
		e := importer.RowError{Row: line, Reason: reason}
		if c, ok := res.Mapping.Columns[field]; ok {
			e.Column, e.Header = importer.ColName(c), res.Mapping.Headers[c]
		}
		return e
	}
	acc, err := s.account(ctx)
	if err != nil {
		return nil, err
	}
	commit := f.Commit && len(bad) == 0
	ok, more, err := s.checkUserRows(ctx, rows, byName, at, password, acc.PasswordRule, commit)
	if err != nil {
		return nil, err
	}
	bad = append(bad, more...)
	slices.SortStableFunc(bad, func(a, b importer.RowError) int { return a.Row - b.Row })
	res.Bad, res.Ready = bad, len(ok)
	res.Planned = &office.Ledger{Title: "新建的用户", Headers: []string{"行", "机关", "用户名", "姓名", "角色", "电子邮箱"}}
	for _, r := range ok {
		res.Planned.Rows = append(res.Planned.Rows, []string{strconv.Itoa(r.row.Line), r.row.Agency, r.user.Login, r.user.Name, org.RoleName(r.user.Role), r.email})
	}
	if !commit || len(bad) > 0 {
		return res, nil
	}
	err = s.writeList(ctx, p, "user.import", f, "新建用户 "+strconv.Itoa(len(ok))+" 个", func(tx *store.Tx) error {
		for _, r := range ok {
			u := r.user
			err := tx.CreateUser(ctx, &u, r.hash)
			if errors.Is(err, store.ErrConflict) {
				return errs.New("file", "第 %d 行：用户名“%s”已被使用；未导入任何用户", r.row.Line, u.Login)
			}
			if err == nil && r.email != "" {
				err = tx.SetEmail(ctx, u.ID, r.email)
			}
			if err == nil && acc.FirstChange {
				err = tx.SetTemporary(ctx, u.ID, true)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	res.Created = len(ok)
	for _, r := range ok {
		res.Users = append(res.Users, CreatedUser{Agency: r.row.Agency, Login: r.user.Login, Name: r.user.Name, Password: r.password})
	}
	return res, nil
}
