### Generated from zh-CN/paid.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Paid work (有償服務): price list, quote, the owner's consent, fees
cmd-prices = 有償服務價目表
setting-agreementYuan = 有償服務超過此金額（元）須簽協議並預收費用
paid-quote-usage = 用法：/quote 工單號，例如 /quote BX-20261123-0007（為該工單製作有償服務報價）。
cmd-quote = 為工單報價（客服）
cmd-fees = 有償服務收費明細（客服/財務）
error-free-work = 公共部位和保修期內的維修屬於免費服務，不能設為有償。
error-not-chargeable = 這張工單尚未確認為有償服務。
error-quote-replaced = 這份報價已被新的報價替代，請以最新一份報價為準，謝謝！
error-quote-not-approved = 這是有償服務，業主確認報價後才能完工。請先點「💰 有償服務報價」傳送報價。
paid-kind = { $kind ->
    [material] 材料
   *[labour] 工時
}
paid-method = { $method ->
    [cash] 現金交客服前臺
    [transfer] 轉賬
    [bill] 計入物業費賬單
   *[other] -
}
paid-status = { $status ->
    [received] 已收
   *[unpaid] 未收
}
# Price list (/prices)
prices-usage =
    價目表用法：
    /prices BX：檢視社區 BX 的價目表
    傳送 CSV 檔案並附言 /prices import BX：匯入價目表
    /prices set BX A01 45.50：修改一項單價（元）
    /prices retire BX A01：停用一項（已出的報價不受影響）
prices-keepers-only = 抱歉，價目表僅限主管和管理員維護。
prices-none = { $name } 還沒有價目表。請傳送 CSV 檔案並附言 /prices import { $code }。
prices-title = 💴 { $name } 常規服務價目表（{ $count } 項，單位：元）
prices-csv-hint = CSV 每行：編號，名稱，單位，單價（元），類別（工時/材料）[，英文名稱][，繁體名稱]
prices-import-done = ✅ { $name } 價目表已匯入：新增 { $added } 項，修改 { $changed } 項，未變 { $unchanged } 項，有問題的行 { $problems } 行。
prices-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [columns] 列數不對（應為 5 到 7 列）
    [code] 編號只能是字母、數字、- 或 _
    [name] 名稱為空或過長
    [price] 單價不是有效金額
    [kind] 類別應為「工時」或「材料」
    [duplicate] 編號重複
   *[other] 無法識別
}
prices-set-done = ✅ { $code } 單價已由 { $old } 元改為 { $price } 元。已出的報價不受影響。
prices-retired = ✅ { $code } 已停用，新報價不能再選；已出的報價不受影響。
# Chargeable and the quote (technician)
btn-paid = 💰 有償服務報價
paid-ask-reason = 工單 { $number } 需要業主付費的原因是？（公共部位和保修期內的維修屬於免費服務）
paid-reason = { $reason ->
    [owner_damage] 人為損壞
    [beyond_warranty] 超出保修期
    [in_home] 戶內設施維修
    [owner_request] 業主要求的額外服務
   *[other] { $reason }
}
btn-paid-free = 不收費，返回
paid-stay-free = 好的，工單 { $number } 仍為免費維修。
paid-marked = 已將工單 { $number } 標記為有償服務（{ paid-reason }）。
paid-ask-lines =
    請輸入報價項目，每行一項：
    A01 2　（編號 數量，按價目表單價）
    A01 2 80　（高於價目表的單價，需主管審批）
    M01 1 自備　（業主自備材料，只登記不收費）
    + 項目名稱 1 50　（價目表外的項目，需主管審批）
paid-price-list = 💴 價目表（單位：元）
paid-confirm = 核對無誤後請點「傳送報價」。
paid-no-prices = （本社區還沒有價目表，只能填寫價目表外項目，需主管審批。）
paid-line-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [unknown] 價目表中沒有這個編號
    [quantity] 數量不正確
    [price] 單價不正確
    [own] 只有材料可以由業主自備
   *[format] 格式不對
}
paid-lines-again = 請修改後重新輸入全部項目。
paid-preview = 工單 { $number } 報價預覽（單位：元）：
paid-total = 合計：{ $total } 元
paid-preview-review = ⚠️ 含高於價目表或價目表外的項目（標 ！），將先送主管審批，批准後再發給業主。
paid-preview-agreement = 📝 金額超過 { $threshold } 元：須與業主簽訂協議並提前收費。
btn-paid-send = ✅ 傳送報價
btn-paid-cancel = ✖️ 取消
paid-cancelled = 已取消，沒有傳送報價。
paid-sent-owner = ✅ 第 { $version } 版報價（{ $total } 元）已發給業主，業主確認後即可開工。
paid-sent-none = ✅ 第 { $version } 版報價（{ $total } 元）已生成。業主未使用本服務號，已請客服電話聯絡業主確認。
paid-sent-review = ✅ 第 { $version } 版報價（{ $total } 元）已提交主管審批，批准後會自動發給業主。
# To the owner (a monospace message)
paid-quote-owner =
    您好！您的報修單 { $number }（{ $place }）屬於有償服務，報價如下（第 { $version } 版，單位：元）：

    { $table }

    合計：{ $total } 元{ $own ->
        [yes] {"\u000A"}* 業主自備材料，只登記不收費。
       *[no] {""}
    }
    { $agreement ->
        [yes] 金額超過 { $threshold } 元，需與物業簽訂維修協議並提前繳費。
       *[no] 費用請交物業客服，維修人員不收取現金。
    }
    同意請選擇付款方式；不同意請點「不同意」。
btn-quote-cash = ✅ 同意，現金交客服前臺
btn-quote-transfer = ✅ 同意，轉賬
btn-quote-bill = ✅ 同意，計入物業費
btn-quote-decline = ✖️ 不同意
paid-decline-ask = 確定不同意報價嗎？不同意的話，本次維修將結束。
btn-quote-decline-yes = 確定不同意
btn-quote-decline-no = 再想想
paid-owner-approved = ✅ 已確認報價（{ $total } 元，{ paid-method }）。維修人員馬上開工，謝謝！
paid-owner-declined = 好的，已記錄您不同意報價，本次維修結束。如有需要，歡迎隨時再報修。
paid-owner-think = 好的，報價仍然有效，您可以稍後再決定。
# To the supervisor (a monospace message)
paid-quote-review =
    🔎 待審批報價：工單 { $number }（{ $place }），維修人員 { $technician }，第 { $version } 版（單位：元，！ 為高於價目表或價目表外）：

    { $table }

    合計：{ $total } 元
btn-review-approve = ✅ 批准
btn-review-reject = ✖️ 退回
paid-review-approved = ✅ 已批准工單 { $number } 第 { $version } 版報價，已發給業主。
paid-ask-reject-reason = 請輸入退回工單 { $number } 報價的原因（會轉告維修人員）：
paid-review-rejected = 已退回工單 { $number } 的報價。
# To the technician / desk
paid-quote-rejected = ✖️ 工單 { $number } 第 { $version } 版報價被主管退回：{ $reason }。請修改後重新報價。
paid-quote-approved =
    ✅ 業主已同意工單 { $number } 第 { $version } 版報價：{ $total } 元，{ paid-method }{ $via ->
        [phone] （客服電話確認）
       *[other] {""}
    }。可以開工。
    { $agreement ->
        [yes] 📝 超過 { $threshold } 元：須簽訂協議並提前收費後再開工。
       *[no] {""}
    }
paid-quote-declined = ✖️ 業主不同意工單 { $number } 第 { $version } 版報價（{ $total } 元），工單已結束，不做回訪評價。
paid-quote-phone =
    📞 業主沒有使用本服務號，請電話聯絡業主確認報價：工單 { $number }（{ $place }），{ $owner }，電話 { $phone }，第 { $version } 版（單位：元）：

    { $table }

    合計：{ $total } 元。請按業主的答覆點選：
paid-phone-recorded = ✅ 已記錄業主電話答覆：工單 { $number } 第 { $version } 版，{ $decision ->
    [decline] 不同意
   *[other] 同意（{ paid-method }）
}。
paid-fee-due = 💴 工單 { $number } 已完工，應收 { $total } 元（{ paid-method }）。收款後請傳送 /fees paid { $number } 收據號。
# Fees (/fees)
fees-usage =
    收費明細用法：
    /fees BX [day|week|month|2026-12]：今天 / 本週 / 本月 / 指定月份的收費明細（附 CSV 檔案）
    /fees paid 工單號 收據號：登記已收款
    /fees prepaid 工單號 金額 收據號：登記維修協議和預收費用（報價超過協議金額時，登記後才能開工）
fees-none = { $name } 在 { $from } 至 { $to } 沒有有償服務收費。
fees-title = 💴 { $name } 有償服務收費明細 { $from } 至 { $to }（單位：元）
fees-summary = 共 { $count } 單，應收 { $total } 元，已收 { $received } 元，未收 { $outstanding } 元。
fees-materials-title = 🔧 物料領用（* 為業主自備）
fees-received = ✅ 已登記工單 { $number } 收款 { $total } 元，收據號 { $receipt }。
fees-col-number = 工單號
fees-col-place = 房號
fees-col-items = 項目
fees-col-total = 金額
fees-col-method = 付款方式
fees-col-status = 狀態
fees-col-receipt = 收據號
fees-col-received-at = 收款時間
fees-col-received-by = 收款人
fees-col-material = 物料
fees-col-quantity = 數量
fees-col-own = 業主自備
prices-col-code = 編號
prices-col-name = 名稱
prices-col-unit = 單位
prices-col-price = 單價
prices-col-kind = 類別
closeout-paid = 💴 有償服務：報價 { $quotesSent } 份，同意 { $approved }，不同意 { $declined }；今日收款 { $received } 元，未收 { $outstandingCount } 單 { $outstanding } 元
