## 客服工作台（Telegram 小程序，供前台、中控室和主管使用）
cmd-desk = 打开客服工作台
desk-console-open = 🖥 客服工作台：表格形式的工单队列、一张表单完成电话登记、工单操作、投诉和统计。
btn-desk-console = 🖥 打开客服工作台
desk-console-off = 本机器人尚未开启客服工作台。请管理员设置 WEBAPP_URL（工作台以 HTTPS 开头的公网地址，与机器人共用同一个反向代理）并重启；BotFather 无需任何设置。在此之前，一切照常在聊天中办理：/queue、/intake、/find。
desk-console-only = 客服工作台仅供前台、中控室和主管使用。
console-menu-button = 工作台

console-title = 客服工作台
console-refused-title = 此工作台供物业服务中心使用
console-refused = 您好！客服工作台仅供本项目的前台、中控室和主管使用。业主和维修师傅请继续在与机器人的聊天中办理，所需功能都在那里。谢谢！
console-unsigned = 请从 Telegram 中的机器人打开此页面（菜单按钮或 /desk）。请关闭后重新打开。
console-expired = 此工作台已打开超过一天。请关闭后从机器人重新打开。
console-offline = 暂时连不上服务中心，几秒后会自动重试。
console-tab-queue = 工单队列
console-tab-intake = 登记报修
console-tab-complaints = 投诉
console-tab-figures = 统计
console-property = 项目
console-all = 全部待办
console-any = 不限
console-group = { $group ->
    [unaccepted] 未接单
    [not_arrived] 未到场
    [overdue] 已超时
    [waiting_owner] 待业主确认
   *[phone] 电话任务
}
console-col-number = 编号
console-col-home = 房号
console-col-category = 类别
console-col-age = 已过
console-col-clock = 时限
console-col-technician = 维修人员
console-col-status = 状态
console-col-priority = 优先级
console-col-flags = 标记
console-filter-category = 类别
console-filter-technician = 维修人员
console-filter-priority = 优先级
console-status = { $status ->
    [open] 等待派工
    [accepted] 已接单，正在前往
    [arrived] 已到场
    [postponed] 今日无法完成，已约新时间
    [completed] 已完工，待业主确认
    [closed] 已关闭
    [cancelled] 已取消
   *[linked] 已并入其他报修
}
console-clock = { $kind ->
    [dispatch] 派工
    [arrival] 到场
   *[completion] 完工
}
console-left = 剩 { $min } 分钟
console-over = 超时 { $min } 分钟
console-age-min = { $min } 分钟
console-age-h = { $h } 小时
console-age-d = { $d } 天
console-flag-rework = 返修
console-flag-incident = 另有 { $count } 人报修
console-flag-paid = 有偿
console-flag-urged = 催办 ×{ $count }
console-flag-late = 逾期
console-flag-emergency = 紧急
console-shown = 显示 { $shown } / 共 { $total } 张
console-changed = 自上次查看有 { $count } 张变化
console-empty = 暂无待办工单，辛苦了！
console-refresh = { $time } 已更新

console-intake-title = 电话或前台报修登记
console-intake-home = 房号（如 3-1-502，或业主电话）
console-intake-public = 公共区域
console-intake-location = 具体位置（公共区域）
console-intake-category = 类别
console-intake-description = 故障描述
console-intake-photos = 照片（可不附，最多 5 张）
console-intake-emergency = 紧急（漏水、停电、燃气、困人）
console-intake-access = 家中是否有人／钥匙
console-intake-time = 上门时间
console-intake-phone = 联系电话
console-intake-channel = 受理方式
console-intake-submit = 提交报修
console-intake-owner = 业主 { $owner } · { $phone }
console-intake-no-home = 没有找到“{ $query }”对应的房屋。
console-intake-done = ✅ 已登记 { $number }。{ $told ->
    [telegram] 业主已在 Telegram 收到编号。
    [patrol] 维修完成后由您本人确认。
   *[phone] 业主未使用 Telegram：确认和回访将转为电话任务。
}已推送给 { $offered } 位维修人员。
console-intake-linked = ✅ 已登记 { $number }，并关联到 { $primary }（同一故障正在处理中）。
console-invalid-home = 请从提示中选择房屋，或勾选“公共区域”并填写位置。
console-invalid-location = 请填写公共区域的具体位置。
console-invalid-category = 请选择类别。
console-invalid-description = 请描述故障（不超过 1000 字）。
console-invalid-phone = 请填写可以联系的电话（如 13800138000）。
console-invalid-reason = 请填写原因（不超过 500 字）。
console-invalid-technician = 请选择维修人员。
console-invalid-photos = 照片未能上传（最多 5 张，每张不超过 10 MB）。请重试，或不附照片提交。
console-invalid-rating = 请选择业主给的评分（1–5）。
console-invalid-comment = 业主的意见请不超过 500 字。
console-ticket-rating = 评分
console-ticket-comment = 业主的意见（可不填）
console-ticket-phone-callback = 待电话回访：{ $owner }（电话 { $phone }），请致电后记录评价。
console-ticket-chase = 将提醒接单的维修人员尽快处理（每张工单 2 小时内只能催办一次）。

console-ticket-back = ← 返回队列
console-ticket-owner = 业主
console-ticket-phone = 电话
console-ticket-clocks = 时限
console-ticket-due = 须于 { $due } 前完工
console-ticket-timeline = 处理经过
console-ticket-actions = 操作
console-ticket-reason = 原因
console-ticket-note = 备注
console-ticket-go = 确定
console-ticket-rework-of = 原工单编号（返修）
console-ticket-merge-into = 并入的工单编号
console-action = { $kind ->
    [assign] 👷 指派维修人员
    [reassign] 🔀 转单
    [pool] ↩️ 退回抢单池
    [cancel] ✖️ 取消工单
    [note] 🗒 备注
    [priority] 🚩 优先级
    [rework-link] 🔁 标记为返修
    [rework-unlink] 🔁 取消返修标记
    [merge] 🔗 并入其他工单
    [chase] 📣 催办
    [phone] ☎️ 记录电话回访
    [quote] 💰 报价
   *[unmerge] ✂️ 移出合并
}
console-pool-reached = ↩️ { $number } 已退回抢单池：{ $offered ->
    [0] 没有推送到任何人（无值班且具备该技能的维修人员）。请指派具体人员或电话联系。
   *[other] 已推送给 { $offered } 位值班维修人员。
}

console-complaints-title = 未结投诉
console-complaint-due = 须于 { $due } 前答复
console-complaint-classify = 分类
console-complaint-urgent = 紧急（1 个工作日）
console-complaint-valid = 有效投诉
console-complaint-handler = 指定处理人
console-complaint-result = 登记处理结果
console-complaint-category = { $category ->
    [attitude] 服务态度
    [quality] 维修质量
    [fees] 收费
    [management] 管理
    [other] 其他
   *[none] 未分类
}
console-complaints-none = 暂无未结投诉。
console-done = ✅ 已完成。

console-figures-title = 统计
console-figures-period = 期间
console-period = { $period ->
    [day] 今天
    [week] 本周
   *[month] 本月
}
console-figures-csv = 下载本月工单（CSV）
console-figures-only = 统计仅供主管查看。
console-figure = 指标
console-value = 数值
console-target = 目标
console-per-technician = 维修人员绩效
console-chart = 每日报修与完工

console-quote-title = 💰 报价
console-quote-status = { $status ->
    [review] 待主管审批
    [sent] 已发给业主，待业主确认
    [prepay] 业主已同意，待签协议并预收费用
    [approved] 业主已同意，可以开工
    [rejected] 主管已退回
    [declined] 业主已拒绝
   *[replaced] 已被新报价替代
}
console-quote-version = 第 { $version } 版报价
console-quote-review-note = 主管意见：{ $note }
console-quote-reason = 需要业主付费的原因（这张工单尚未确认为有偿服务）
console-quote-pick = 从价目表选择
console-quote-quantity = 数量
console-quote-add = ＋ 再加一项
console-quote-remove = 删除
console-quote-typed = 其他项目（可不填；每行一项，写法同聊天：编号 数量 [单价]，业主自备写“自备”，价目表外写 + 名称 数量 单价）
console-quote-preview = 预览报价
console-quote-col-item = 项目
console-quote-col-quantity = 数量
console-quote-col-price = 单价（元）
console-quote-col-amount = 金额（元）
console-quote-own = 业主自备
console-quote-above = 高于价目表或价目表外
console-quote-item = { $code } { $name }（{ $price } 元/{ $unit }）
console-invalid-quote = 请填写报价项目：从价目表选择，或每行写一项（最多 20 项，不超过 1000 字）。
console-invalid-charge-reason = 请选择需要业主付费的原因。
