## Owner: tickets, confirmation and rating
my-none = 您还没有报修记录。如需报修，请发送 /repair。
my-title = 📋 您最近的报修单：
my-line =
    { $number } · { status-label }
    { category-label } · { $place }
    最新：{ $action }（{ $at }）
timeline-line = { $at } { $action } { $actor }
ticket-detail =
    🧾 报修单 { $number }
    状态：{ status-label }
    位置：{ $place }
    类别：{ category-label }（{ emergency-label }）
    描述：{ $description }
    维修人员：{ $technician }{ ticket-expected }
    进度：
# params expected (by | window | none), from, by: local times of the property
ticket-expected = { $expected ->
    [by] {""}
        预计上门：{ $by } 前
    [window] {""}
        预计上门：{ $from }-{ $by }
   *[none] {""}
}
btn-cancel-ticket = 取消这张报修单
cancel-ask = 确定要取消这张报修单吗？
btn-cancel-yes = 确定取消
btn-cancel-no = 不取消
cancel-ok = 报修单 { $number } 已取消。
btn-confirm-fixed = ✅ 已修好
btn-not-fixed = ❌ 没修好
owner-accepted = 👷 您的报修 { $number } 已为您安排 { MASTER($technician) }{ $techphone ->
    [none] {""}
   *[other] （电话 { $techphone }）
}，{ $booked ->
    [yes] 将按约定于 { $time } 上门，请保持电话畅通。
   *[no] 预计 { $minutes } 分钟内上门，请保持电话畅通。
}
owner-done = 🔧 { MASTER($technician) }已完成报修单 { $number } 的维修，请您确认。{ $hasNote ->
    [yes] {""}
    处理情况：{ $note }
   *[no] {""}
}
    请问是否已经修好？
owner-postponed =
    🕐 报修 { $number } 今天暂时无法修完。
    原因：{ $reason }
    再次上门时间：{ $newtime }
    同一位维修人员会按时回来处理，给您带来不便，敬请谅解。
owner-confirmed-ask-rating = 感谢您的确认！请您为本次维修服务评分（{ $number }）：
owner-rated = 已收到您的评价：{ $rating } 分（{ $number }）。
owner-rating-thanks = 非常感谢您的评价，祝您生活愉快！
owner-rating-thanks-low = 很抱歉让您不满意，已安排专人跟进，会尽快与您联系。
owner-ask-rating-reason = 很抱歉让您不满意，已安排专人跟进。请告诉我们哪里做得不好？（也可以点「跳过」）
owner-rating-reason-thanks = 谢谢您的反馈，我们已记录并安排专人跟进，处理结果会告诉您。
owner-ask-not-fixed-reason = 很抱歉！请简单说说 { $number } 还有什么问题？我们会请维修人员再来处理。
owner-not-fixed-sent = 已转告维修人员，会尽快再次上门为您处理 { $number }。
