## Figures (/report, /export, the monthly summary, the weekly reconciliation)

cmd-report = 服务绩效报表（主管）
cmd-export = 导出月度工单（主管）
report-usage = 用法：/report 项目代码 [day|week|month|YYYY-MM]，例如 /report BX month 或 /report BX 2026-11（不写则为本月）。
report-forbidden = 抱歉，报表仅限该项目的主管和管理员查看。
report-no-property = 没有代码为「{ $code }」的项目。
report-title = 📊 { $name }（{ $code }）服务绩效 · { $period }
report-col-figure = 指标
report-col-value = 实际
report-col-target = 目标
report-fig-reported = 报修总数
report-fig-completed = 已完工
report-fig-satisfaction = 满意率
report-fig-callback = 回访率（按报修人）
report-fig-dispatch = 5分钟内派工
report-fig-arrival = 按时到场
report-fig-completion = 按时完工
report-fig-emergency = 紧急维修及时率
report-fig-rework = 返修率
report-fig-complaints = 投诉数
report-fig-complaintAnswer = 投诉按时答复率
report-fig-validComplaints = 有效投诉率
report-fig-urges = 催办次数
report-fig-paid = 有偿服务收费（元）
report-by-category = 按类别：{ $list }
report-by-channel = 按渠道：{ $list }
report-technicians = 👷 维修人员绩效
report-col-name = 姓名
report-col-done = 完成
report-col-arrival = 到场中位（分）
report-col-ontime = 按时完工
report-col-rating = 平均评分
report-col-rework = 返修
report-col-complaints = 投诉
report-no-technicians = 本期没有派给维修人员的工单。
report-footnote =
    ✅ 达标 ❌ 未达标 — 无数据。
    满意率＝4-5 分占全部评分；回访率＝已回访占已完工；
    5分钟内派工＝报修后5分钟内接单；
    按时到场＝紧急报修自报修起15分钟内，预约时段在时段结束前，其余在接单后30分钟内到场（与工单卡片的时限相同）；
    按时完工＝在完工时限前完工；紧急维修及时率＝紧急报修5分钟内接单且按时到场；
    返修率＝30天内同一问题再次报修占工单；
    投诉按时答复率＝在4个工作日内答复（业主不满意重开的，再次答复前不算已答复）；
    有效投诉率＝有效投诉占报修总数。
report-chart-title = { $name } · { $period } 每日报修、完工与满意率
report-chart-reported = 报修
report-chart-completed = 完工
report-chart-satisfaction = 满意率
export-usage = 用法：/export 项目代码 month YYYY-MM，例如 /export BX month 2026-11（不写月份则为本月）。
export-caption = 📄 { $code } { $month } 工单明细，共 { $count } 张（UTF-8，可直接用 Excel 打开）。
export-col-number = 报修编号
export-col-place = 位置
export-col-category = 类别
export-col-emergency = 紧急
export-col-channel = 渠道
export-col-status = 状态
export-col-reportedAt = 报修时间
export-col-acceptedAt = 接单时间
export-col-arrivedAt = 到场时间
export-col-completedAt = 完工时间
export-col-confirmedAt = 业主确认时间
export-col-cancelledAt = 取消时间
export-col-technician = 维修人员
export-col-rating = 评分
export-col-callback = 回访方式
export-col-reworkOf = 返修原单
export-col-fee = 收费（元）

# Monthly summary to supervisors and admins; params name, code, period, one per figure key
report-monthly =
    📊 { $name }（{ $code }）{ $period } 月度服务绩效
    报修总数            { $reported }
    已完工              { $completed }
    满意率              { $satisfaction }
    回访率              { $callback }
    5分钟内派工         { $dispatch }
    按时到场            { $arrival }
    按时完工            { $completion }
    紧急维修及时率      { $emergency }
    返修率              { $rework }
    投诉数              { $complaints }
    投诉按时答复率      { $complaintAnswer }
    有效投诉率          { $validComplaints }
    催办次数            { $urges }
    有偿服务收费（元）  { $paid }
    详细报表与图表：/report { $code } { $period }
# Weekly reconciliation of unfinished work; params name, date, count, complaints, table
reconciliation-weekly =
    📋 每周未完成工单对账 · { $name } · { $date }
    未完成工单 { $count } 张，未办结投诉 { $complaints } 件。
    { $table }
    请逐单核实进度，逾期的请督促处理。
