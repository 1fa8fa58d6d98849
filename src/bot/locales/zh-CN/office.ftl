## The office's day: staff intake (/intake)
cmd-intake = 登记报修（电话／前台／巡查）
intake-only = 抱歉，此功能仅限客服、中控室和主管使用。
intake-ask-property = 请选择项目：
intake-ask-channel = 报修来源：
channel-phone = 📞 电话报修
channel-counter = 🧾 前台来访
channel-patrol = 🚶 巡查发现
channel-chat = 💬 业主自助报修
channel-label = { $channel ->
    [phone] { channel-phone }
    [counter] { channel-counter }
    [patrol] { channel-patrol }
   *[chat] { channel-chat }
}
intake-ask-home = 请输入房号（如 3-1-502）或业主电话；公共区域请点下方按钮。
intake-public-area = 🏢 公共区域
intake-choose-home = 找到多户，请选择：
intake-home-not-found = 未找到「{ $query }」对应的房屋，请核对房号或电话后重新输入。
intake-home-invalid = 「{ $query }」不是房号或电话号码，请输入如 3-1-502 的房号或 11 位手机号。
intake-ask-photos = 如有照片可直接发送（最多 5 张），没有请点「跳过」。
intake-ask-emergency = 是否紧急？（漏水、停电、燃气、电梯困人等为紧急）
intake-ask-phone = 联系电话：点下方号码确认，或输入其他号码。
intake-summary-head = { channel-label } · 业主：{ $owner }
intake-created = ✅ 已登记，报修编号 { $number }，已派发给 { $offered } 位维修人员。
    { $told ->
        [telegram] 业主已在 Telegram 收到编号，后续进度会自动通知业主。
        [patrol] 这是巡查报修，完工后由您确认。
       *[phone] 业主未使用 Telegram：请电话告知编号；完工确认和回访将作为电话回访任务（/callbacks）交给客服。
    }
intake-too-many-tries = 已中止，未登记任何内容。需要时请重新发送 /intake。
intake-owner-told =
    📋 物业客服已为您登记报修，编号 { $number }。
    📍 { $place } · { category-label }
    📝 { $description }
    接单后会通知您，查看进度请发送 /my。

## The live queue (/queue), a ticket's card and its actions, /find
cmd-queue = 待办工单（客服／主管）
cmd-find = 查找工单（编号／房号／电话）
queue-only = 抱歉，待办工单仅限本项目的客服、主管和中控室查看。
staff-only = 抱歉，此功能仅限物业工作人员使用。
queue-group = { $group ->
    [unaccepted] 未接单
    [not_arrived] 已接单未到场
    [overdue] 超时未完成
    [waiting_owner] 待业主确认
   *[phone] 电话回访任务
}
queue-title = 📋 { $property } · 待办工单
queue-count = { queue-group }：{ $count }
queue-tab = { queue-group }（{ $count }）
queue-group-head = 【{ queue-group }】第 { $page }／{ $pages } 页
queue-empty = 这一组目前没有工单。👍
queue-line = { $emergency ->
    [yes] ⚠️
   *[no] •
} { $number } · { $place } · { category-label } · { $reportedAt } · { $assignee }{ $rework ->
    [yes] 　🔁返修
   *[no] {""}
}{ $urges ->
    [0] {""}
   *[other] 　📣催{ $urges }次
}{ $late ->
    [yes] 　⏰超时
   *[no] {""}
}
btn-prev = ⬅️ 上一页
btn-next = 下一页 ➡️
card-head =
    🧾 工单 { $number } · { status-label }
    ⚠️ { emergency-label } · { category-label }
    📍 { $place }
    📝 { $description }
    🕐 报修：{ $reported } · { channel-label } · 登记人：{ $registered }
    👤 业主：{ $owner } · 👷 维修：{ $technician }
    🔁 返修自：{ $rework }
    🚩 { priority-label } · 完成时限：{ $due }{ $late ->
        [yes] （已超时）
       *[no] {""}
    } · 催单 { $urges } 次
card-event = { $at } { $actor } · { $action }{ $why ->
    [none] {""}
   *[other] （{ $why }）
}
btn-assign = 👷 指派
btn-reassign = 🔀 转单
btn-pool = ↩️ 退回抢单池
btn-staff-cancel = ✖️ 取消工单
btn-note = 🗒 备注
btn-owner-phone = 📞 业主电话
btn-open-card = 🧾 查看工单
assign-choose = 请选择维修人员（在岗且有此技能；括号内为手上未完成工单数）：
assign-candidate = { $name }（{ $open }）
assign-none = 目前没有在岗且有此技能的维修人员。
ask-reason-reassign = 请输入转单原因：
ask-reason-pool = 请输入退回抢单池的原因：
ask-reason-cancel = 请输入取消原因（将告知业主）：
ask-reason-note = 请输入备注内容：
done-assign = ✅ 工单 { $number } 已指派给 { $technician }，5 分钟内未接单将退回待办并通知主管。
done-reassign = ✅ 工单 { $number } 已转给 { $technician }，原维修人员已收到通知。
done-pool = { $offered ->
    [0] ⚠️ 工单 { $number } 已退回抢单池，但目前没有在岗且有此技能的维修人员可以接单，请指派或联系主管。
   *[other] ✅ 工单 { $number } 已退回抢单池，已发给 { $offered } 位在岗维修人员；无人接单时照常提醒主管。
}
done-cancel = ✅ 工单 { $number } 已取消，业主已收到通知。
done-note = ✅ 已为工单 { $number } 添加备注。
ticket-reason-stopped = 已中止，未做任何更改。
owner-phone = 📞 工单 { $number } · 业主 { $owner }：{ $phone }
find-usage = 请发送「/find 编号／房号／电话」，例如 /find 0012、/find 3-1-502 或 /find 13800138000。
find-none = 没有找到与「{ $query }」相关的工单。
find-title = 🔍 找到 { $count } 张工单：
assign-offer =
    { $kind ->
        [turn] 🔔 轮到您接单：工单 { $number }（轮询派单，仅限您接单，{ $minutes } 分钟内有效，超时转给下一位）
        [rework] 🔁 返修工单 { $number }：您之前修过这里，优先派给您（仅限您接单，{ $minutes } 分钟内有效）
       *[desk] 👷 客服指派给您的工单 { $number }（仅限您接单，{ $minutes } 分钟内有效）
    }
    位置：{ $place }
    类别：{ category-label }
    描述：{ $description }
    紧急程度：{ emergency-label }
offer-reassigned = 工单 { $number } 已另行安排，无需处理。
assign-offer-expired = { $next ->
    [turn] 工单 { $number } 已超时未接，已轮给下一位维修人员。
    [pool] 工单 { $number } 已超时未接，已发给其他在岗维修人员抢单。
   *[desk] 工单 { $number } 的指派已超时，已退回客服重新安排。
}
assign-returned = ⏰ 工单 { $number }（{ $place }）指派给 { $technician } 后{ $why ->
    [declined] 被拒绝
   *[expired] 超时未接单
}，已退回待办，请重新安排。
tech-reassigned = 🔀 工单 { $number } 已由客服转给其他维修人员，您无需再处理。
tech-cancelled-by-desk = 工单 { $number } 已被物业取消，无需上门。原因：{ $reason }
owner-cancelled-by-desk = 您的报修 { $number } 已取消。原因：{ $reason }。如有疑问，请联系物业客服。

## /settings: dispatch mode and completion deadlines
setting-dispatchMode = 派单方式（pool 抢单／assign 客服指派／round_robin 轮询／group 派单群）
setting-roundRobinMin = 轮询每人独占时长（分钟）
setting-completionUrgentMin = 紧急工单完成时限（分钟）
setting-completionImportantMin = 重要工单完成时限（分钟）
setting-completionNormalMin = 一般工单完成时限（分钟）
setting-publicWorkingDays = 公共区域完成时限（工作日）
setting-incidentWindowMin = 同一公共区域同类报修自动合并的时间窗（分钟，0 为不自动合并）

## 催单, priorities and the completion clock
btn-urge = 📣 催单
urge-ok = 已为您催促工单 { $number }，维修人员和客服已收到提醒。如仍需催促，请 { $hours } 小时后再试。
urge-too-soon = 您刚刚催过单，我们正在加紧处理。每 2 小时可催单一次，请稍后再试，谢谢您的耐心！
error-too-soon = 操作太频繁，请稍后再试。
urge-technician = 📣 业主催单：工单 { $number }（{ $place }）已催 { $urges } 次，请尽快处理并与业主联系。
urge-desk = 📣 业主催单：工单 { $number }（{ $place } · { category-label }）已催 { $urges } 次。
urge-supervisor = 🚨 超时工单被催单：工单 { $number }（{ $place }）已超过时限，业主已催 { $urges } 次，请立即跟进。
priority-label = { $priority ->
    [urgent] 紧急
    [important] 重要
   *[normal] 一般
}
btn-priority = 🚩 优先级
priority-choose = 请选择新的优先级：
ask-reason-priority = 请输入调整优先级的原因：
done-priority = ✅ 工单 { $number } 的优先级已改为「{ priority-label }」，完成时限已重新计算。
completion-warning = ⏳ 工单 { $number }（{ $place }）将于 { $due } 到达完成时限，请抓紧处理；无法按时完成请点「今天修不完」说明原因。
completion-warning-desk = ⏳ 工单 { $number }（{ $place }）将于 { $due } 到达完成时限，目前仍无人接单，请尽快安排。
completion-breached = 🚨 工单 { $number }（{ $place } · { priority-label }）已超过完成时限 { $due }，请主管跟进。

## Rework (返修)
rework-linked = 🔁 返修提醒：工单 { $number }（{ $place } · { category-label }）与 30 天内完工的工单 { $first }（维修：{ $technician }）为同一问题，已关联为返修并优先派给原维修人员。
btn-rework-link = 🔁 关联返修
btn-rework-unlink = 🔁 取消返修关联
ask-reason-rework-link = 请输入原工单编号和原因，例如：BX-20261101-0003 同一处漏水
ask-reason-rework-unlink = 请输入取消返修关联的原因：
done-rework-link = ✅ 工单 { $number } 已关联为 { $of } 的返修。
done-rework-unlink = ✅ 工单 { $number } 已取消返修关联。

## Night handover (交接班)
handover-digest =
    🌙 夜间交接 · { $property }
    自 { $since } 起
    夜间报修  { $came }
    已完成    { $done }
    仍未完成  { $open }

    { $table }

## /help for the office
flow-name-intake = 登记报修
flow-name-ticket-reason = 工单操作原因
