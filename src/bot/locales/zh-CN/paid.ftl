## Paid work (有偿服务): price list, quote, the owner's consent, fees
cmd-prices = 有偿服务价目表
setting-agreementYuan = 有偿服务超过此金额（元）须签协议并预收费用
paid-quote-usage = 用法：/quote 工单号，例如 /quote BX-20261123-0007（为该工单制作有偿服务报价）。
cmd-quote = 为工单报价（客服）
cmd-fees = 有偿服务收费明细（客服/财务）
error-free-work = 公共部位和保修期内的维修属于免费服务，不能设为有偿。
error-not-chargeable = 这张工单尚未确认为有偿服务。
error-quote-replaced = 这份报价已被新的报价替代，请以最新一份报价为准，谢谢！
error-quote-not-approved = 这是有偿服务，业主确认报价后才能完工。请先点「💰 有偿服务报价」发送报价。
paid-kind = { $kind ->
    [material] 材料
   *[labour] 工时
}
paid-method = { $method ->
    [cash] 现金交客服前台
    [transfer] 转账
    [bill] 计入物业费账单
   *[other] -
}
paid-status = { $status ->
    [received] 已收
   *[unpaid] 未收
}
# Price list (/prices)
prices-usage =
    价目表用法：
    /prices BX：查看项目 BX 的价目表
    发送 CSV 文件并附言 /prices import BX：导入价目表
    /prices set BX A01 45.50：修改一项单价（元）
    /prices retire BX A01：停用一项（已出的报价不受影响）
prices-keepers-only = 抱歉，价目表仅限主管和管理员维护。
prices-none = { $name } 还没有价目表。请发送 CSV 文件并附言 /prices import { $code }。
prices-title = 💴 { $name } 常规服务价目表（{ $count } 项，单位：元）
prices-csv-hint = CSV 每行：编号，名称，单位，单价（元），类别（工时/材料）[，英文名称][，繁體名稱]
prices-import-done = ✅ { $name } 价目表已导入：新增 { $added } 项，修改 { $changed } 项，未变 { $unchanged } 项，有问题的行 { $problems } 行。
prices-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [columns] 列数不对（应为 5 到 7 列）
    [code] 编号只能是字母、数字、- 或 _
    [name] 名称为空或过长
    [price] 单价不是有效金额
    [kind] 类别应为「工时」或「材料」
    [duplicate] 编号重复
   *[other] 无法识别
}
prices-set-done = ✅ { $code } 单价已由 { $old } 元改为 { $price } 元。已出的报价不受影响。
prices-retired = ✅ { $code } 已停用，新报价不能再选；已出的报价不受影响。
# Chargeable and the quote (technician)
btn-paid = 💰 有偿服务报价
paid-ask-reason = 工单 { $number } 需要业主付费的原因是？（公共部位和保修期内的维修属于免费服务）
paid-reason = { $reason ->
    [owner_damage] 人为损坏
    [beyond_warranty] 超出保修期
    [in_home] 户内设施维修
    [owner_request] 业主要求的额外服务
   *[other] { $reason }
}
btn-paid-free = 不收费，返回
paid-stay-free = 好的，工单 { $number } 仍为免费维修。
paid-marked = 已将工单 { $number } 标记为有偿服务（{ paid-reason }）。
paid-ask-lines =
    请输入报价项目，每行一项：
    A01 2　（编号 数量，按价目表单价）
    A01 2 80　（高于价目表的单价，需主管审批）
    M01 1 自备　（业主自备材料，只登记不收费）
    + 项目名称 1 50　（价目表外的项目，需主管审批）
paid-price-list = 💴 价目表（单位：元）
paid-confirm = 核对无误后请点「发送报价」。
paid-no-prices = （本项目还没有价目表，只能填写价目表外项目，需主管审批。）
paid-line-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [unknown] 价目表中没有这个编号
    [quantity] 数量不正确
    [price] 单价不正确
    [own] 只有材料可以由业主自备
   *[format] 格式不对
}
paid-lines-again = 请修改后重新输入全部项目。
paid-preview = 工单 { $number } 报价预览（单位：元）：
paid-total = 合计：{ $total } 元
paid-preview-review = ⚠️ 含高于价目表或价目表外的项目（标 ！），将先送主管审批，批准后再发给业主。
paid-preview-agreement = 📝 金额超过 { $threshold } 元：须与业主签订协议并提前收费。
btn-paid-send = ✅ 发送报价
btn-paid-cancel = ✖️ 取消
paid-cancelled = 已取消，没有发送报价。
paid-sent-owner = ✅ 第 { $version } 版报价（{ $total } 元）已发给业主，业主确认后即可开工。
paid-sent-none = ✅ 第 { $version } 版报价（{ $total } 元）已生成。业主未使用本服务号，已请客服电话联系业主确认。
paid-sent-review = ✅ 第 { $version } 版报价（{ $total } 元）已提交主管审批，批准后会自动发给业主。
# To the owner (a monospace message)
paid-quote-owner =
    您好！您的报修单 { $number }（{ $place }）属于有偿服务，报价如下（第 { $version } 版，单位：元）：

    { $table }

    合计：{ $total } 元{ $own ->
        [yes] {"\u000A"}* 业主自备材料，只登记不收费。
       *[no] {""}
    }
    { $agreement ->
        [yes] 金额超过 { $threshold } 元，需与物业签订维修协议并提前缴费。
       *[no] 费用请交物业客服，维修人员不收取现金。
    }
    同意请选择付款方式；不同意请点「不同意」。
btn-quote-cash = ✅ 同意，现金交客服前台
btn-quote-transfer = ✅ 同意，转账
btn-quote-bill = ✅ 同意，计入物业费
btn-quote-decline = ✖️ 不同意
paid-decline-ask = 确定不同意报价吗？不同意的话，本次维修将结束。
btn-quote-decline-yes = 确定不同意
btn-quote-decline-no = 再想想
paid-owner-approved = ✅ 已确认报价（{ $total } 元，{ paid-method }）。维修人员马上开工，谢谢！
paid-owner-declined = 好的，已记录您不同意报价，本次维修结束。如有需要，欢迎随时再报修。
paid-owner-think = 好的，报价仍然有效，您可以稍后再决定。
# To the supervisor (a monospace message)
paid-quote-review =
    🔎 待审批报价：工单 { $number }（{ $place }），维修人员 { $technician }，第 { $version } 版（单位：元，！ 为高于价目表或价目表外）：

    { $table }

    合计：{ $total } 元
btn-review-approve = ✅ 批准
btn-review-reject = ✖️ 退回
paid-review-approved = ✅ 已批准工单 { $number } 第 { $version } 版报价，已发给业主。
paid-ask-reject-reason = 请输入退回工单 { $number } 报价的原因（会转告维修人员）：
paid-review-rejected = 已退回工单 { $number } 的报价。
# To the technician / desk
paid-quote-rejected = ✖️ 工单 { $number } 第 { $version } 版报价被主管退回：{ $reason }。请修改后重新报价。
paid-quote-approved =
    ✅ 业主已同意工单 { $number } 第 { $version } 版报价：{ $total } 元，{ paid-method }{ $via ->
        [phone] （客服电话确认）
       *[other] {""}
    }。可以开工。
    { $agreement ->
        [yes] 📝 超过 { $threshold } 元：须签订协议并提前收费后再开工。
       *[no] {""}
    }
paid-quote-declined = ✖️ 业主不同意工单 { $number } 第 { $version } 版报价（{ $total } 元），工单已结束，不做回访评价。
paid-quote-phone =
    📞 业主没有使用本服务号，请电话联系业主确认报价：工单 { $number }（{ $place }），{ $owner }，电话 { $phone }，第 { $version } 版（单位：元）：

    { $table }

    合计：{ $total } 元。请按业主的答复点击：
paid-phone-recorded = ✅ 已记录业主电话答复：工单 { $number } 第 { $version } 版，{ $decision ->
    [decline] 不同意
   *[other] 同意（{ paid-method }）
}。
paid-fee-due = 💴 工单 { $number } 已完工，应收 { $total } 元（{ paid-method }）。收款后请发送 /fees paid { $number } 收据号。
# Fees (/fees)
fees-usage =
    收费明细用法：
    /fees BX [day|week|month|2026-12]：今天 / 本周 / 本月 / 指定月份的收费明细（附 CSV 文件）
    /fees paid 工单号 收据号：登记已收款
    /fees prepaid 工单号 金额 收据号：登记维修协议和预收费用（报价超过协议金额时，登记后才能开工）
fees-none = { $name } 在 { $from } 至 { $to } 没有有偿服务收费。
fees-title = 💴 { $name } 有偿服务收费明细 { $from } 至 { $to }（单位：元）
fees-summary = 共 { $count } 单，应收 { $total } 元，已收 { $received } 元，未收 { $outstanding } 元。
fees-materials-title = 🔧 物料领用（* 为业主自备）
fees-received = ✅ 已登记工单 { $number } 收款 { $total } 元，收据号 { $receipt }。
fees-col-number = 工单号
fees-col-place = 房号
fees-col-items = 项目
fees-col-total = 金额
fees-col-method = 付款方式
fees-col-status = 状态
fees-col-receipt = 收据号
fees-col-received-at = 收款时间
fees-col-received-by = 收款人
fees-col-material = 物料
fees-col-quantity = 数量
fees-col-own = 业主自备
prices-col-code = 编号
prices-col-name = 名称
prices-col-unit = 单位
prices-col-price = 单价
prices-col-kind = 类别
closeout-paid = 💴 有偿服务：报价 { $quotesSent } 份，同意 { $approved }，不同意 { $declined }；今日收款 { $received } 元，未收 { $outstandingCount } 单 { $outstanding } 元
