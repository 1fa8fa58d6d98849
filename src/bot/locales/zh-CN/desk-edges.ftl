# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = 有偿服务报价
flow-name-paid-quote-reject = 退回报价的原因
flow-name-complain = 投诉登记
flow-name-complaint-desk = 投诉分类与指派
flow-name-complaint-result = 投诉处理结果
# /find is the office's (desk, supervisors, control room)
find-office-only = 抱歉，查找工单仅限客服、主管和中控室使用。
# The desk's 催办 from the ticket card; params number, urges, hours
btn-chase = 📣 催办
chase-ok = ✅ 已催促工单 { $number } 的维修人员（第 { $urges } 次）。
chase-too-soon = 这张工单 { $hours } 小时内已催过，维修人员已收到提醒，请稍后再催。
urge-technician-desk = 📣 客服催办：工单 { $number }（{ $place }）已催 { $urges } 次，请尽快处理，并回复客服进展。
