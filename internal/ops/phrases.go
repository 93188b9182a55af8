package ops

import (
	"context"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// ForgetPhrase stops offering a 常用语 under a step's note to the agency's
// staff (from an application's page, by those who may act on it): a typo
// kept twice, a wording no longer used. Written again twice, it comes back.
func (s *Service) ForgetPhrase(ctx context.Context, p Principal, caseID int64, kind casework.StepKind, text string) error {
	_, err := s.caseWrite(ctx, p, caseID, "phrase.forget", func(tx *store.Tx, e *audit.Entry, c *casework.Case, _ settings.Settings, _ *workday.Calendar) error {
		if text == "" || casework.StepName(kind) == string(kind) {
			return errs.New("phrase", "请从步骤的常用语中选择要删除的一条")
		}
		e.Detail = casework.StepName(kind) + "：" + text
		found, err := tx.ForgetPhrase(ctx, c.AgencyID, kind, text)
		if err == nil && !found {
			return errs.New("phrase", "这条常用语已不在列表中：可能已被同事删除") // a stale page, said on it
		}
		return err
	})
	return err
}
