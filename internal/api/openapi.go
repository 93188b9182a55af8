package api

import (
	"fmt"
	"regexp"
	"strings"

	"gongkai/internal/appeal"
	"gongkai/internal/auditor"
	"gongkai/internal/casework"
	"gongkai/internal/fetch"
	"gongkai/internal/report"
)

type obj = map[string]any

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

func str(desc string) obj { return obj{"type": "string", "description": desc} }

func dateSchema(desc string) obj {
	return obj{"type": "string", "format": "date", "description": desc}
}

func enum(desc string, values []string) obj {
	return obj{"type": "string", "description": desc, "enum": values}
}

var pathParam = regexp.MustCompile(`\{(\w+)\}`)

// OpenAPI is the OpenAPI 3 document of the API, built from the same route
// table the server uses, so that a route cannot exist without its description.
func (s *Server) OpenAPI() obj {
	e := newAPIEnums()
	paths, schemas := s.openAPIPaths(e), openAPISchemas(e)
	return obj{
		"openapi": "3.0.3",
		"info": obj{"title": "gongkai 政府信息公开 API", "version": "1",
			"description": "依申请公开办理、主动公开目录（三审三校）、规范性文件、政务新媒体、网站栏目和年度报告接口。每个机关有自己的 API 密钥，只能访问本机关的记录。错误返回 JSON：422 内容有误（field 指出字段），409 当前状态不允许，404 不存在或不属于本机关，401 密钥无效。"},
		"servers":    []obj{{"url": "/"}},
		"paths":      paths,
		"components": obj{"schemas": schemas, "securitySchemes": obj{"apiKey": obj{"type": "http", "scheme": "bearer", "description": "Authorization: Bearer gk_…"}}},
	}
}

// apiEnums are the enumerations of the API, each from the one list the
// program itself uses.
type apiEnums struct {
	channels, types, outcomes, kinds, states, parties, grounds, appealKinds, appealResults, results, marks, filed []string
}

func newAPIEnums() apiEnums {
	var e apiEnums
	for _, c := range casework.Channels {
		e.channels = append(e.channels, string(c.ID))
	}
	for _, t := range casework.ApplicantTypes {
		e.types = append(e.types, string(t.ID))
	}
	for _, o := range casework.Outcomes {
		e.outcomes = append(e.outcomes, string(o.ID))
	}
	for _, g := range casework.OutcomeGroups {
		e.results = append(e.results, g.Key)
	}
	for _, m := range casework.MarkKinds {
		e.marks = append(e.marks, m.Key)
	}
	for _, f := range casework.FiledStates {
		e.filed = append(e.filed, f.Key)
	}
	for _, k := range casework.StepKinds() {
		if k.Kind != casework.KindReceive {
			e.kinds = append(e.kinds, string(k.Kind))
		}
	}
	for _, st := range casework.States {
		e.states = append(e.states, string(st.ID))
	}
	for _, pk := range casework.PartyKinds {
		e.parties = append(e.parties, string(pk.ID))
	}
	for _, g := range casework.Grounds {
		e.grounds = append(e.grounds, string(g.ID))
	}
	for _, k := range appeal.Kinds {
		e.appealKinds = append(e.appealKinds, string(k))
	}
	for _, r := range appeal.Results {
		e.appealResults = append(e.appealResults, string(r))
	}
	return e
}

// queryParam is a query parameter of an operation.
func queryParam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": schema}
}

// caseListParams are the case list's filters.
func caseListParams(e apiEnums) []obj {
	q := queryParam
	return []obj{
		q("state", "状态", enum("", e.states)), q("outcome", "答复结果", enum("", e.outcomes)),
		q("result", "办理结果类别（年度报告表三的六类）", enum("", e.results)), q("step", "办理过这一环节的申请（撤销的环节不计）", enum("", e.marks)),
		q("filed", "归档状态：filed 已归档（有档号），unfiled 已办结未归档", enum("", e.filed)), q("channel", "申请方式", enum("", e.channels)),
		q("applicant_type", "申请人类型", enum("", e.types)), q("received_from", "收到日期起", dateSchema("")), q("received_to", "收到日期止", dateSchema("")),
		q("due_by", "答复期限不晚于此日的未办结申请（即将到期）", dateSchema("")),
		q("overdue", "true：已超过答复期限的未办结申请", obj{"type": "boolean"}), q("open", "true：只列未办结的申请", obj{"type": "boolean"}),
		q("closed_from", "答复日期起", dateSchema("")), q("closed_to", "答复日期止", dateSchema("")), q("late", "true：超过答复期限才答复的申请", obj{"type": "boolean"}),
		q("asked", "true：申请人在线提交了补正或撤回申请、待确认的未办结申请", obj{"type": "boolean"}),
		q("proposed", "true：办理人提请、待负责人审批的申请", obj{"type": "boolean"}),
		q("returned", "true：最近一次提请被负责人退回的未办结申请", obj{"type": "boolean"}),
		q("handler", "承办人的用户编号（handler_id），或 none：尚未指派承办人的申请", obj{"type": "string"}), q("q", "按编号、申请人、申请内容搜索", obj{"type": "string"}),
		q("limit", "每页条数，默认 50，最多 500", obj{"type": "integer"}), q("offset", "跳过的条数", obj{"type": "integer"})}
}

// openAPIPaths describes every route of the server's own route table.
func (s *Server) openAPIPaths(e apiEnums) obj {
	errResp := obj{"description": "错误：code 为稳定的英文代码，message 为中文说明，field 为出错的字段",
		"content": obj{"application/json": obj{"schema": ref("Error")}}}
	paths := obj{}
	add := func(method, path, summary string, extra obj) {
		op := obj{"summary": summary, "security": []obj{{"apiKey": []string{}}},
			"responses": obj{"400": errResp, "401": errResp, "404": errResp, "409": errResp, "413": errResp, "422": errResp,
				"503": obj{"description": "数据库正忙（code 为 busy），本次请求未写入：按 Retry-After 的秒数后重试",
					"content": obj{"application/json": obj{"schema": ref("Error")}}}}}
		var params []obj
		for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
			params = append(params, obj{"name": m[1], "in": "path", "required": true, "schema": obj{"type": "string"}})
		}
		for k, v := range extra {
			if k == "parameters" {
				params = append(params, v.([]obj)...)
				continue
			}
			if k == "responses" {
				for code, resp := range v.(obj) {
					op["responses"].(obj)[code] = resp
				}
				continue
			}
			op[k] = v
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		p, _ := paths[path].(obj)
		if p == nil {
			p = obj{}
			paths[path] = p
		}
		p[strings.ToLower(method)] = op
	}
	q := queryParam
	json := func(schema obj) obj { return obj{"application/json": obj{"schema": schema}} }
	extras := map[string]obj{
		"GET /api/v1/cases": {"parameters": caseListParams(e),
			"responses": obj{"200": obj{"description": "一页申请", "content": json(ref("CaseList"))}}},
		"POST /api/v1/cases": {"requestBody": obj{"required": true, "content": json(ref("Intake"))},
			"responses": obj{"201": obj{"description": "已登记", "content": json(ref("CaseView"))}}},
		"GET /api/v1/cases/{id}": {"responses": obj{"200": obj{"description": "申请详情", "content": json(ref("CaseView"))}}},
		"POST /api/v1/cases/{id}/steps": {"requestBody": obj{"required": true, "content": json(ref("Step"))},
			"responses": obj{"200": obj{"description": "已记录", "content": json(ref("CaseView"))}}},
		"POST /api/v1/cases/{id}/handler": {"requestBody": obj{"required": true, "content": json(ref("HandlerInput"))},
			"responses": obj{"200": obj{"description": "已指派", "content": json(ref("CaseView"))}}},
		"GET /api/v1/cases/{id}/letters/{seq}": {"parameters": []obj{q("format", "json（默认）、text、html、docx 或 pdf", enum("", []string{"json", "text", "html", "docx", "pdf"}))},
			"responses": obj{"200": obj{"description": "文书", "content": obj{"application/json": obj{"schema": ref("Letter")},
				"text/plain": obj{"schema": obj{"type": "string"}}, "text/html": obj{"schema": obj{"type": "string"}}}}}},
		"GET /api/v1/reports/{year}/applications": {"parameters": []obj{q("format", "json（默认），或 docx、pdf、xlsx 文件", enum("", []string{"json", "docx", "pdf", "xlsx"}))}, "responses": obj{"200": obj{"description": "年度报告 JSON 模型（见 report-model.md），其中 applications 为按记录计算的表三",
			"content": json(obj{"type": "object"})}}},
		"GET /api/v1/appeals": {"responses": obj{"200": obj{"description": "记录（新的在前）", "content": json(obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("Appeal")}}})}}},
		"POST /api/v1/appeals": {"requestBody": obj{"required": true, "content": json(ref("Appeal"))},
			"responses": obj{"201": obj{"description": "已登记", "content": json(ref("Appeal"))}}},
		"POST /api/v1/appeals/{id}/conclusion": {"requestBody": obj{"required": true, "content": json(obj{"type": "object", "required": []string{"concluded_on", "result"},
			"properties": obj{"concluded_on": dateSchema("审结日期"), "result": enum("结果", e.appealResults),
				"fingerprint": str("读取时记录的指纹（可选：带上时，他人已先修改则拒绝保存并返回 409）")}})},
			"responses": obj{"200": obj{"description": "已记录", "content": json(ref("Appeal"))}}},
	}
	for k, v := range otherPaths() {
		extras[k] = v
	}
	for _, rt := range s.routes() {
		add(rt.method, rt.path, rt.summary, extras[rt.method+" "+rt.path])
	}
	paths["/api/v1/openapi.json"] = obj{"get": obj{"summary": "本文档", "responses": obj{"200": obj{"description": "OpenAPI 3 文档"}}}}
	return paths
}

func openAPISchemas(e apiEnums) obj {
	out := caseSchemas(e)
	for k, v := range catalogSchemas() {
		out[k] = v
	}
	for k, v := range auditSchemas() {
		out[k] = v
	}
	for k, v := range statsSchemas() {
		out[k] = v
	}
	return out
}

// auditPath documents POST /api/v1/audit: a file as the body.
func auditPath() obj {
	return obj{"parameters": []obj{{"name": "name", "in": "query", "description": "文件名（含扩展名，如 2024年报.pdf；.zip 为压缩包，核查其中每一份报告）", "schema": obj{"type": "string"}},
		{"name": "url", "in": "query", "description": fmt.Sprintf("报告的网址，可重复（最多 %d 个）：给出时由服务器下载（只下载互联网上公开的网址；网页只附有报告文件时读取附件），不读请求内容", fetch.MaxAddresses),
			"schema": obj{"type": "array", "items": obj{"type": "string"}}, "explode": true}},
		"requestBody": obj{"required": false, "description": fmt.Sprintf("文件本身（网页、Word、PDF、WPS、OFD、Excel、文本或 zip），不超过 %d MB；zip 中最多 %d 个文件、解压后合计 %d MB", MaxAudit>>20, auditor.MaxUploadFiles, auditor.MaxUploadBytes>>20),
			"content": obj{"application/octet-stream": obj{"schema": obj{"type": "string", "format": "binary"}}}},
		"responses": obj{"200": obj{"description": "核查结果：summary 为计数；files 每个文件一项（同一机关几个年度时按年度排列并逐年核对，prev 为所对照的上年文件），findings 为发现的问题，report 为读出的报告（report-model.md）；无法读取的文件只有 error",
			"content": obj{"application/json": obj{"schema": ref("AuditResult")}}}}}
}

// auditSchemas are the answer of POST /api/v1/audit.
func auditSchemas() obj {
	count := func(desc string) obj { return obj{"type": "integer", "description": desc} }
	return obj{
		"AuditResult": obj{"type": "object", "properties": obj{
			"summary": obj{"type": "object", "properties": obj{"files": count("文件数"), "with_errors": count("有错误的"),
				"with_warnings": count("仅有警告或提示的"), "clean": count("未发现问题的"), "unreadable": count("无法读取的"),
				"reports": count("读出的报告数（汇编文件中的每份报告分别审核、分别计数；有错误的、仅有警告或提示的、未发现问题的均按报告计）")}},
			"files": obj{"type": "array", "items": ref("AuditFile")}}},
		"AuditFile": obj{"type": "object", "properties": obj{
			"file": str("文件名（压缩包中的为 包.zip/路径；汇编文件中的报告后加“（第 2 份，共 12 份，第 81 行起）”）"), "error": str("无法读取时的原因"), "prev": str("逐年核对所对照的上年文件"), "saved": str("已与本系统中保存的该机关该年度报告核对时，该机关的名称（PUB.DIFF）"),
			"errors": count("错误数"), "warnings": count("警告数"), "infos": count("提示数"),
			"findings": obj{"type": "array", "items": ref("AuditFinding")},
			"report":   obj{"type": "object", "description": "读出的报告（report-model.md 的 JSON 模型）"}}},
		"AuditFinding": obj{"type": "object", "properties": obj{
			"rule":     str("规则编号（稳定的英文编号，见 gongkai report rules）"),
			"title":    str("规则名称"),
			"severity": enum("级别", []string{string(report.SevError), string(report.SevWarning), string(report.SevInfo)}),
			"cell":     str("所涉单元格（如有）"), "message": str("中文说明"), "line": count("文件中的行号（如有）")}},
	}
}

func caseSchemas(e apiEnums) obj {
	return obj{
		"Error": obj{"type": "object", "properties": obj{"error": obj{"type": "object", "properties": obj{
			"code":    enum("", []string{"invalid", "conflict", "not_found", "forbidden", "unauthorized", "throttled", "too_large", "calendar_missing", "internal"}),
			"message": str("中文说明"), "field": str("出错的字段（多处时为第一处）"),
			"fields": obj{"type": "array", "description": "每一处问题", "items": obj{"type": "object", "properties": obj{"field": str("字段"), "message": str("中文说明")}}}}}}},
		"Applicant": obj{"type": "object", "required": []string{"type", "name"}, "properties": obj{
			"type": enum("申请人类型（表三的列）", e.types), "name": str("姓名或名称"),
			"id_type": str("身份证明类型：身份证、护照……；组织填 统一社会信用代码"), "id_number": str("身份证明号码（身份证按 GB 11643、统一社会信用代码按 GB 32100 校验）"),
			"phone": str("电话"), "email": str("电子邮箱"), "address": str("通信地址")}},
		"Request": obj{"type": "object", "required": []string{"description"}, "properties": obj{
			"description": str("所需信息的名称、文号或者便于查询的其他特征性描述"), "form": str("获取形式：纸质/电子"), "delivery": str("获取途径：邮寄/电子邮件/自行领取"),
			"items": obj{"type": "array", "maxItems": casework.MaxItems, "description": "一件申请含多项信息时逐项列出（表三按项统计时逐项答复）", "items": obj{"type": "string"}}}},
		"Intake": obj{"type": "object", "required": []string{"channel", "applicant", "request"}, "description": "收到申请之日由申请方式及其确认事实确定（《条例》第三十一条），不直接填写",
			"properties": obj{"channel": enum("申请方式", e.channels),
				"submitted_on": dateSchema("当面提交的日期（in_person）"), "signed_on": dateSchema("签收日期（letter_signed）"),
				"confirmed_on": dateSchema("双方确认之日（letter_unsigned、online、fax、email）"),
				"applicant":    ref("Applicant"), "request": ref("Request")}},
		"Step": obj{"type": "object", "required": []string{"kind", "on"}, "properties": obj{
			"kind": enum("办理步骤", e.kinds), "on": dateSchema("该事实发生的日期"), "note": str("补正事项、延期理由、说明"),
			"party": str("征求意见的第三方或机关"), "party_kind": enum("征求意见对象类别（consult）", e.parties),
			"outcome":      enum("答复结果（decide）", e.outcomes),
			"grounds":      obj{"type": "array", "description": "部分公开时不予公开部分的理由（《条例》第三十七条）", "items": enum("", e.grounds)},
			"delivered_on": dateSchema("收费通知或征求意见书送达的日期（已知时）"), "until": dateSchema("合理答复期限（set_period，《条例》第三十五条）"),
			"undoes":    obj{"type": "integer", "description": "撤销的步骤序号（undo，只能是最后一步）"},
			"method":    enum("计收方式（fee_notice）", []string{string(casework.FeeByApplications), string(casework.FeeByPages)}),
			"pages":     obj{"type": "integer", "description": "页数（按量计收）"},
			"count":     obj{"type": "integer", "description": "忽略：按件计收时，该申请人本月第几件由登记记录统计"},
			"referral":  str("负责公开的机关及联系方式（not_this_agency）"),
			"route":     str("获取该信息的方式和途径（already_public，《条例》第三十六条第（一）项）"),
			"provision": str("提供方式（disclosed、partly_disclosed，《条例》第四十条），写入答复书"),
			"into":      obj{"type": "integer", "description": "合并到的申请编号（merge）"},
			"to":        obj{"type": "integer", "description": "负责公开的机关编号（transfer，本系统内的机关）"},
			"amount":    obj{"type": "integer", "description": "只读：收费金额（元），由计收方式和数量计算", "readOnly": true},
			"items": obj{"type": "array", "description": "逐项答复（decide，表三按项统计且申请含多项时）", "items": obj{"type": "object", "required": []string{"item", "outcome"},
				"properties": obj{"item": str("信息项"), "outcome": enum("该项的答复结果", e.outcomes)}}}}},
		"Appeal": obj{"type": "object", "required": []string{"kind", "body", "filed_on"}, "description": "表四按这些记录计算；仅作为复议机关共同被告的案件不计入",
			"properties": obj{"id": obj{"type": "integer", "readOnly": true}, "case_id": obj{"type": "integer", "description": "相关的本机关申请"},
				"kind": enum("类别：行政复议、未经复议直接起诉、复议后起诉", e.appealKinds), "number": str("案号"), "body": str("复议机关或人民法院"),
				"applicant": str("申请人或原告"), "filed_on": dateSchema("申请复议或起诉日期"), "concluded_on": dateSchema("审结日期（未审结不填）"),
				"result": enum("结果（审结时）", e.appealResults), "co_defendant_only": obj{"type": "boolean", "description": "本机关仅作为复议机关共同被告"},
				"note": str("备注"), "fingerprint": obj{"type": "string", "readOnly": true, "description": "记录内容的指纹（记录审结时可带回）"}}},
		"CaseView": obj{"type": "object", "description": "申请、全部办理步骤（事件）、答复期限及其计算说明、可进行的步骤、需补正的内容",
			"properties": obj{"state": enum("状态", e.states), "outcome": enum("答复结果", e.outcomes), "allowed_steps": obj{"type": "array", "items": enum("", e.kinds)},
				"handler_id": obj{"type": "integer", "description": "承办人的用户编号（未指派时没有）"}, "handler": str("承办人姓名"),
				"archive_no": str("归档的档号（未归档时没有）"), "archived_on": dateSchema("归档日期"),
				"corrections_sent": obj{"type": "array", "description": "申请人在线提交的补正（待以 correction_received 步骤确认收到）", "items": obj{"type": "object",
					"properties": obj{"sent_at": obj{"type": "string", "format": "date-time"}, "text": str("补正内容"), "attachment_id": obj{"type": "integer", "description": "随补正上传的附件编号"}}}},
				"withdraws_sent": obj{"type": "array", "description": "申请人在线提交的撤回申请（待以 withdraw 步骤登记）", "items": obj{"type": "object",
					"properties": obj{"sent_at": obj{"type": "string", "format": "date-time"}, "reason": str("撤回理由")}}},
				"deliveries": obj{"type": "array", "description": "登记的文书送达（方式、日期、邮件号、签收日期）", "items": obj{"type": "object"}},
				"notices":    obj{"type": "array", "description": "以电子邮件提示申请人的记录（所涉步骤 seq、事项 what、邮箱 to（遮蔽）、发送时间 sent_at）", "items": obj{"type": "object"}},
				"proposals":  obj{"type": "array", "description": "提请负责人审批的步骤（先提请的在前，待审批的至多一项）", "items": ref("Proposal")}}},
		"Proposal": obj{"type": "object", "properties": obj{"id": obj{"type": "integer"}, "step": ref("Step"), "note": str("拟办意见"), "by": str("提请人"),
			"at": obj{"type": "string", "format": "date-time"}, "state": enum("pending 待审批、approved 已同意、returned 已退回、withdrawn 已撤回",
				[]string{string(casework.ProposalPending), string(casework.ProposalApproved), string(casework.ProposalReturned), string(casework.ProposalWithdrawn)}),
			"decided_by": str("审批人"), "decided_at": obj{"type": "string", "format": "date-time"}, "comment": str("负责人的意见（退回时为理由）")}},
		"HandlerInput": obj{"type": "object", "required": []string{"handler_id"}, "properties": obj{"handler_id": obj{"type": "integer", "description": "承办人的用户编号：本机关在用的办理人或负责人；0 为取消承办人"}}},
		"CaseList": obj{"type": "object", "properties": obj{"total": obj{"type": "integer"}, "items": obj{"type": "array", "items": obj{"type": "object",
			"properties": obj{"steps": obj{"type": "array", "items": enum("", e.marks), "description": "办理中经过的环节：延期答复、要求补正、征求意见（撤销的不计）"},
				"archive_no": str("归档的档号（未归档时没有）"), "proposed": obj{"type": "boolean", "description": "有提请负责人审批、待审批的步骤"}}}}}},
		"Letter": obj{"type": "object", "description": "答复书或告知书：标题、文号、申请人、申请事实、处理决定及法律依据、救济途径、答复机关、日期、印章"},
	}
}

// otherPaths are the paths documented outside openAPIPaths: the catalog's,
// the audit's, the 案卷's and the statistics'.
func otherPaths() map[string]obj {
	out := catalogPaths()
	out["POST /api/v1/audit"] = auditPath()
	out["GET /api/v1/cases/{id}/file"] = caseFilePath()
	json := func(schema obj) obj { return obj{"application/json": obj{"schema": schema}} }
	out["POST /api/v1/cases/{id}/letters/{seq}/delivery"] = obj{"requestBody": obj{"required": true, "content": json(obj{"type": "object",
		"properties": obj{"id": obj{"type": "integer", "description": "已有送达记录的编号：只登记其签收日期（回执返回时）"},
			"method": enum("送达方式", casework.DeliveryMethods), "sent_on": dateSchema("送达（寄出）日期"), "tracking": str("邮件号（邮寄时）"),
			"received_on": dateSchema("签收日期（已知时）"), "note": str("备注")}})},
		"responses": obj{"200": obj{"description": "已登记", "content": json(ref("CaseView"))}}}
	out["POST /api/v1/cases/{id}/proposal"] = obj{"requestBody": obj{"required": true, "content": json(obj{"type": "object", "required": []string{"step"},
		"properties": obj{"step": ref("Step"), "note": str("拟办意见（写给负责人）")}})},
		"responses": obj{"200": obj{"description": "已提请", "content": json(ref("CaseView"))}}}
	out["POST /api/v1/cases/{id}/proposal/decision"] = obj{"requestBody": obj{"required": true, "content": json(obj{"type": "object",
		"properties": obj{"approve": obj{"type": "boolean", "description": "true 同意并登记该步骤；false 退回"}, "comment": str("意见；退回时必填")}})},
		"responses": obj{"200": obj{"description": "已处理", "content": json(ref("CaseView"))}}}
	out["POST /api/v1/cases/{id}/proposal/withdraw"] = obj{"responses": obj{"200": obj{"description": "已撤回", "content": json(ref("CaseView"))}}}
	out["POST /api/v1/cases/{id}/archive"] = obj{"responses": obj{"200": obj{"description": "已归档", "content": json(ref("CaseView"))}}}
	out["POST /api/v1/cases/{id}/letters/{seq}/mail"] = obj{"requestBody": obj{"required": false, "content": json(obj{"type": "object",
		"properties": obj{"to": str("收件人电子邮箱；不给出时用申请中的电子邮箱")}})},
		"responses": obj{"200": obj{"description": "已发送", "content": json(obj{"type": "object", "properties": obj{"seq": obj{"type": "integer"},
			"number": str("文号"), "to": str("收件人"), "sent_at": obj{"type": "string", "format": "date-time"}, "sent_by": str("经办")}})}}}
	out["GET /api/v1/stats"] = obj{"parameters": []obj{{"name": "year", "in": "query", "description": "年度，默认今年", "schema": obj{"type": "integer"}}},
		"responses": obj{"200": obj{"description": "统计", "content": obj{"application/json": obj{"schema": ref("StatsResult")}}}}}
	return out
}

// caseFilePath is the 案卷's response: a ZIP.
func caseFilePath() obj {
	return obj{"responses": obj{"200": obj{"description": "zip 压缩包：01 办理记录.pdf（登记信息、办理过程、卷内文件目录）、各文书 PDF、附件原件",
		"content": obj{"application/zip": obj{"schema": obj{"type": "string", "format": "binary"}}}}}}
}
