### Generated from zh-CN/desk.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Desk: phone callbacks and follow-ups
cmd-callbacks = 待電話回訪（客服）
cmd-followups = 待跟進事項（客服/主管）
desk-only = 抱歉，此功能僅限客服和主管使用。
callbacks-none = 目前沒有需要電話回訪的工單。👍
callbacks-title = 📞 待電話回訪（{ $count } 單）：
callbacks-line =
    { $number } · { $owner } · { $place }
    電話：{ $phone } · 完成：{ $completed }
btn-record-phone-for = 📝 { $number }
phone-ask-rating = 請記錄 { $owner }（電話 { $phone }）對工單 { $number } 的評價：
phone-ask-note = 業主有什麼意見或建議嗎？請輸入，或點「跳過」。
phone-answer-recorded = ✅ 已記錄工單 { $number } 的電話回訪：{ $rating }。謝謝！
phone-answer-followup = 評分較低，已自動生成跟進事項 #{ $id }，主管會跟進處理。
desk-too-many-tries = 已中止，未記錄任何內容。需要時請重新發送 /callbacks 或 /followups。
followups-none = 目前沒有待跟進事項。👍
followups-title = 📌 待跟進事項（{ $count } 項）：
followups-line = { $overdue ->
    [yes] ⚠️
   *[no] •
} #{ $id } 工單 { $number } · 期限 { $due }
    { followup-reason }
btn-close-followup = ✅ 結案 #{ $id }
followup-ask-result = 請輸入跟進事項 #{ $id } 的處理結果（將轉告業主）：
followup-closed = ✅ 跟進事項 #{ $id } 已結案，處理結果已轉告業主。
followup-closed-no-owner = ✅ 跟進事項 #{ $id } 已結案。
desk-agree-time =
    🕐 請與業主約定上門時間：報修單 { $number }（{ $place }，{ category-label }）
    業主希望：{ $time }
    業主電話：{ $phone }
    系統無法識別這個時間，請致電業主確認具體時間。

## 通知送達失敗（Telegram 長時間無法送達）
outbox-undelivered = ⚠️ 給 { $name } 的一條通知（工單 { $number }）多次傳送失敗，系統已停止重試。請電話聯絡對方。
