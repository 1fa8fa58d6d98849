### Generated from zh-CN/inbox.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# 資料庫暫時不可用時：訊息已存入收件箱，恢復後自動處理（只說真實的情況）
inbox-kept = 系統暫時繁忙，您的訊息已收到並儲存，恢復後會自動繼續處理，無需重複傳送。
