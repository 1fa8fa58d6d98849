### Generated from zh-CN/console.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## 客服工作臺（Telegram 小程式，供前臺、中控室和主管使用）
cmd-desk = 開啟客服工作臺
desk-console-open = 🖥 客服工作臺：表格形式的工單佇列、一張表單完成電話登記、工單操作、投訴和統計。
btn-desk-console = 🖥 開啟客服工作臺
desk-console-off = 本機器人尚未開啟客服工作臺。請管理員設定 WEBAPP_URL（工作臺以 HTTPS 開頭的公網地址，與機器人共用同一個反向代理）並重啟；BotFather 無需任何設定。在此之前，一切照常在聊天中辦理：/queue、/intake、/find。
desk-console-only = 客服工作臺僅供前臺、中控室和主管使用。
console-menu-button = 工作臺

console-title = 客服工作臺
console-refused-title = 此工作臺供物業服務中心使用
console-refused = 您好！客服工作臺僅供本社區的前臺、中控室和主管使用。業主和維修師傅請繼續在與機器人的聊天中辦理，所需功能都在那裡。謝謝！
console-unsigned = 請從 Telegram 中的機器人開啟此頁面（選單按鈕或 /desk）。請關閉後重新開啟。
console-expired = 此工作臺已開啟超過一天。請關閉後從機器人重新開啟。
console-offline = 暫時連不上服務中心，幾秒後會自動重試。
console-tab-queue = 工單佇列
console-tab-intake = 登記報修
console-tab-complaints = 投訴
console-tab-figures = 統計
console-property = 社區
console-all = 全部待辦
console-any = 不限
console-group = { $group ->
    [unaccepted] 未接單
    [not_arrived] 未到場
    [overdue] 已超時
    [waiting_owner] 待業主確認
   *[phone] 電話任務
}
console-col-number = 編號
console-col-home = 房號
console-col-category = 類別
console-col-age = 已過
console-col-clock = 時限
console-col-technician = 維修人員
console-col-status = 狀態
console-col-priority = 優先順序
console-col-flags = 標記
console-filter-category = 類別
console-filter-technician = 維修人員
console-filter-priority = 優先順序
console-status = { $status ->
    [open] 等待派工
    [accepted] 已接單，正在前往
    [arrived] 已到場
    [postponed] 今日無法完成，已約新時間
    [completed] 已完工，待業主確認
    [closed] 已關閉
    [cancelled] 已取消
   *[linked] 已併入其他報修
}
console-clock = { $kind ->
    [dispatch] 派工
    [arrival] 到場
   *[completion] 完工
}
console-left = 剩 { $min } 分鐘
console-over = 超時 { $min } 分鐘
console-age-min = { $min } 分鐘
console-age-h = { $h } 小時
console-age-d = { $d } 天
console-flag-rework = 返修
console-flag-incident = 另有 { $count } 人報修
console-flag-paid = 有償
console-flag-urged = 催辦 ×{ $count }
console-flag-late = 逾期
console-flag-emergency = 緊急
console-shown = 顯示 { $shown } / 共 { $total } 張
console-changed = 自上次檢視有 { $count } 張變化
console-empty = 暫無待辦工單，辛苦了！
console-refresh = { $time } 已更新

console-intake-title = 電話或前臺報修登記
console-intake-home = 房號（如 3-1-502，或業主電話）
console-intake-public = 公共區域
console-intake-location = 具體位置（公共區域）
console-intake-category = 類別
console-intake-description = 故障描述
console-intake-photos = 照片（可不附，最多 5 張）
console-intake-emergency = 緊急（漏水、停電、瓦斯、困人）
console-intake-access = 家中是否有人／鑰匙
console-intake-time = 上門時間
console-intake-phone = 聯絡電話
console-intake-channel = 受理方式
console-intake-submit = 提交報修
console-intake-owner = 業主 { $owner } · { $phone }
console-intake-no-home = 沒有找到“{ $query }”對應的房屋。
console-intake-done = ✅ 已登記 { $number }。{ $told ->
    [telegram] 業主已在 Telegram 收到編號。
    [patrol] 維修完成後由您本人確認。
   *[phone] 業主未使用 Telegram：確認和回訪將轉為電話任務。
}已推送給 { $offered } 位維修人員。
console-intake-linked = ✅ 已登記 { $number }，並關聯到 { $primary }（同一故障正在處理中）。
console-invalid-home = 請從提示中選擇房屋，或勾選“公共區域”並填寫位置。
console-invalid-location = 請填寫公共區域的具體位置。
console-invalid-category = 請選擇類別。
console-invalid-description = 請描述故障（不超過 1000 字）。
console-invalid-phone = 請填寫可以聯絡的電話（如 13800138000）。
console-invalid-reason = 請填寫原因（不超過 500 字）。
console-invalid-technician = 請選擇維修人員。
console-invalid-photos = 照片未能上傳（最多 5 張，每張不超過 10 MB）。請重試，或不附照片提交。
console-invalid-rating = 請選擇業主給的評分（1–5）。
console-invalid-comment = 業主的意見請不超過 500 字。
console-ticket-rating = 評分
console-ticket-comment = 業主的意見（可不填）
console-ticket-phone-callback = 待電話回訪：{ $owner }（電話 { $phone }），請致電後記錄評價。
console-ticket-chase = 將提醒接單的維修人員儘快處理（每張工單 2 小時內只能催辦一次）。

console-ticket-back = ← 返回佇列
console-ticket-owner = 業主
console-ticket-phone = 電話
console-ticket-clocks = 時限
console-ticket-due = 須於 { $due } 前完工
console-ticket-timeline = 處理經過
console-ticket-actions = 操作
console-ticket-reason = 原因
console-ticket-note = 備註
console-ticket-go = 確定
console-ticket-rework-of = 原工單編號（返修）
console-ticket-merge-into = 併入的工單編號
console-action = { $kind ->
    [assign] 👷 指派維修人員
    [reassign] 🔀 轉單
    [pool] ↩️ 退回搶單池
    [cancel] ✖️ 取消工單
    [note] 🗒 備註
    [priority] 🚩 優先順序
    [rework-link] 🔁 標記為返修
    [rework-unlink] 🔁 取消返修標記
    [merge] 🔗 併入其他工單
    [chase] 📣 催辦
    [phone] ☎️ 記錄電話回訪
    [quote] 💰 報價
   *[unmerge] ✂️ 移出合併
}
console-pool-reached = ↩️ { $number } 已退回搶單池：{ $offered ->
    [0] 沒有推送到任何人（無值班且具備該技能的維修人員）。請指派具體人員或電話聯絡。
   *[other] 已推送給 { $offered } 位值班維修人員。
}

console-complaints-title = 未結投訴
console-complaint-due = 須於 { $due } 前答覆
console-complaint-classify = 分類
console-complaint-urgent = 緊急（1 個工作日）
console-complaint-valid = 有效投訴
console-complaint-handler = 指定處理人
console-complaint-result = 登記處理結果
console-complaint-category = { $category ->
    [attitude] 服務態度
    [quality] 維修品質
    [fees] 收費
    [management] 管理
    [other] 其他
   *[none] 未分類
}
console-complaints-none = 暫無未結投訴。
console-done = ✅ 已完成。

console-figures-title = 統計
console-figures-period = 期間
console-period = { $period ->
    [day] 今天
    [week] 本週
   *[month] 本月
}
console-figures-csv = 下載本月工單（CSV）
console-figures-only = 統計僅供主管檢視。
console-figure = 指標
console-value = 數值
console-target = 目標
console-per-technician = 維修人員績效
console-chart = 每日報修與完工

console-quote-title = 💰 報價
console-quote-status = { $status ->
    [review] 待主管審批
    [sent] 已發給業主，待業主確認
    [prepay] 業主已同意，待簽協議並預收費用
    [approved] 業主已同意，可以開工
    [rejected] 主管已退回
    [declined] 業主已拒絕
   *[replaced] 已被新報價替代
}
console-quote-version = 第 { $version } 版報價
console-quote-review-note = 主管意見：{ $note }
console-quote-reason = 需要業主付費的原因（這張工單尚未確認為有償服務）
console-quote-pick = 從價目表選擇
console-quote-quantity = 數量
console-quote-add = ＋ 再加一項
console-quote-remove = 刪除
console-quote-typed = 其他項目（可不填；每行一項，寫法同聊天：編號 數量 [單價]，業主自備寫“自備”，價目表外寫 + 名稱 數量 單價）
console-quote-preview = 預覽報價
console-quote-col-item = 項目
console-quote-col-quantity = 數量
console-quote-col-price = 單價（元）
console-quote-col-amount = 金額（元）
console-quote-own = 業主自備
console-quote-above = 高於價目表或價目表外
console-quote-item = { $code } { $name }（{ $price } 元/{ $unit }）
console-invalid-quote = 請填寫報價項目：從價目表選擇，或每行寫一項（最多 20 項，不超過 1000 字）。
console-invalid-charge-reason = 請選擇需要業主付費的原因。
