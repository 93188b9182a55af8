package ops

import (
	"context"
	"errors"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
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
	return s.AssignCases(ctx, p, []int64{caseID}, handlerID)
}

// maxAssign bounds the applications assigned at once (a page of the list is 50).
const maxAssign = 500

// AssignCases names the 承办人 of several applications of one agency at
// once (from the case list): all or none, in one transaction with one audit
// entry listing them. It returns the 承办人's name ("" for nobody).
func (s *Service) AssignCases(ctx context.Context, p Principal, caseIDs []int64, handlerID int64) (string, error) {
	caseIDs = slices.Compact(slices.Sorted(slices.Values(caseIDs))) // a form may send one twice
	if len(caseIDs) == 0 {
		return "", errs.New("case", "请先勾选要指派的申请")
	}
	if len(caseIDs) > maxAssign {
		return "", errs.New("case", "一次最多指派 %d 件申请", maxAssign)
	}
	var serials []string
	var agency int64
	for _, id := range caseIDs {
		c, err := s.Store.GetCase(ctx, id)
		if err != nil {
			return "", notFoundOr(err)
		}
		if err := s.mustAct(ctx, p, c.AgencyID); err != nil {
			return "", err
		}
		if agency != 0 && c.AgencyID != agency {
			return "", errs.New("case", "一次只能指派同一机关的申请")
		}
		agency = c.AgencyID
		serials = append(serials, c.Serial)
	}
	if handlerID < 0 { // checked after the access: a stranger learns nothing of the cases
		return "", errs.New("handler", "请从列表中选择承办人")
	}
	name, err := s.handlerName(ctx, agency, handlerID)
	if err != nil {
		return "", err
	}
	err = s.write(ctx, p, "case.assign", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = agency, strings.Join(serials, "、"), "承办人："+name
		if name == "" {
			e.Detail = "取消承办人"
		}
		ag, err := tx.GetAgency(ctx, agency)
		if err != nil {
			return err
		}
		for _, id := range caseIDs {
			if err := assignBars(ctx, tx, ag, p, id, handlerID); err != nil {
				return err
			}
			if err := tx.SetHandler(ctx, id, handlerID); err != nil {
				return err
			}
		}
		return nil
	})
	return name, err
}

// assignBars is the refusal when the agency has its 负责人 assign
// (org.Agency.HandlerOnly) and p, not one, does more than take an unassigned
// application or give back an own one; nil when p may.
func assignBars(ctx context.Context, tx *store.Tx, ag *org.Agency, p Principal, caseID, handlerID int64) error {
	if !ag.HandlerOnly || p.Role == casework.Approver {
		return nil
	}
	now, _, err := tx.CaseHandler(ctx, caseID)
	if err != nil {
		return err
	}
	if (now == 0 && handlerID == p.UserID) || (now == p.UserID && handlerID == 0) || now == handlerID {
		return nil
	}
	return &errs.Error{Kind: errs.Forbidden, Where: "handler", Msg: "本机关设定由负责人指派承办人：办理人只能认领尚未指派的申请，或退回自己承办的申请"}
}

// handlerName checks that handlerID may handle the agency's applications
// and returns the name ("" for 0: nobody).
func (s *Service) handlerName(ctx context.Context, agency, handlerID int64) (string, error) {
	if handlerID == 0 {
		return "", nil
	}
	u, err := s.Store.User(ctx, handlerID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return "", errs.New("handler", "没有这个用户：请从列表中选择承办人")
	case err != nil:
		return "", err
	case u.AgencyID != agency || !handles(u.Role):
		return "", errs.New("handler", "承办人应为本机关的办理人或负责人")
	case u.Disabled:
		return "", errs.New("handler", "%s的账号已停用，不能承办", u.Name)
	}
	return u.Name, nil
}
