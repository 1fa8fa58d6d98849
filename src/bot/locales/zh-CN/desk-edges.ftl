# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = 有偿服务报价
flow-name-paid-quote-reject = 退回报价的原因
flow-name-complain = 投诉登记
flow-name-complaint-desk = 投诉分类与指派
flow-name-complaint-result = 投诉处理结果
# /find is the office's (desk, supervisors, control room)
find-office-only = 抱歉，查找工单仅限客服、主管和中控室使用。
