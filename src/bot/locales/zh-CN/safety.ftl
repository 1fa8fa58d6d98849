# Authorization, throttling, flows that never strand anyone, long replies (issue 11)
error-offer-closed = 这张工单已不再派给您（已婉拒或已收回），无需处理。
error-too-many-attempts = 您输入错误的次数较多，为了账户安全，请 10 分钟后再试。如有疑问，请联系物业服务中心。
offer-revoked = 工单 { $number } 已收回，无需处理。
# To supervisors when a technician's role is revoked; params number, place, category, emergency, offered
job-released-supervisor =
    ⚠️ 工单 { $number }（{ emergency-label }）的维修人员岗位已撤销，工单已退回重新派单。
    地点：{ $place } · { category-label }
    已发给 { $offered } 位在岗维修人员，请跟进安排。
admin-revoked-released = 其未完成的 { $jobs } 张工单已退回重新派单，{ $offers } 个待接派单已收回。
private-chat-only = 为保护您的隐私，请在与我的私聊中操作。
flow-replaced = 上一步「{ $flow }」还没有完成，已为您结束。
flow-name-repair = 报修登记
flow-name-not-fixed = 说明未修好的原因
flow-name-rating-comment = 补充评价原因
flow-name-job-done = 完工登记
flow-name-cannot-finish = 无法完成登记
flow-name-desk-phone-answer = 记录电话回访
flow-name-desk-followup-close = 处理跟进事项
flow-name-staff-phone = 登记手机号
more-pages = （续 { $page }/{ $pages }）
admin-import-encoding = 这个文件不是 UTF-8 编码（可能是 Excel 默认的 GBK）。请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」后重新发送。
