# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = 有偿服务报价
flow-name-paid-quote-reject = 退回报价的原因
flow-name-complain = 投诉登记
flow-name-complaint-desk = 投诉分类与指派
flow-name-complaint-result = 投诉处理结果
