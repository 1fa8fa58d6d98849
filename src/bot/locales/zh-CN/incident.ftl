# One incident for many reporters (public areas): later reports follow the first one's number.
repair-created-linked = 您好！这个位置的同一问题已有业主报修，我们正在按报修编号 { $number } 一并处理，您无需重复报修。维修进度也会通知您，查看请发送 /my。
owner-linked = 您好！您报修的「{ $place }」问题已有其他业主报修，我们正在按报修编号 { $primary } 一并处理。维修进度也会通知您，查看请发送 /my。
owner-unlinked = 您的报修 { $number }（{ $place }）将单独为您安排维修人员，原因：{ $reason }。安排好后会通知您。
tech-merged = 工单 { $number } 已与工单 { $primary } 合并处理，您无需再处理此单。
offer-merged = 工单 { $number } 已与工单 { $primary } 合并处理，无需接单。
btn-merge = 🔗 合并报修
btn-unmerge = ✂️ 取消合并
ask-reason-merge = 请输入要并入的工单编号（可只输入末尾几位，如 0003），可在后面附上说明，例如「0003 同一部电梯」。
merge-candidates = 同类未完成工单：{ $candidates }
ask-reason-unmerge = 请输入取消合并的原因（将告知业主）：
done-merge = ✅ 工单 { $number } 已并入工单 { $into }，不再单独派单；业主会收到 { $into } 的进度和回访。
done-unmerge = ✅ 工单 { $number } 已从工单 { $of } 中拆出，重新派发给在岗维修人员；业主已收到通知。
card-incident-of = 🔗 同一报修：已并入 { $number }
card-incident-linked = 🔗 同一报修还有：{ $numbers }
intake-created-linked = ✅ 已登记，报修编号 { $number }。同一位置同类问题已有报修 { $primary }，已并入一并处理，不单独派单。
    { $told ->
        [telegram] 业主已在 Telegram 收到编号 { $primary }，后续进度会自动通知业主。
        [patrol] 这是巡查报修，完工后由您确认。
       *[phone] 业主未使用 Telegram：请电话告知编号 { $primary }；完工确认和回访将作为电话回访任务（/callbacks）交给客服。
    }
owner-incident-renumbered = 您好！您报修的「{ $place }」问题，首位报修人已撤回报修，我们改按报修编号 { $number }（原 { $old }）继续处理，您无需重新报修。查看进度请发送 /my。
error-merge-self = 不能并入它自己（或它已所在的同一报修）。请输入另一张工单的编号。
error-merge-other-property = 这张工单属于另一个项目，不能跨项目合并。请输入本项目工单的编号。
