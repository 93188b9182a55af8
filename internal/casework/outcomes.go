package casework

import (
	"strings"

	"gongkai/internal/report"
)

// OutcomeID names a final result of an application.
type OutcomeID string

// Outcome is a final result of an application, mapped to its 表三 row, with
// the decision paragraph and the article its reply cites.
type Outcome struct {
	ID    OutcomeID
	Name  string
	Row   string // report.T3Row key (2021 format)
	Basis string // the article the reply cites
	// Withholds: a refusal under Arts. 14–16 (or a 部分公开), which only the
	// head of the disclosure office decides; whether its reply says 复议前置
	// is a setting (Config.ReviewFirst).
	Withholds bool
	// Decidable: a clerk picks it as the answer. The others follow from a
	// step (逾期未补正, 逾期未缴费, 撤回).
	Decidable bool
	// NonLitigable: 法释〔2025〕8号 Art. 10 says courts do not hear a suit
	// against this reply on its own (Config.NonLitigableRemedy decides its
	// remedy paragraph).
	NonLitigable bool
	// Decision is the reply's decision paragraph: {you} is 您 or 贵单位.
	Decision string
}

const regs = "《中华人民共和国政府信息公开条例》"

// Outcomes is the full list of law.md §2.6, in 表三 order. 部分公开 is counted only there.
var Outcomes = []Outcome{
	{"disclosed", "予以公开", "granted", regs + "第三十六条第（二）项", false, true, false,
		"经审查，{you}申请获取的信息属于可以公开的政府信息。根据" + regs + "第三十六条第（二）项的规定，本机关决定予以公开，现将该信息提供给{you}。"},
	{"already_public", "已主动公开，告知获取方式", "granted", regs + "第三十六条第（一）项", false, true, false,
		"经审查，{you}申请获取的信息本机关已经主动公开。根据" + regs + "第三十六条第（一）项的规定，现告知{you}获取该信息的方式和途径。"},
	{"partly_disclosed", "部分公开", "partly_granted", regs + "第三十七条", true, true, false,
		"经审查，{you}申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据" + regs + "第三十七条的规定，本机关向{you}提供可以公开的部分，其余部分不予公开。"},
	{"state_secret", "不予公开：属于国家秘密", "withheld.state_secret", regs + "第十四条、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息属于国家秘密。根据" + regs + "第十四条、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"law_forbids", "不予公开：其他法律行政法规禁止公开", "withheld.law_forbids", regs + "第十四条、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息属于法律、行政法规禁止公开的政府信息。根据" + regs + "第十四条、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"security_stability", "不予公开：危及“三安全一稳定”", "withheld.security_stability", regs + "第十四条、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据" + regs + "第十四条、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"third_party", "不予公开：保护第三方合法权益", "withheld.third_party", regs + "第十五条、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容。根据" + regs + "第十五条、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"internal_affairs", "不予公开：属于三类内部事务信息", "withheld.internal_affairs", regs + "第十六条第一款、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息属于本机关的人事管理、后勤管理、内部工作流程等方面的信息。根据" + regs + "第十六条第一款、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"process_info", "不予公开：属于四类过程性信息", "withheld.process_info", regs + "第十六条第二款、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据" + regs + "第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。"},
	{"enforcement_file", "不予公开：属于行政执法案卷", "withheld.enforcement_file", regs + "第十六条第二款、第三十六条第（三）项", true, true, false,
		"经审查，{you}申请获取的信息属于行政执法案卷信息。根据" + regs + "第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。"},
	// 36(七) is a referral to a special procedure, not a refusal: no 复议前置 (法释〔2025〕8号 Arts. 1, 10).
	{"query_service", "不予公开：属于行政查询事项", "withheld.query_service", regs + "第三十六条第（七）项", false, true, true,
		"经审查，{you}申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息。根据" + regs + "第三十六条第（七）项的规定，请{you}按照有关法律、行政法规的规定办理。"},
	{"not_exist", "无法提供：经检索没有所需信息", "unavailable.not_held", regs + "第三十六条第（四）项", false, true, false,
		"经检索，本机关未制作或者获取{you}申请的信息。根据" + regs + "第三十六条第（四）项的规定，告知{you}该政府信息不存在。"},
	{"not_this_agency", "无法提供：不属于本机关负责公开", "unavailable.not_held", regs + "第三十六条第（五）项", false, true, false,
		"经审查，{you}申请获取的信息不属于本机关负责公开。根据" + regs + "第三十六条第（五）项的规定，告知{you}该信息的公开机关及联系方式。"},
	{"needs_creation", "无法提供：没有现成信息需要另行制作", "unavailable.needs_creation", regs + "第三十八条", false, true, true,
		"经审查，本机关没有现成的{you}所申请的信息，需要对现有政府信息进行加工、分析方能形成。根据" + regs + "第三十八条的规定，本机关不予提供。"},
	{"unclear_after_correction", "无法提供：补正后申请内容仍不明确", "unavailable.unclear_after_correction", regs + "第三十条", false, true, false,
		"本机关已于此前告知{you}补正申请内容，但补正后申请内容仍不明确，本机关无法确定{you}所需的政府信息。根据" + regs + "第三十条的规定，告知{you}无法提供。"},
	{"petition", "不予处理：信访举报投诉类申请", "not_processed.petition_complaint", regs + "第三十九条第一款", false, true, true,
		"经审查，{you}提出的申请实为信访、投诉、举报等诉求。根据" + regs + "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，{you}可以通过相应渠道提出。"},
	{"repeat", "不予处理：重复申请", "not_processed.repeat", regs + "第三十六条第（六）项", false, true, true,
		"经审查，本机关已就{you}提出的同一政府信息公开申请作出答复，{you}重复申请公开相同政府信息。根据" + regs + "第三十六条第（六）项的规定，本机关不予重复处理。"},
	{"publication", "不予处理：要求提供公开出版物", "not_processed.publication", regs + "第三十九条第二款", false, true, true,
		"经审查，{you}申请获取的信息属于公开出版物。根据" + regs + "第三十九条第二款的规定，{you}可以通过公开渠道获取。"},
	{"mass_repeat", "不予处理：无正当理由大量反复申请", "not_processed.mass_repeat", regs + "第三十五条", false, true, false,
		"经审查，{you}的申请数量、频次明显超过合理范围，经要求{you}说明理由，本机关认为理由不合理。根据" + regs + "第三十五条的规定，本机关不予处理。"},
	// The 条例 names no article for this answer; the reference the national office
	// forwarded (国办公开办函〔2020〕2号) says such requests may be declined (law.md §4.3).
	{"confirm_or_reissue", "不予处理：要求行政机关确认或重新出具已获取信息", "not_processed.confirm_or_reissue",
		"国办公开办函〔2020〕2号转发的《江苏省政府信息公开申请办理答复规范》", false, true, false,
		"经审查，{you}要求本机关确认或者重新出具{you}已经获取的信息，不属于申请获取政府信息。参照国务院办公厅政府信息与政务公开办公室转发的《江苏省政府信息公开申请办理答复规范》（国办公开办函〔2020〕2号），本机关不予处理。"},
	{"no_correction", "其他处理：申请人无正当理由逾期不补正", "other.no_correction", regs + "第三十条", false, false, false,
		"本机关已一次性告知{you}补正申请内容，{you}无正当理由逾期未补正。根据" + regs + "第三十条的规定，视为{you}放弃申请，本机关不再处理该政府信息公开申请。"},
	{"no_fee_paid", "其他处理：申请人逾期未缴纳信息处理费", "other.no_fee_paid", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", false, false, false,
		"本机关已向{you}发出收费通知，{you}逾期未按收费通知要求缴纳信息处理费。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为{you}放弃申请，本机关不再处理该政府信息公开申请。"},
	{"withdrawn", "其他处理：申请人撤回申请", "other.other", "", false, false, false, ""},
	{"other", "其他处理：其他", "other.other", "", false, true, false, ""},
}

// OutcomeByID returns an outcome, or nil.
func OutcomeByID(id OutcomeID) *Outcome {
	for i := range Outcomes {
		if Outcomes[i].ID == id {
			return &Outcomes[i]
		}
	}
	return nil
}

// DecideOutcomes are the answers a clerk may choose when deciding.
func DecideOutcomes() []Outcome {
	var out []Outcome
	for _, o := range Outcomes {
		if o.Decidable {
			out = append(out, o)
		}
	}
	return out
}

// RowFor is the 表三 row an outcome counts in for a report format: in the 2019
// trial format （六）其他处理 is one row.
func (o *Outcome) RowFor(f report.Format) string {
	if f == report.Format2019 && strings.HasPrefix(o.Row, "other.") {
		return "other.all"
	}
	return o.Row
}

// DecisionFor is the decision paragraph addressed to the applicant.
func (o *Outcome) DecisionFor(you string) string {
	return strings.ReplaceAll(o.Decision, "{you}", you)
}

// Grounds are the reasons a 部分公开 gives for the withheld part (Art. 37
// requires them): the refusals of Arts. 14–16, and content that is not
// government information at all.
var Grounds = []struct {
	ID     OutcomeID
	Name   string
	Reason string
}{
	{"state_secret", "属于国家秘密（第十四条）", "属于国家秘密，依据" + regs + "第十四条不予公开"},
	{"law_forbids", "法律、行政法规禁止公开（第十四条）", "属于法律、行政法规禁止公开的信息，依据" + regs + "第十四条不予公开"},
	{"security_stability", "危及“三安全一稳定”（第十四条）", "公开后可能危及国家安全、公共安全、经济安全、社会稳定，依据" + regs + "第十四条不予公开"},
	{"third_party", "涉及第三方合法权益（第十五条）", "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，依据" + regs + "第十五条不予公开"},
	{"internal_affairs", "内部事务信息（第十六条第一款）", "属于人事管理、后勤管理、内部工作流程等内部事务信息，依据" + regs + "第十六条第一款不予公开"},
	{"process_info", "过程性信息（第十六条第二款）", "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，依据" + regs + "第十六条第二款不予公开"},
	{"enforcement_file", "行政执法案卷（第十六条第二款）", "属于行政执法案卷信息，依据" + regs + "第十六条第二款不予公开"},
	{"not_gov_info", "不属于政府信息（第二条、第三十七条）", "不属于" + regs + "第二条所称的政府信息"},
}

func groundReason(id OutcomeID) (string, bool) {
	for _, g := range Grounds {
		if g.ID == id {
			return g.Reason, true
		}
	}
	return "", false
}

// OutcomeGroup is one of the six results of 表三 三、(一)–(六): the
// outcomes whose 表三 row key begins with Key.
type OutcomeGroup struct{ Key, Name string }

// OutcomeGroups are the six results in 表三 order.
var OutcomeGroups = []OutcomeGroup{{"granted", "予以公开"}, {"partly_granted", "部分公开"}, {"withheld", "不予公开"},
	{"unavailable", "无法提供"}, {"not_processed", "不予处理"}, {"other", "其他处理"}}

// Group is the key of the outcome's 表三 result group.
func (o *Outcome) Group() string {
	k, _, _ := strings.Cut(o.Row, ".")
	return k
}

// GroupOutcomes are the outcomes of the group key (none for an unknown key).
func GroupOutcomes(key string) []OutcomeID {
	var out []OutcomeID
	for i := range Outcomes {
		if Outcomes[i].Group() == key {
			out = append(out, Outcomes[i].ID)
		}
	}
	return out
}
