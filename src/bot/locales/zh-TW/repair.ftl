### Generated from zh-CN/repair.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## /repair — the owner's report
repair-public-area = 公共區域（{ $property }）
repair-ask-place = 您好！請問需要維修的是哪裡？
repair-ask-location = 請簡單描述公共區域的位置，例如「3棟1單元電梯」。
repair-ask-category = 請問是哪一類問題？
repair-ask-description = 請用文字描述一下問題，例如「廚房水龍頭一直滴水」。
repair-ask-photos = 如方便，請傳送照片（最多 { $max } 張），或點「跳過」。
repair-photo-received = 已收到 { $count } 張照片（最多 { $max } 張）。可以繼續傳送，或點「照片發完了」。
btn-photos-done = 照片發完了
repair-photo-hint = 請傳送照片，或點選下方按鈕。
repair-ask-emergency = 請問情況緊急嗎？（如漏水、停電、瓦斯、電梯困人等）
repair-ask-emergency-suggested = ⚠️ 看起來可能是緊急情況，我們會優先處理。請確認：
btn-emergency-yes = 緊急，請馬上來
btn-emergency-no = 不緊急
repair-ask-access = 維修時家裡有人嗎？
repair-ask-time = 您希望什麼時間上門？也可以直接輸入時間，例如「週六上午」。
repair-time-hint = 請點選按鈕選擇，或直接輸入時間。
repair-ask-phone = 請留下聯絡電話：點下方「傳送我的手機號碼」，或直接輸入號碼。
repair-phone-hint = 請點「傳送我的手機號碼」，或輸入電話號碼。
btn-share-phone = 📱 傳送我的手機號碼
repair-phone-ok = 好的，聯絡電話：{ $phone }
repair-phone-invalid = 這個號碼好像不對，請輸入 手機號碼或帶區號的市話號碼。
repair-summary =
    請核對報修資訊：
    📍 位置：{ $place }
    🔧 類別：{ category-label }
    📝 描述：{ $description }
    📷 照片：{ $photos } 張
    ⚠️ 緊急程度：{ emergency-label }
    🏠 上門：{ access-label }
    🕐 時間：{ time-label }
    📞 電話：{ $phone }
btn-submit = ✅ 確認提交
btn-edit = ✏️ 修改
btn-cancel-report = 取消
repair-ask-edit-field = 請問要修改哪一項？
repair-field-place = 位置
repair-field-category = 類別
repair-field-description = 描述
repair-field-photos = 照片
repair-field-emergency = 緊急程度
repair-field-access = 上門
repair-field-time = 時間
repair-field-phone = 電話
repair-cancelled = 好的，已取消，沒有提交報修。
repair-created = 報修成功！您的報修編號是 { $number }。我們會盡快為您安排維修人員，安排好後會通知您。檢視進度請傳送 /my。
repair-created-emergency = 緊急報修已受理！編號 { $number }。我們已通知值班維修人員，會盡快上門（{ $minutes } 分鐘內）為您處理。
repair-safety = { $hazard ->
    [water] 💧 安全提示：請先關閉進戶總閥，移開貴重物品，注意防滑。
    [gas] 🔥 安全提示：請立即開窗通風，勿開關電器、勿使用明火，離開現場後再打電話。
    [electricity] ⚡ 安全提示：請勿觸碰電線或漏電裝置，如能安全操作，請拉下總閘。
    [lift] 🛗 安全提示：被困人員請勿扒門，按下電梯內警鈴，耐心等待救援。
   *[other] ⚠️ 安全提示：請先遠離危險區域，注意人身安全。
}
