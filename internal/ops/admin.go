package ops

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/notify"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// account is the account security in force.
func (s *Service) account(ctx context.Context) (settings.Account, error) {
	st, err := s.Settings(ctx)
	return st.Account, err
}

func (s *Service) mustAdmin(p Principal) error {
	if p.Role != casework.Admin {
		return Forbidden("此功能仅供系统管理员使用")
	}
	return nil
}

// NewUser is what an administrator types to add a user.
type NewUser struct {
	AgencyID int64
	Login    string
	Name     string
	Role     casework.Role
	Password string
	Email    string // for the daily reminder (optional)
}

// checkNewUser validates a new user (login, name, role, password, address)
// and returns the bare address; the password is hashed by the caller, once
// it writes (hashing costs tens of milliseconds, docs/PERFORMANCE.md).
func checkNewUser(n *NewUser, rule org.PasswordRule) (email string, l errs.List) {
	n.Login, n.Name = strings.TrimSpace(n.Login), strings.TrimSpace(n.Name)
	if n.Login == "" || strings.ContainsAny(n.Login, " \t") || utf8.RuneCountInString(n.Login) > 40 {
		l.Add("login", "请填写用户名（不含空格，最多 40 字）")
	}
	if n.Name == "" || utf8.RuneCountInString(n.Name) > 40 {
		l.Add("name", "请填写姓名（最多 40 字）")
	}
	if org.RoleName(n.Role) == string(n.Role) {
		l.Add("role", "请选择角色")
	}
	if err := rule.Check(n.Password); err != nil {
		l.Add("password", "%s", errs.Readable(err))
	}
	email, err := notify.Address("email", n.Email)
	if err != nil {
		l.Add("email", "%s", errs.Plain(err))
	}
	return email, l
}

// CreateUser adds a user to the administrator's agency or one below it.
func (s *Service) CreateUser(ctx context.Context, p Principal, n NewUser) (*org.User, error) {
	if err := s.mustAdmin(p); err != nil {
		return nil, err
	}
	acc, err := s.account(ctx)
	if err != nil {
		return nil, err
	}
	email, l := checkNewUser(&n, acc.PasswordRule)
	if err := s.canRead(ctx, p, n.AgencyID); err != nil {
		l.Add("agency", "只能为本机关及下级机关新增用户")
	}
	if len(l) > 0 {
		return nil, l
	}
	hash, err := org.HashPassword(n.Password)
	if err != nil {
		return nil, err
	}
	u := &org.User{AgencyID: n.AgencyID, Login: n.Login, Name: n.Name, Role: n.Role}
	err = s.write(ctx, p, "user.create", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = n.AgencyID, n.Login, org.RoleName(n.Role)
		err := tx.CreateUser(ctx, u, hash)
		if errors.Is(err, store.ErrConflict) {
			return errs.New("login", "用户名“%s”已被使用", n.Login)
		}
		if err == nil && email != "" {
			e.Detail += "；电子邮箱 " + email
			err = tx.SetEmail(ctx, u.ID, email)
		}
		if err == nil && acc.FirstChange {
			err = tx.SetTemporary(ctx, u.ID, true)
		}
		return err
	})
	return u, err
}

// managedUser loads a user the administrator manages.
func (s *Service) managedUser(ctx context.Context, p Principal, id int64) (*store.UserRow, error) {
	if err := s.mustAdmin(p); err != nil {
		return nil, err
	}
	u, err := s.Store.User(ctx, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if err := s.canRead(ctx, p, u.AgencyID); err != nil {
		return nil, err
	}
	return u, nil
}

// SetUserDisabled disables a user (their sessions end) or enables them again.
func (s *Service) SetUserDisabled(ctx context.Context, p Principal, id int64, disabled bool) error {
	u, err := s.managedUser(ctx, p, id)
	if err != nil {
		return err
	}
	if u.ID == p.UserID && disabled {
		return errs.New("form", "不能停用自己的账号")
	}
	action := audit.Action("user.enable")
	if disabled {
		action = "user.disable"
	}
	return s.write(ctx, p, action, func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object = u.AgencyID, u.Login
		return tx.SetDisabled(ctx, u.ID, disabled)
	})
}

// ResetPassword gives a user a new password chosen by the administrator.
func (s *Service) ResetPassword(ctx context.Context, p Principal, id int64, password string) error {
	u, err := s.managedUser(ctx, p, id)
	if err != nil {
		return err
	}
	acc, err := s.account(ctx)
	if err != nil {
		return err
	}
	if err := acc.PasswordRule.Check(password); err != nil {
		return err
	}
	hash, err := org.HashPassword(password)
	if err != nil {
		return err
	}
	return s.write(ctx, p, "user.reset", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object = u.AgencyID, u.Login
		return tx.SetPassword(ctx, u.ID, hash, acc.FirstChange)
	})
}

// SetUserEmail sets the address a user's daily reminder goes to ("":
// none). Everyone sets their own; an administrator anyone's they manage.
func (s *Service) SetUserEmail(ctx context.Context, p Principal, id int64, email string) (string, error) {
	var u *store.UserRow
	var err error
	if id == p.UserID && p.UserID != 0 {
		u, err = s.Store.User(ctx, id)
	} else {
		u, err = s.managedUser(ctx, p, id)
	}
	if err != nil {
		return "", err
	}
	if email, err = notify.Address("email", email); err != nil {
		return "", err
	}
	return email, s.write(ctx, p, "user.email", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = u.AgencyID, u.Login, cmp.Or(u.Email, "（无）")+" → "+cmp.Or(email, "（无）")
		return tx.SetEmail(ctx, u.ID, email)
	})
}

// typedTwice checks a new password typed twice against the rule and
// returns its hash.
func typedTwice(rule org.PasswordRule, password, again string) (string, errs.List) {
	var l errs.List
	var hash string
	err := rule.Check(password)
	if err == nil {
		hash, err = org.HashPassword(password)
	}
	if err != nil {
		l.Add("password", "%s", errs.Readable(err))
	}
	if password != again {
		l.Add("again", "两次输入的新密码不一致")
	}
	return hash, l
}

// ChangePassword is a user changing their own password (the old one first).
func (s *Service) ChangePassword(ctx context.Context, p Principal, old, password, again string) error {
	hash, err := s.Store.PasswordHash(ctx, p.UserID)
	if err != nil {
		return err
	}
	acc, err := s.account(ctx)
	if err != nil {
		return err
	}
	nh, l := typedTwice(acc.PasswordRule, password, again)
	if !org.CheckPassword(hash, old) {
		l = append(errs.List{{Kind: errs.Invalid, Where: "old", Msg: "原密码不对"}}, l...)
	} else if password == old {
		l.Add("password", "新密码不能与原密码相同")
	}
	if len(l) > 0 {
		return l
	}
	return s.write(ctx, p, "password.change", func(tx *store.Tx, e *audit.Entry) error {
		e.Object = p.Name
		return tx.SetPassword(ctx, p.UserID, nh, false)
	})
}

// UpdateAgency saves the settings of the administrator's agency or one below.
func (s *Service) UpdateAgency(ctx context.Context, p Principal, a *org.Agency, seen string) error {
	if err := s.mustAdmin(p); err != nil {
		return err
	}
	if err := s.canRead(ctx, p, a.ID); err != nil {
		return err
	}
	err := s.write(ctx, p, "agency.update", func(tx *store.Tx, e *audit.Entry) error {
		old, err := tx.AgencyToEdit(ctx, a.ID)
		if err != nil {
			return notFoundOr(err)
		}
		a.Level, a.ParentID = old.Level, old.ParentID
		e.AgencyID, e.Object = a.ID, a.Name
		changes := strings.Join(org.Changes(old, a), "；")
		if err := savedOver(e, seen, old.Fingerprint(), changes, "这个机关的设置", "设置"); err != nil {
			return err
		}
		e.Detail = changes // (the audit line of an agency's settings is its changes alone)
		if e.Detail == "" {
			e.Detail = "未改动"
		}
		err = tx.UpdateAgency(ctx, a)
		if errors.Is(err, store.ErrConflict) {
			return errs.New("name", "已有名为“%s”的机关", a.Name)
		}
		return err
	})
	if errors.Is(err, errUnchanged) {
		return nil
	}
	return err
}

// AddAgency is an administrator adding an agency below one they manage
// (the 机关 page): a parent is required, so the hierarchy keeps one top.
func (s *Service) AddAgency(ctx context.Context, p Principal, a *org.Agency) error {
	if err := s.mustAdmin(p); err != nil {
		return err
	}
	if a.ParentID == nil {
		return errs.New("parent", "请选择上级机关")
	}
	if err := s.canRead(ctx, p, *a.ParentID); err != nil {
		return errs.New("parent", "只能在本机关及下级机关之下新增机关")
	}
	return s.CreateAgency(ctx, p, a)
}

// CreateAgency adds an agency under parent (the command line and the demo).
func (s *Service) CreateAgency(ctx context.Context, p Principal, a *org.Agency) error {
	return s.write(ctx, p, "agency.update", func(tx *store.Tx, e *audit.Entry) error {
		if err := tx.CreateAgency(ctx, a); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return errs.New("name", "已有名为“%s”的机关", a.Name)
			}
			return err
		}
		e.AgencyID, e.Object, e.Detail = a.ID, a.Name, "新建"
		return nil
	})
}

// Moved is a case whose deadline a new holiday notice moved.
type Moved struct {
	ID       int64
	AgencyID int64
	Serial   string
	From, To workday.Date
}

// LoadCalendar stores a year's holiday notice and recomputes the deadline of
// every open case on the new calendar, in one transaction: the ones whose
// date moved are returned (and flagged on their pages).
func (s *Service) LoadCalendar(ctx context.Context, p Principal, n workday.Notice, es []workday.Entry) ([]Moved, error) {
	if p.Via != "cli" {
		if err := s.mustAdmin(p); err != nil {
			return nil, err
		}
	}
	cur, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	next, err := cur.WithNotice(n, es)
	if err != nil {
		return nil, err
	}
	var moved []Moved
	err = s.write(ctx, p, "calendar.load", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = strconv.Itoa(n.Year), n.Number
		if err := tx.SaveNotice(ctx, n, es, p.Name); err != nil {
			return err
		}
		ids, err := tx.OpenCaseIDs(ctx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			c, err := tx.GetCase(ctx, id)
			if err != nil {
				return err
			}
			dl := s.deadline(c, st.Case, next)
			from, m, err := tx.SetDeadline(ctx, id, dl)
			if err != nil {
				return err
			}
			if m {
				moved = append(moved, Moved{ID: c.ID, AgencyID: c.AgencyID, Serial: c.Serial, From: from, To: dl.Due})
			}
		}
		if len(moved) > 0 {
			e.Detail += "；" + strconv.Itoa(len(moved)) + " 件申请的答复期限因此改变"
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.cache.mu.Lock()
	s.cache.cal, s.cache.stamp = nil, "" // reload on next use, with the stamp the store now has
	s.cache.mu.Unlock()
	return moved, nil
}

// SaveSettings changes the rules where the law is open; the audit log says
// what changed from what.
//
// seen is the settings' Fingerprint as the form showed them ("": as read
// here): settings saved by another since are not written over (Conflict,
// naming how they differ from what was typed).
func (s *Service) SaveSettings(ctx context.Context, p Principal, values map[string]string, seen string) (settings.Settings, error) {
	if err := s.mustAdmin(p); err != nil {
		return settings.Settings{}, err
	}
	old, err := s.Settings(ctx)
	if err != nil {
		return old, err
	}
	next := old
	var l errs.List
	for _, f := range settings.Fields {
		v, ok := values[f.Key]
		if !ok && f.Kind != settings.Bool && f.Kind != settings.Multi {
			continue // not on the form
		}
		if err := next.Set(f.Key, v); err != nil {
			var e *errs.Error
			if errors.As(err, &e) {
				l = append(l, e)
			}
		}
	}
	if len(l) > 0 {
		return old, l
	}
	if seen == "" {
		seen = old.Fingerprint()
	}
	err = s.write(ctx, p, "settings.update", func(tx *store.Tx, e *audit.Entry) error {
		cur := settings.Default()
		doc, err := tx.SettingToEdit(ctx, settings.Key)
		switch {
		case errors.Is(err, store.ErrNotFound): // never saved: the defaults
		case err != nil:
			return err
		default:
			cur, _ = settings.Parse(doc) // one that no longer reads: the defaults, as Settings gives them
		}
		diff := settings.Diff(cur, next)
		e.Object = "办理规则"
		if err := savedOver(e, seen, cur.Fingerprint(), diff, "这一页", "设置"); err != nil {
			return err
		}
		if diff == "" {
			return errUnchanged
		}
		e.Detail = diff
		return tx.SaveSetting(ctx, settings.Key, next.JSON(), p.Name)
	})
	if errors.Is(err, errUnchanged) {
		return next, nil
	}
	return next, err
}

// CreateAPIKey makes a key for an agency's systems (the command line).
func (s *Service) CreateAPIKey(ctx context.Context, p Principal, agencyID int64, name string, role casework.Role) (string, error) {
	if !slices.Contains([]casework.Role{casework.Clerk, casework.Approver}, role) {
		return "", errs.New("--role", "角色只能是 clerk（办理人）或 approver（负责人）")
	}
	if strings.TrimSpace(name) == "" {
		return "", errs.New("--name", "请填写密钥用途，如 网上申请平台")
	}
	var key string
	err := s.write(ctx, p, "apikey.create", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = agencyID, name, org.RoleName(role)
		var err error
		key, err = tx.CreateAPIKey(ctx, agencyID, name, role)
		return err
	})
	return key, err
}

// Audit is the audit log of the agencies a supervisor oversees.
func (s *Service) Audit(ctx context.Context, p Principal, q AuditQuery) ([]store.AuditRow, int, error) {
	if p.Role != casework.Supervisor && p.Role != casework.Admin {
		return nil, 0, Forbidden("操作记录供主管部门和系统管理员查看")
	}
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	f := store.AuditFilter{AgencyIDs: ids, Action: q.Action, Text: strings.TrimSpace(q.Text), Limit: q.Limit, Offset: q.Offset}
	if utf8.RuneCountInString(f.Text) > 64 {
		return nil, 0, errs.New("q", "查找的内容最多 64 个字")
	}
	if q.Agency != 0 {
		f.AgencyIDs = narrow(ids, []int64{q.Agency})
	}
	if q.Action != "" && audit.Name(q.Action) == string(q.Action) {
		return nil, 0, errs.New("action", "没有这种操作")
	}
	if q.From != 0 && q.To != 0 && q.To < q.From {
		return nil, 0, errs.New("to", "结束日期早于开始日期")
	}
	// civil dates in the deployment's zone: from its first instant to the
	// first instant of the day after the last
	if q.From != 0 {
		f.From = s.Clock.Midnight(q.From)
	}
	if q.To != 0 {
		f.To = s.Clock.Midnight(q.To + 1)
	}
	return s.Store.SearchAudit(ctx, f)
}

// AuditQuery selects the 操作记录 a supervisor reads: an agency (0: all it
// sees), an action, civil dates from and to (0: open), lines whose object or
// content holds Text (a 申请编号, a title, a name), a page.
type AuditQuery struct {
	Agency        int64
	Action        audit.Action
	From, To      workday.Date
	Text          string
	Limit, Offset int
}
