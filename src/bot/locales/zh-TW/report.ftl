### Generated from zh-CN/report.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Figures (/report, /export, the monthly summary, the weekly reconciliation)

cmd-report = 服務績效報表（主管）
cmd-export = 匯出月度工單（主管）
report-usage = 用法：/report 社區代碼 [day|week|month|YYYY-MM]，例如 /report BX month 或 /report BX 2026-11（不寫則為本月）。
report-forbidden = 抱歉，報表僅限該社區的主管和管理員檢視。
report-no-property = 沒有代碼為「{ $code }」的社區。
report-title = 📊 { $name }（{ $code }）服務績效 · { $period }
report-col-figure = 指標
report-col-value = 實際
report-col-target = 目標
report-fig-reported = 報修總數
report-fig-completed = 已完工
report-fig-satisfaction = 滿意率
report-fig-callback = 回訪率（按報修人）
report-fig-dispatch = 5分鐘內派工
report-fig-arrival = 按時到場
report-fig-completion = 按時完工
report-fig-emergency = 緊急維修及時率
report-fig-rework = 返修率
report-fig-complaints = 投訴數
report-fig-complaintAnswer = 投訴按時答覆率
report-fig-validComplaints = 有效投訴率
report-fig-urges = 催辦次數
report-fig-paid = 有償服務收費（元）
report-by-category = 按類別：{ $list }
report-by-channel = 按渠道：{ $list }
report-technicians = 👷 維修人員績效
report-col-name = 姓名
report-col-done = 完成
report-col-arrival = 到場中位（分）
report-col-ontime = 按時完工
report-col-rating = 平均評分
report-col-rework = 返修
report-col-complaints = 投訴
report-no-technicians = 本期沒有派給維修人員的工單。
report-footnote =
    ✅ 達標 ❌ 未達標 — 無資料。
    滿意率＝4-5 分佔全部評分；回訪率＝已回訪佔已完工；
    5分鐘內派工＝報修後5分鐘內接單；
    按時到場＝緊急報修自報修起15分鐘內，預約時段在時段結束前，其餘在接單後30分鐘內到場（與工單卡片的時限相同）；
    按時完工＝在完工時限前完工；緊急維修及時率＝緊急報修5分鐘內接單且按時到場；
    返修率＝30天內同一問題再次報修佔工單；
    投訴按時答覆率＝在4個工作日內答覆（業主不滿意重開的，再次答覆前不算已答覆）；
    有效投訴率＝有效投訴佔報修總數。
report-chart-title = { $name } · { $period } 每日報修、完工與滿意率
report-chart-reported = 報修
report-chart-completed = 完工
report-chart-satisfaction = 滿意率
export-usage = 用法：/export 社區代碼 month YYYY-MM，例如 /export BX month 2026-11（不寫月份則為本月）。
export-caption = 📄 { $code } { $month } 工單明細，共 { $count } 張（UTF-8，可直接用 Excel 開啟）。
export-col-number = 報修編號
export-col-place = 位置
export-col-category = 類別
export-col-emergency = 緊急
export-col-channel = 渠道
export-col-status = 狀態
export-col-reportedAt = 報修時間
export-col-acceptedAt = 接單時間
export-col-arrivedAt = 到場時間
export-col-completedAt = 完工時間
export-col-confirmedAt = 業主確認時間
export-col-cancelledAt = 取消時間
export-col-technician = 維修人員
export-col-rating = 評分
export-col-callback = 回訪方式
export-col-reworkOf = 返修原單
export-col-fee = 收費（元）

# Monthly summary to supervisors and admins; params name, code, period, one per figure key
report-monthly =
    📊 { $name }（{ $code }）{ $period } 月度服務績效
    報修總數            { $reported }
    已完工              { $completed }
    滿意率              { $satisfaction }
    回訪率              { $callback }
    5分鐘內派工         { $dispatch }
    按時到場            { $arrival }
    按時完工            { $completion }
    緊急維修及時率      { $emergency }
    返修率              { $rework }
    投訴數              { $complaints }
    投訴按時答覆率      { $complaintAnswer }
    有效投訴率          { $validComplaints }
    催辦次數            { $urges }
    有償服務收費（元）  { $paid }
    詳細報表與圖表：/report { $code } { $period }
# Weekly reconciliation of unfinished work; params name, date, count, complaints, table
reconciliation-weekly =
    📋 每週未完成工單對賬 · { $name } · { $date }
    未完成工單 { $count } 張，未辦結投訴 { $complaints } 件。
    { $table }
    請逐單核實進度，逾期的請督促處理。
