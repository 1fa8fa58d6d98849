## Common words, labels and errors
language-name = 简体中文
welcome = 您好，{ $name }！这里是物业报修服务台，请问能为您做些什么？
help-not-joined = 您还没有绑定房屋。请使用物业服务中心发给您的绑定链接，或发送「/join 绑定码」。如没有绑定码，请联系物业服务中心。
join-usage = 请发送「/join 绑定码」，绑定码由物业服务中心提供。
join-invalid = 抱歉，这个绑定码无效、已使用或已过期。请联系物业服务中心重新获取。
join-owner-ok = 绑定成功！您已绑定 { $property } { $unit }。如需报修，请发送 /repair。
join-staff-ok = 欢迎加入 { $property }！您的岗位：{ role-label }。{ $skills ->
    [none] {""}
    [all] 可接所有类别的维修。
   *[other] 技能：{ $skills }。
}
language-ask = 🌐 请选择语言 / Please choose a language
language-set = 好的，以后我会用简体中文和您沟通。
cancelled = 已取消当前操作。如需帮助，请发送 /help。
nothing-to-cancel = 当前没有进行中的操作。
flow-interrupted = { $flow ->
    [staff-phone] 手机号还没有保存，已中止。
    [repair] 您的报修还没有提交，已中止（/repair 可重新开始）。
    [not-fixed] 「没修好」的说明还没有发送，已中止。
    [rating-comment] 您的意见还没有发送，已中止。
    [job-done] 完工登记还没有提交，已中止（可在 /jobs 中重新点「已完成」）。
    [cannot-finish] 「今天修不完」还没有提交，已中止（可在 /jobs 中重新操作）。
    [desk-phone-answer] 电话回访结果还没有记录，已中止（/callbacks 可重新开始）。
    [desk-followup-close] 跟进结果还没有记录，已中止（/followups 可重新开始）。
   *[other] 您刚才的填写已中止，未提交任何内容。
}
unknown-command = 抱歉，我不认识这个命令。
not-understood = 抱歉，我没有理解您的意思。
stale-button = 这个按钮已失效，您的操作没有生效。
technician-only = 抱歉，此功能仅限维修人员使用。
error-generic = 抱歉，系统出了点问题，请稍后再试。
error-not-found = 没有找到这张报修单，或您无权查看。
error-forbidden = 抱歉，您没有权限进行此操作。
error-not-registered = 请先绑定房屋或岗位后再使用。
error-not-offered = 这张工单没有派给您。
error-already-taken = 这张工单已被其他同事接单，谢谢！
error-ticket-not-open = 这张工单已取消或已结束。
error-invalid-state = 当前状态下不能进行此操作。
error-invalid-input = 填写内容不正确，请检查后再试。
error-invalid-rating = 评分请选择 1 到 5 分。
error-already-rated = 您已经评价过了，谢谢！
error-invite-invalid = 绑定码无效或已过期。
error-duplicate = 已存在，无需重复添加。
ask-old-button = 请回答最新的问题。
ask-use-buttons = 请点击下方按钮进行选择。
ask-send-text = 请用文字回复。
ask-too-long = 内容太长了（{ $length } 字），请控制在 { $max } 字以内。
ask-too-many-tries = 我们先到这里，没有提交任何内容。{ $flow ->
    [repair] 需要时请重新发送 /repair。
   *[other] 需要时请重新操作。
}
btn-skip = 跳过
followup-new = 📌 新的跟进事项 #{ $id }（工单 { $number }）：{ followup-reason }
cmd-repair = 报修
cmd-my = 我的报修单
cmd-jobs = 我的工单
cmd-duty = 上班/下班（接不接新单）
cmd-language = 切换语言
cmd-help = 帮助
cmd-cancel = 取消当前操作
rate-5 = 5 很满意
rate-4 = 4 满意
rate-3 = 3 一般
rate-2 = 2 不满意
rate-1 = 1 很不满意
category-water = 给排水
category-electricity = 电路
category-gas = 燃气
category-doors_locks = 门窗锁具
category-lighting = 照明
category-appliances = 家电
category-public_facilities = 公共设施
category-other = 其他
category-label = { $category ->
    [water] { category-water }
    [electricity] { category-electricity }
    [gas] { category-gas }
    [doors_locks] { category-doors_locks }
    [lighting] { category-lighting }
    [appliances] { category-appliances }
    [public_facilities] { category-public_facilities }
   *[other] { category-other }
}
status-label = { $status ->
    [open] 已受理，正在安排维修人员
    [accepted] 已安排维修人员
    [arrived] 维修中
    [postponed] 待再次上门
    [completed] 维修已完成，请您确认
    [closed] 已完成
    [cancelled] 已取消
    [linked] 同一问题已有报修，正在一并处理
    [declined] 业主未同意报价
   *[other] { $status }
}
role-label = { $role ->
    [admin] 管理员
    [desk] 客服
    [technician] 维修人员
    [supervisor] 主管
    [control_room] 中控室
   *[other] { $role }
}
emergency-label = { $emergency ->
    [yes] 紧急
   *[no] 一般
}
access-home = 家里有人
access-key = 物业处有备用钥匙
access-call = 家里没人，上门前先打电话
access-public = 公共区域，无需入户
access-label = { $access ->
    [home] { access-home }
    [public] { access-public }
    [key] { access-key }
   *[call] { access-call }
}
time-asap = 尽快
time-today_pm = 今天下午（14:00-17:00）
time-tomorrow_am = 明天上午（9:00-12:00）
time-tomorrow_pm = 明天下午（14:00-17:00）
time-label = { $time ->
    [asap] { time-asap }
    [today_pm] { time-today_pm }
    [tomorrow_am] { time-tomorrow_am }
    [tomorrow_pm] { time-tomorrow_pm }
   *[other] { $time }
}
list-separator = 、
followup-reason = { $rating ->
    [0] { $reason }
   *[other] 业主评分 { $rating } 分{ $reason ->
        [none] {""}
       *[other] ：{ $reason }
    }
}
