// Package audit names what gongkai records in its audit log: one entry per
// change, written in the same transaction as the change (internal/ops).
package audit

import "time"

// Action is what was done, a stable English id with a Chinese name.
type Action string

// Actions, with the names the audit log shows.
var Actions = []struct {
	ID   Action
	Name string
}{
	{"login", "登录"},
	{"login.fail", "登录失败"},
	{"logout", "退出"},
	{"logout.idle", "超时自动退出"},
	{"password.change", "修改密码"},
	{"password.reset_request", "申请通过邮件重设密码"},
	{"password.reset", "通过邮件重设密码"},
	{"case.create", "登记申请"},
	{"case.public", "网上申请"},
	{"case.step", "办理步骤"},
	{"case.undo", "撤销步骤"},
	{"case.propose", "提请负责人审批"},
	{"case.approve", "同意提请"},
	{"case.return", "退回提请"},
	{"case.unpropose", "撤回提请"},
	{"case.edit", "更正登记信息"},
	{"case.letter", "出具文书"},
	{"case.mail", "以电子邮件发送文书"},
	{"case.deliver", "登记文书送达"},
	{"case.attach", "上传附件"},
	{"case.detach", "删除误传的附件"},
	{"case.correction_sent", "申请人在线提交补正"},
	{"case.withdraw_sent", "申请人在线申请撤回"},
	{"case.code_sent", "申请人通过邮件找回查询码"},
	{"case.notice", "以电子邮件提示申请人"},
	{"case.import", "导入申请台账"},
	{"case.assign", "指派承办人"},
	{"case.file", "导出办理案卷"},
	{"case.archive", "归档"},
	{"phrase.forget", "删除常用语"},
	{"decision.import", "导入决定台账"},
	{"decision.undo", "撤销台账导入"},
	{"import.stage", "上传台账待导入"},
	{"report.save", "保存年度报告"},
	{"report.submit", "报送年度报告"},
	{"report.approve", "审定年度报告"},
	{"report.publish", "发布年度报告"},
	{"report.prior", "导入系统外发布的往年报告"},
	{"appeal.create", "登记复议诉讼"},
	{"appeal.update", "修改复议诉讼"},
	{"user.create", "新增用户"},
	{"user.disable", "停用用户"},
	{"user.enable", "启用用户"},
	{"user.reset", "重置密码"},
	{"user.email", "修改电子邮箱"},
	{"user.import", "导入用户名单"},
	{"remind.send", "发送到期提醒"},
	{"agency.update", "修改机关设置"},
	{"agency.import", "导入机关名单"},
	{"calendar.load", "导入节假日安排"},
	{"settings.update", "修改办理规则设置"},
	{"apikey.create", "创建接口密钥"},
	{"catalog.create", "新建主动公开信息"},
	{"catalog.update", "修改主动公开信息"},
	{"catalog.review", "审核主动公开信息"},
	{"catalog.proof", "校对主动公开信息"},
	{"catalog.publish", "发布主动公开信息"},
	{"catalog.withdraw", "撤回主动公开信息"},
	{"catalog.read_files", "读取主动公开附件的文字"},
	{"normative.record", "登记规范性文件"},
	{"normative.import", "导入规范性文件台账"},
	{"newmedia.account", "登记政务新媒体账号"},
	{"newmedia.posts", "登记发布数量"},
	{"newmedia.inspect", "登记巡查"},
	{"column.update", "登记网站栏目"},
	{"column.remove", "删除网站栏目"},
}

// Name is the Chinese name of an action.
func Name(a Action) string {
	for _, x := range Actions {
		if x.ID == a {
			return x.Name
		}
	}
	return string(a)
}

// Entry is one line of the audit log.
type Entry struct {
	At       time.Time
	UserID   int64
	AgencyID int64
	Actor    string // who, as recorded (a user's name, an API key's name, 申请人)
	Action   Action
	Object   string // what: a serial, a year, a login
	Detail   string // in Chinese
}
