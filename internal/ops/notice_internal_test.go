package ops

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// noticeLine says each step as the status page does.
func TestNoticeLine(t *testing.T) {
	on, later := workday.MustDate("2026-03-02"), workday.MustDate("2026-04-14")
	ev := func(k casework.StepKind) casework.Event { return casework.Event{Step: casework.Step{Kind: k, On: on}} }
	for _, c := range []struct {
		v    StatusView
		ev   casework.Event
		want []string
	}{
		{StatusView{State: casework.Processing, ExtendedTo: later, ExtendedReason: "需要调取档案。"}, ev(casework.KindExtend),
			[]string{"2026年3月2日，本机关延长答复期限，答复期限延至 2026年4月14日。理由：需要调取档案。"}},
		{StatusView{State: casework.Processing, ExtendedTo: later}, ev(casework.KindSetPeriod),
			[]string{"本机关确定了延迟答复的合理期限，答复期限延至 2026年4月14日。"}},
		{StatusView{State: casework.AwaitingPayment, Amount: 100, FeeMethod: "按件计收", PaymentBy: later}, ev(casework.KindFeeNotice),
			[]string{"本机关向您发出收费通知：信息处理费 100 元（按件计收）。请按收费通知书所列方式缴纳，缴费期限至 2026年4月14日。"}},
		{StatusView{State: casework.AwaitingPayment, Amount: 100, FeeMethod: "按件计收", PaymentNot: "自收到收费通知之日起计算"}, ev(casework.KindFeeNotice),
			[]string{"请按收费通知书所列方式缴纳，自收到收费通知之日起计算。"}},
		{StatusView{State: casework.AwaitingCorrection, CorrectionNote: "请写明年份。", CorrectionBy: later}, ev(casework.KindRequestCorrection),
			[]string{"需要补正：请写明年份。", "请于 2026年4月14日 前提交补正后的申请；逾期不补正的，视为放弃申请。"}},
		{StatusView{State: casework.AwaitingCorrection, CorrectionNote: "请写明年份。", CanCorrect: true}, ev(casework.KindRequestCorrection),
			[]string{"需要补正：请写明年份。\n补正后的申请"}},
		{StatusView{State: casework.Closed, ClosedOn: &later, Outcome: "予以公开"}, ev(casework.KindDecide),
			[]string{"2026年4月14日，您的申请已办结，办理结果：予以公开。"}},
		{StatusView{State: casework.Merged}, ev(casework.KindMerge), []string{"合并办理，随其答复"}},
	} {
		got := noticeLine(&c.v, c.ev)
		if strings.Contains(got, "在线提交") != c.v.CanCorrect {
			t.Errorf("%q offers the online form, CanCorrect %v", got, c.v.CanCorrect)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.ev.Step.Kind, got, w)
			}
		}
	}
}
