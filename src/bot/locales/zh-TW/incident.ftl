### Generated from zh-CN/incident.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# One incident for many reporters (public areas): later reports follow the first one's number.
repair-created-linked = 您好！這個位置的同一問題已有業主報修，我們正在按報修編號 { $number } 一併處理，您無需重複報修。維修進度也會通知您，檢視請傳送 /my。
owner-linked = 您好！您報修的「{ $place }」問題已有其他業主報修，我們正在按報修編號 { $primary } 一併處理。維修進度也會通知您，檢視請傳送 /my。
owner-unlinked = 您的報修 { $number }（{ $place }）將單獨為您安排維修人員，原因：{ $reason }。安排好後會通知您。
tech-merged = 工單 { $number } 已與工單 { $primary } 合併處理，您無需再處理此單。
offer-merged = 工單 { $number } 已與工單 { $primary } 合併處理，無需接單。
btn-merge = 🔗 合併報修
btn-unmerge = ✂️ 取消合併
ask-reason-merge = 請輸入要併入的工單編號（可只輸入末尾幾位，如 0003），可在後面附上說明，例如「0003 同一部電梯」。
merge-candidates = 同類未完成工單：{ $candidates }
ask-reason-unmerge = 請輸入取消合併的原因（將告知業主）：
done-merge = ✅ 工單 { $number } 已併入工單 { $into }，不再單獨派單；業主會收到 { $into } 的進度和回訪。
done-unmerge = ✅ 工單 { $number } 已從工單 { $of } 中拆出，重新派發給值班維修人員；業主已收到通知。
card-incident-of = 🔗 同一報修：已併入 { $number }
card-incident-linked = 🔗 同一報修還有：{ $numbers }
intake-created-linked = ✅ 已登記，報修編號 { $number }。同一位置同類問題已有報修 { $primary }，已併入一併處理，不單獨派單。
    { $told ->
        [telegram] 業主已在 Telegram 收到編號 { $primary }，後續進度會自動通知業主。
        [patrol] 這是巡查報修，完工後由您確認。
       *[phone] 業主未使用 Telegram：請電話告知編號 { $primary }；完工確認和回訪將作為電話回訪任務（/callbacks）交給客服。
    }
owner-incident-renumbered = 您好！您報修的「{ $place }」問題，首位報修人已撤回報修，我們改按報修編號 { $number }（原 { $old }）繼續處理，您無需重新報修。檢視進度請傳送 /my。
error-merge-self = 不能併入它自己（或它已所在的同一報修）。請輸入另一張工單的編號。
error-merge-other-property = 這張工單屬於另一個社區，不能跨社區合併。請輸入本社區工單的編號。
