### Generated from zh-CN/owner.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Owner: tickets, confirmation and rating
my-none = 您還沒有報修記錄。如需報修，請傳送 /repair。
my-title = 📋 您最近的報修單：
my-line =
    { $number } · { status-label }
    { category-label } · { $place }
    最新：{ $action }（{ $at }）
timeline-line = { $at } { $action } { $actor }
ticket-detail =
    🧾 報修單 { $number }
    狀態：{ status-label }
    位置：{ $place }
    類別：{ category-label }（{ emergency-label }）
    描述：{ $description }
    維修人員：{ $technician }{ ticket-expected }
    進度：
# params expected (by | window | none), from, by: local times of the property
ticket-expected = { $expected ->
    [by] {""}
        預計上門：{ $by } 前
    [window] {""}
        預計上門：{ $from }-{ $by }
   *[none] {""}
}
btn-cancel-ticket = 取消這張報修單
cancel-ask = 確定要取消這張報修單嗎？
btn-cancel-yes = 確定取消
btn-cancel-no = 不取消
cancel-ok = 報修單 { $number } 已取消。
btn-confirm-fixed = ✅ 已修好
btn-not-fixed = ❌ 沒修好
owner-accepted = 👷 您的報修 { $number } 已為您安排 { MASTER($technician) }{ $techphone ->
    [none] {""}
   *[other] （電話 { $techphone }）
}，{ $booked ->
    [yes] 將按約定於 { $time } 上門，請保持電話暢通。
   *[no] 預計 { $minutes } 分鐘內上門，請保持電話暢通。
}
owner-done = 🔧 { MASTER($technician) }已完成報修單 { $number } 的維修，請您確認。{ $hasNote ->
    [yes] {""}
    處理情況：{ $note }
   *[no] {""}
}
    請問是否已經修好？
owner-postponed =
    🕐 報修 { $number } 今天暫時無法修完。
    原因：{ $reason }
    再次上門時間：{ $newtime }
    同一位維修人員會按時回來處理，給您帶來不便，敬請諒解。
owner-confirmed-ask-rating = 感謝您的確認！請您為本次維修服務評分（{ $number }）：
owner-rated = 已收到您的評價：{ $rating } 分（{ $number }）。
owner-rating-thanks = 非常感謝您的評價，祝您生活愉快！
owner-rating-thanks-low = 很抱歉讓您不滿意，已安排專人跟進，會盡快與您聯絡。
owner-ask-rating-reason = 很抱歉讓您不滿意，已安排專人跟進。請告訴我們哪裡做得不好？（也可以點「跳過」）
owner-rating-reason-thanks = 謝謝您的回饋，我們已記錄並安排專人跟進，處理結果會告訴您。
owner-ask-not-fixed-reason = 很抱歉！請簡單說說 { $number } 還有什麼問題？我們會請維修人員再來處理。
owner-not-fixed-sent = 已轉告維修人員，會盡快再次上門為您處理 { $number }。
