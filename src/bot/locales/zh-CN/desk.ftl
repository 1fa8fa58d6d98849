## Desk: phone callbacks and follow-ups
cmd-callbacks = 待电话回访（客服）
cmd-followups = 待跟进事项（客服/主管）
desk-only = 抱歉，此功能仅限客服和主管使用。
callbacks-none = 目前没有需要电话回访的工单。👍
callbacks-title = 📞 待电话回访（{ $count } 单）：
callbacks-line =
    { $number } · { $owner } · { $place }
    电话：{ $phone } · 完成：{ $completed }
btn-record-phone-for = 📝 { $number }
phone-ask-rating = 请记录 { $owner }（电话 { $phone }）对工单 { $number } 的评价：
phone-ask-note = 业主有什么意见或建议吗？请输入，或点「跳过」。
phone-answer-recorded = ✅ 已记录工单 { $number } 的电话回访：{ $rating }。谢谢！
phone-answer-followup = 评分较低，已自动生成跟进事项 #{ $id }，主管会跟进处理。
desk-too-many-tries = 已中止，未记录任何内容。需要时请重新发送 /callbacks 或 /followups。
followups-none = 目前没有待跟进事项。👍
followups-title = 📌 待跟进事项（{ $count } 项）：
followups-line = { $overdue ->
    [yes] ⚠️
   *[no] •
} #{ $id } 工单 { $number } · 期限 { $due }
    { followup-reason }
btn-close-followup = ✅ 结案 #{ $id }
followup-ask-result = 请输入跟进事项 #{ $id } 的处理结果（将转告业主）：
followup-closed = ✅ 跟进事项 #{ $id } 已结案，处理结果已转告业主。
followup-closed-no-owner = ✅ 跟进事项 #{ $id } 已结案。
desk-agree-time =
    🕐 请与业主约定上门时间：报修单 { $number }（{ $place }，{ category-label }）
    业主希望：{ $time }
    业主电话：{ $phone }
    系统无法识别这个时间，请致电业主确认具体时间。

## 通知送达失败（Telegram 长时间无法送达）
outbox-undelivered = ⚠️ 给 { $name } 的一条通知（工单 { $number }）多次发送失败，系统已停止重试。请电话联系对方。
