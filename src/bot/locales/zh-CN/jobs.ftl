## Scheduled jobs: callbacks, escalations, reminders, close-out, deadlines
# Callback ladder (回访): to the owner; params number, place, category, technician, completed
callback-ask-fixed =
    您好！这里是物业服务中心回访。维修单 { $number }（{ $place }，{ category-label }）已由 { MASTER($technician) }于 { $completed } 处理完毕。
    请问问题解决了吗？也请您为本次服务评分，谢谢！
callback-ask-rating =
    您好！这里是物业服务中心回访。感谢您确认维修单 { $number }（{ $place }）已修好。
    请您为本次服务评分，您的意见对我们很重要：
callback-reminder-fixed =
    您好，打扰了！维修单 { $number }（{ $place }）已处理完毕，请问问题解决了吗？
    麻烦您点击下方按钮确认并评分，谢谢！
callback-reminder-rating =
    您好，打扰了！请您为维修单 { $number }（{ $place }）的服务评分，谢谢！
# To the desk; also owner, phone
callback-phone-task =
    📞 请电话回访：维修单 { $number }
    业主：{ $owner }（{ $place }）
    电话：{ $phone }
    完成时间：{ $completed }
    业主尚未在机器人中回复，请致电了解是否修好并记录评分。
btn-record-phone-answer = 📝 记录电话回访结果
# Dispatch escalation: to supervisors (and the control room at night); params number, place, category, emergency, minutes, round, offered,
# held (turn: offered to one in round robin; desk: assigned by the desk; queue: waits for the desk to assign; no: broadcast)
dispatch-overdue =
    ⚠️ 工单 { $number } 报修 { $minutes } 分钟仍无人接单（{ emergency-label }）。
    地点：{ $place } · { category-label }
    { $held ->
        [turn] 正按轮询单独派给一位维修人员，尚未接单，超时将轮给下一位。请尽快协调安排。
        [desk] 已由客服单独指派给一位维修人员，尚未接单。请尽快协调安排。
        [queue] 本项目由客服指派派单，请尽快指派维修人员。
       *[no] { $offered ->
            [0] 目前没有可派的在岗维修人员，请立即人工安排。
           *[other] 已第 { $round } 次重新派单，发给 { $offered } 位在岗维修人员。请尽快协调安排。
        }
    }
dispatch-unassigned =
    🚨 工单 { $number } 报修 { $minutes } 分钟，多次派单仍无人接单（{ emergency-label }）！
    地点：{ $place } · { category-label }
    系统已停止自动派单，请立即人工安排维修人员。
# Arrival watch; params number, place, category, emergency, technician, techphone, phone, since
arrival-late-technician =
    ⏰ 工单 { $number }（{ $place }）已到约定上门时间，系统还未收到您的「已到场」。
    如已到场请点击下方按钮；如有延误请及时联系业主（电话 { $phone }）。
arrival-late-supervisor =
    ⚠️ 工单 { $number }（{ emergency-label }）超时未到场。
    维修人员：{ $technician }（电话 { $techphone }）
    业主电话：{ $phone }
    地点：{ $place } · { category-label }
    接单/约定时间：{ $since }
    请跟进处理。
# Appointment reminder; params number, place, category, time, technician, phone, access
appointment-reminder-technician =
    🔔 提醒：您与业主约定 { $time } 上门处理工单 { $number }。
    地点：{ $place } · { category-label }
    业主电话：{ $phone }
    请提前与业主确认。
appointment-coming-owner = 🔔 您好！{ MASTER($technician) }将按约定于 { $time } 上门处理您的报修单 { $number }，请保持电话畅通。
# Daily close-out (monospace); params property, date, reported, completed, open, overdueCount, postponedCount, callbackCount, overdue, postponed, callbacks
closeout-report =
    📊 每日工单日清 · { $property } · { $date }
    今日报修  { $reported }
    今日完成  { $completed }
    未完成    { $open }

    ⏰ 超时工单（{ $overdueCount }）：
    { $overdue }

    🕐 未能当日完成 / 新约时间（{ $postponedCount }）：
    { $postponed }

    ⌛ 超过完工时限（{ $lateCompletionCount }）：
    { $lateCompletion }

    📞 未回访（{ $callbackCount }）：
    { $callbacks }

    { closeout-paid }
# Follow-ups; params id, reason, number, due, role
followup-reminder = ⏰ 跟进事项 #{ $id }（工单 { $number }）将于 { $due } 到期：{ followup-reason }。请及时处理并发送 /followups 记录结果。
followup-overdue = ⚠️ 跟进事项 #{ $id }（工单 { $number }，负责：{ role-label }）已超过期限 { $due } 仍未完成：{ followup-reason }
# To the owner; params id, number, result
followup-result =
    您好！关于您的报修单 { $number } 的服务问题，我们已跟进处理：
    { $result }
    感谢您的反馈，如仍有问题请随时联系我们。
# To the control room when an emergency is reported outside office hours; params as an offer + phone, offered
emergency-night-alert =
    🚨 夜间紧急报修 { $number }
    地点：{ $place } · { category-label }
    描述：{ $description }
    业主电话：{ $phone }
    已派给 { $offered } 位在岗维修人员，请跟进确认有人接单并在 15 分钟内到场。
