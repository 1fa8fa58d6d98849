## Technician: offers and jobs
offer-new =
    🔔 新工单 { $number }
    位置：{ $place }
    类别：{ category-label }
    描述：{ $description }
    上门：{ access-label }
    时间：{ time-label }
offer-new-emergency =
    🚨 紧急工单 { $number }！请尽快接单，15 分钟内到场。
    位置：{ $place }
    类别：{ category-label }
    描述：{ $description }
    上门：{ access-label }
offer-taken = 工单 { $number } 已由 { MASTER($technician) }接单，无需处理，谢谢！
offer-withdrawn = 工单 { $number } 已被业主取消，无需处理。
btn-accept = 接单
btn-decline = 暂不接
offer-accepted-toast = 接单成功
offer-accepted = ✅ 您已接单 { $number }。
offer-declined = 您已婉拒工单 { $number }。
job-detail =
    🧾 工单 { $number }（{ emergency-label }）
    状态：{ staff-status-label }
    位置：{ $place }
    类别：{ category-label }
    描述：{ $description }
    上门：{ access-label }
    时间：{ time-label }
    业主电话：{ $phone }
# The job card with its running clock (edited as the time runs down); params of job-detail and
# clock (arrival | completion | none), late (yes | no), due, left, unit (min | hour | day), alerted, alertedCount
job-card = { $clock ->
    [arrival] { job-card-with-clock }
    [completion] { job-card-with-clock }
   *[none] { job-detail }
}
job-card-with-clock =
    { job-detail }
    { job-clock }
job-clock = { $late ->
    [yes] 🔴 { $clock ->
        [arrival] 已超过到场时限
       *[completion] 已超过完工时限 { $due }
    }{ $alertedCount ->
        [0] ，请尽快{ $clock ->
            [arrival] 到场
           *[completion] 完工或点「今天修不完」说明原因
        }。
        [1] ，已通知主管 { $alerted }。
       *[other] ，已通知 { $alerted } 等 { $alertedCount } 位主管。
    }
   *[no] ⏱ 请于 { $due } 前{ $clock ->
        [arrival] 到场
       *[completion] 完工
    }，还剩{ $unit ->
        [min] {""} { $left } 分钟
        [hour] 约 { $left } 小时
       *[day] 约 { $left } 天
    }。
}
btn-arrived = 📍 已到场
btn-done = ✅ 已完成
btn-cannot-finish = 🕐 今天修不完
btn-job-open = 查看工单
arrived-ok = 已记录到场时间
arrived-recorded = 已记录您到达 { $number } 现场的时间。
jobs-none = 您目前没有进行中的工单。
jobs-title = 您有 { $count } 张进行中的工单：
jobs-button = { $emergency ->
    [yes] 🚨
   *[no] 🔧
} { $number } { $place } · { staff-status-label }
duty-usage = 当前状态：{ $state ->
    [on] 上班（接收派单）
   *[off] 下班（不接收派单）
}。发送 /duty on 上班，/duty off 下班。
duty-on = 已上班，新工单会发送给您。
duty-off = 已下班，不会再给您派新单。辛苦了！
tech-ask-done-note = 请简单写一下处理情况（{ $number }），或点「跳过」。
tech-ask-done-photo = 如方便，请发一张完工照片，或点「跳过」。
tech-done-photo-hint = 请发送照片，或点「跳过」。
tech-done-ok = 已完成 { $number }，已请业主确认。辛苦了！
tech-ask-cannot-reason = 请写一下今天无法完成 { $number } 的原因（例如：需要订购配件）。
tech-ask-new-time = 与业主约定的再次上门时间？可点按钮，或直接输入。
tech-cannot-ok = 已记录，并已通知业主 { $number } 的新上门时间。
tech-cancelled = 工单 { $number } 已被业主取消，无需上门。
tech-reopened =
    🔁 业主反馈工单 { $number } 没有修好，请再次处理。
    原因：{ $reason }
offer-mine = ✅ 您已接单，请按时上门。
offer-reminder = ⏰ 提醒：工单 { $number }（{ $place }，{ category-label }）报修已 { $minutes } 分钟，仍无人接单，请尽快接单。
staff-ask-phone = 请留下您的手机号：接单后会告诉业主，方便业主联系您。点下方「发送我的手机号」，或直接输入号码。
staff-phone-saved = 谢谢，已保存。派给您的工单会发到这里。
staff-status-label = { $status ->
    [open] 待接单
    [accepted] 已接单
    [arrived] 已到场
    [postponed] 改约再修
    [completed] 待业主确认
    [closed] 已完成
    [cancelled] 已取消
   *[other] { $status }
}
