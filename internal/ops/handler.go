package ops

import (
	"context"
	"errors"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
)

// handlers are the staff of an agency who may handle its applications (承办人):
// its 办理人 and 负责人 whose accounts are in use.
func (s *Service) handlers(ctx context.Context, agencyID int64) ([]store.UserRow, error) {
	all, err := s.Store.ListUsers(ctx, []int64{agencyID})
	if err != nil {
		return nil, err
	}
	var out []store.UserRow
	for _, u := range all {
		if !u.Disabled && handles(u.Role) {
			out = append(out, u)
		}
	}
	return out, nil
}

// handles says a role handles applications.
func handles(r casework.Role) bool { return r == casework.Clerk || r == casework.Approver }

// Handlers are whom the viewer may name as 承办人 of the agency's
// applications (for the case list's filter too).
func (s *Service) Handlers(ctx context.Context, p Principal, agencyID int64) ([]store.UserRow, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	return s.handlers(ctx, agencyID)
}

// AssignCase makes a member of the agency's staff the 承办人 of an
// application (handlerID 0: nobody), with its audit entry. Only the agency's
// own staff assign; the 承办人 must be one of its 办理人 or 负责人 whose
// account is in use.
func (s *Service) AssignCase(ctx context.Context, p Principal, caseID, handlerID int64) (string, error) {
	c, err := s.Store.GetCase(ctx, caseID)
	if err != nil {
		return "", notFoundOr(err)
	}
	if err := s.mustAct(ctx, p, c.AgencyID); err != nil {
		return "", err
	}
	name := ""
	if handlerID != 0 {
		u, err := s.Store.User(ctx, handlerID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			return "", errs.New("handler", "没有这个用户：请从列表中选择承办人")
		case err != nil:
			return "", err
		case u.AgencyID != c.AgencyID || !handles(u.Role):
			return "", errs.New("handler", "承办人应为本机关的办理人或负责人")
		case u.Disabled:
			return "", errs.New("handler", "%s的账号已停用，不能承办", u.Name)
		}
		name = u.Name
	}
	err = s.write(ctx, p, "case.assign", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, "承办人："+name
		if name == "" {
			e.Detail = "取消承办人"
		}
		return tx.SetHandler(ctx, c.ID, handlerID)
	})
	return name, err
}
