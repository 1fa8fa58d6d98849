### Generated from zh-CN/paid-extra.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# Paid work above the agreement amount: the agreement and the prepayment come first (seed 002 5.2)
error-prepayment-pending = 報價金額超過協議金額，須由客服與業主簽訂維修協議並預收費用後才能開工、完工。客服登記預收後會通知您。
paid-owner-approved-prepay =
    ✅ 已確認報價（{ $total } 元，{ paid-method }）。
    📝 金額較大，客服會與您聯絡簽訂維修協議並預收費用；辦妥後維修人員再開工，謝謝！
paid-quote-approved-wait =
    ⏸ 業主已同意工單 { $number } 第 { $version } 版報價：{ $total } 元，{ paid-method }{ $via ->
        [phone] （客服電話確認）
       *[other] {""}
    }。
    📝 超過 { $threshold } 元：待客服簽訂協議並預收費用，請先不要開工。客服登記後會通知您。
paid-prepay-task =
    📝 待辦：工單 { $number }（{ $place }）業主已同意 { $total } 元報價，超過 { $threshold } 元。
    請與業主（{ $owner }，電話 { $phone }）簽訂維修協議並預收費用，收款後傳送：
    /fees prepaid { $number } 金額 收據號
paid-prepaid-start = ▶️ 工單 { $number } 已簽訂維修協議並預收 { $amount } 元（收據號 { $receipt }），可以開工。
fees-prepaid = ✅ 已登記工單 { $number } 的維修協議和預收費用 { $amount } 元（報價 { $total } 元，收據號 { $receipt }），已通知維修人員開工。
# Owners' /prices (seed 000 4.2.2: 收費標準 publicised) and /fees
prices-owner-hint = 以上為物業公示的有償服務收費標準。維修人員上門報價後，須經您同意才會收費；費用請交物業客服，維修人員不收取現金。
prices-none-owner = { $name } 暫未公示有償服務價目表，如有疑問請聯絡物業客服。
fees-already-received = 工單 { $number } 的收款（{ $total } 元）已由 { $by } 於 { $at } 登記，收據號 { $receipt }，無需重複登記。
