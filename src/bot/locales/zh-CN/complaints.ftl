## Complaints (投诉): owner, desk, handler, supervisors

cmd-complain = 投诉与建议
cmd-complaints = 投诉处理（客服）
btn-complain = 📮 投诉此单
complain-ask-target = 您好！请问您要投诉的是？
complain-target-ticket = 某张报修单
complain-target-person = 某位工作人员
complain-target-service = 物业服务整体
complain-ask-ticket = 请选择相关的报修单：
complain-ask-property = 请选择小区：
complain-ask-person = 请告诉我们被投诉人的姓名或岗位（如“3 号楼保洁”）：
complain-ask-text = 请描述您要投诉的情况（不超过 { $max } 字）：
complain-ask-photos = 如有照片等凭证，可发送最多 { $max } 张；没有请点「跳过」。
complain-filed =
    ✅ 您的投诉已受理，投诉编号：{ $number }
    我们将于 { $answerBy } 前答复您处理结果。感谢您的监督！
complain-too-many-tries = 已中止，投诉未提交。需要时请重新发送 /complain。
# To the owner; params number, result
complaint-answered =
    您好！您的投诉 { $number } 处理结果如下：
    { $result }
    请问您对处理结果是否满意？
btn-complaint-satisfied = 😊 满意
btn-complaint-dissatisfied = 😞 不满意
complaint-owner-satisfied = 感谢您的反馈！投诉 { $number } 已办结。
complaint-owner-dissatisfied = 很抱歉未能让您满意。投诉 { $number } 已转交主管重新处理，我们会尽快与您联系。
# Labels; params category (none = not yet classified), urgent, valid, source
complaint-category-label = { $category ->
    [attitude] 服务态度
    [quality] 工作质量
    [fees] 收费
    [management] 管理
    [none] 待分类
   *[other] 其他
}
complaint-urgent-label = { $urgent ->
    [yes] 紧急
   *[no] 一般
}
complaint-source-label = { $source ->
    [callback] 回访转投诉
    [rating] 差评转投诉
   *[owner] 业主投诉
}
# To the desk; params number, category, urgent, description, against, ticket, source, due
complaint-new =
    📮 新投诉 { $number }（{ complaint-source-label }）
    被投诉：{ $against } · 报修单：{ $ticket }
    { $description }
    请于 1 小时内分类并指定处理人，处理期限 { $due }。
btn-complaint-handle = 🗂 分类并指派
complaints-none = 目前没有待处理的投诉。
complaints-title = 📮 待处理投诉（{ $count } 件）
complaints-line =
    { $overdue ->
        [yes] 🔴 已超期{" "}
       *[no] {""}
    }{ $number } · { complaint-category-label }{ $urgent ->
        [none] {""}
       *[other] {" "}· { complaint-urgent-label }
    } · 期限 { $due }
    { $description }
    被投诉：{ $against } · 报修单：{ $ticket } · 处理人：{ $handler }{ $reopened ->
        [yes] {" "}· 业主不满意，已重新处理
       *[no] {""}
    }
complaint-ask-category = 投诉 { $number }：请选择投诉类别。
complaint-ask-urgency = 请选择紧急程度：
complaint-urgency-urgent = 紧急（1 个工作日内处理）
complaint-urgency-general = 一般（3 个工作日内处理）
complaint-ask-valid = 这是有效投诉，还是沟通性投诉（求助、咨询）？
complaint-valid-yes = 有效投诉
complaint-valid-no = 沟通性投诉
complaint-ask-handler = 请指定处理人（当天内开始调查）：
complaint-no-handlers = 本项目还没有可指派的员工，请先邀请员工。
complaint-desk-done = ✅ 投诉 { $number } 已分类，由 { $handler } 处理，处理期限 { $due }。
complaint-desk-too-many-tries = 已中止，未做任何更改。需要时请重新发送 /complaints。
# To the handler; params number, description, against, due
complaint-assigned =
    📮 请处理投诉 { $number }（处理期限 { $due }）
    被投诉：{ $against }
    { $description }
    处理完毕后请点下方按钮记录结果，我们会告知业主。
btn-complaint-result = 📝 记录处理结果
complaint-ask-result = 请输入投诉 { $number } 的处理结果（将转告业主，不超过 { $max } 字）：
complaint-result-recorded = ✅ 已记录投诉 { $number } 的处理结果，并已告知业主、请其评价。
# Turning a callback or a low rating into a complaint; params ticket, number
cmd-tocomplaint = 回访意见转投诉（客服）
tocomplaint-usage = 用法：/tocomplaint 报修单号，例如 /tocomplaint BX-20261123-0001（该单须已有回访评价）。
tocomplaint-done = ✅ 已将报修单 { $ticket } 的回访意见登记为投诉 { $number }。
# Deadlines; params number, category, urgent, against, due, stage (reminder | handle | answer)
complaint-reminder = ⏰ 投诉 { $number }（{ complaint-category-label }，{ complaint-urgent-label }）需在 { $due } 前处理完毕，请抓紧跟进。
complaint-overdue = { $stage ->
    [answer] ⚠️ 投诉 { $number }（{ complaint-category-label }，被投诉：{ $against }）已超过答复期限 { $due }，仍未答复业主！
   *[handle] ⚠️ 投诉 { $number }（{ complaint-category-label }，{ complaint-urgent-label }，被投诉：{ $against }）已超过处理期限 { $due }。
}
# To the supervisors; params number, description, since
complaint-unassigned = ⚠️ 投诉 { $number }（{ $since } 受理）超过 1 小时仍未指定处理人：{ $description }
# To the supervisors; params number, result, description, due
complaint-reopened =
    ⚠️ 业主对投诉 { $number } 的处理结果不满意，请主管重新处理（期限 { $due }）。
    投诉内容：{ $description }
    上次处理结果：{ $result }
