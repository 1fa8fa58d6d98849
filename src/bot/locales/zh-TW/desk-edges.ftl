### Generated from zh-CN/desk-edges.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = 有償服務報價
flow-name-paid-quote-reject = 退回報價的原因
flow-name-complain = 投訴登記
flow-name-complaint-desk = 投訴分類與指派
flow-name-complaint-result = 投訴處理結果
# /find is the office's (desk, supervisors, control room)
find-office-only = 抱歉，查詢工單僅限客服、主管和中控室使用。
# The desk's 催辦 from the ticket card; params number, urges, hours
btn-chase = 📣 催辦
chase-ok = ✅ 已催促工單 { $number } 的維修人員（第 { $urges } 次）。
chase-too-soon = 這張工單 { $hours } 小時內已催過，維修人員已收到提醒，請稍後再催。
urge-technician-desk = 📣 客服催辦：工單 { $number }（{ $place }）已催 { $urges } 次，請儘快處理，並回復客服進展。
