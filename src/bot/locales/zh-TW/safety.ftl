### Generated from zh-CN/safety.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# Authorization, throttling, flows that never strand anyone, long replies (issue 11)
error-offer-closed = 這張工單已不再派給您（已婉拒或已收回），無需處理。
error-too-many-attempts = 您輸入錯誤的次數較多，為了賬戶安全，請 10 分鐘後再試。如有疑問，請聯絡物業服務中心。
offer-revoked = 工單 { $number } 已收回，無需處理。
# To supervisors when a technician's role is revoked; params number, place, category, emergency, offered
job-released-supervisor =
    ⚠️ 工單 { $number }（{ emergency-label }）的維修人員職務已撤銷，工單已退回重新派單。
    地點：{ $place } · { category-label }
    已發給 { $offered } 位值班維修人員，請跟進安排。
admin-revoked-released = 其未完成的 { $jobs } 張工單已退回重新派單，{ $offers } 個待接派單已收回。
private-chat-only = 為保護您的隱私，請在與我的私聊中操作。
flow-replaced = 上一步「{ $flow }」還沒有完成，已為您結束。
flow-name-repair = 報修登記
flow-name-not-fixed = 說明未修好的原因
flow-name-rating-comment = 補充評價原因
flow-name-job-done = 完工登記
flow-name-cannot-finish = 無法完成登記
flow-name-desk-phone-answer = 記錄電話回訪
flow-name-desk-followup-close = 處理跟進事項
flow-name-staff-phone = 登記手機號碼
more-pages = （續 { $page }/{ $pages }）
admin-import-encoding = 這個檔案不是 UTF-8 編碼（可能是 Excel 預設的 GBK）。請在 Excel 中「另存為」→「CSV UTF-8（逗號分隔）」後重新發送。
