### Generated from zh-CN/office.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## The office's day: staff intake (/intake)
cmd-intake = 登記報修（電話／前臺／巡查）
intake-only = 抱歉，此功能僅限客服、中控室和主管使用。
intake-ask-property = 請選擇社區：
intake-ask-channel = 報修來源：
channel-phone = 📞 電話報修
channel-counter = 🧾 前臺來訪
channel-patrol = 🚶 巡查發現
channel-chat = 💬 業主自助報修
channel-label = { $channel ->
    [phone] { channel-phone }
    [counter] { channel-counter }
    [patrol] { channel-patrol }
   *[chat] { channel-chat }
}
intake-ask-home = 請輸入房號（如 3-1-502）或業主電話；公共區域請點下方按鈕。
intake-public-area = 🏢 公共區域
intake-choose-home = 找到多戶，請選擇：
intake-home-not-found = 未找到「{ $query }」對應的房屋，請核對房號或電話後重新輸入。
intake-home-invalid = 「{ $query }」不是房號或電話號碼，請輸入如 3-1-502 的房號或 11 位手機號碼。
intake-ask-photos = 如有照片可直接傳送（最多 5 張），沒有請點「跳過」。
intake-ask-emergency = 是否緊急？（漏水、停電、瓦斯、電梯困人等為緊急）
intake-ask-phone = 聯絡電話：點下方號碼確認，或輸入其他號碼。
intake-summary-head = { channel-label } · 業主：{ $owner }
intake-created = ✅ 已登記，報修編號 { $number }，已派發給 { $offered } 位維修人員。
    { $told ->
        [telegram] 業主已在 Telegram 收到編號，後續進度會自動通知業主。
        [patrol] 這是巡查報修，完工後由您確認。
       *[phone] 業主未使用 Telegram：請電話告知編號；完工確認和回訪將作為電話回訪任務（/callbacks）交給客服。
    }
intake-too-many-tries = 已中止，未登記任何內容。需要時請重新發送 /intake。
intake-owner-told =
    📋 物業客服已為您登記報修，編號 { $number }。
    📍 { $place } · { category-label }
    📝 { $description }
    接單後會通知您，檢視進度請傳送 /my。

## The live queue (/queue), a ticket's card and its actions, /find
cmd-queue = 待辦工單（客服／主管）
cmd-find = 查詢工單（編號／房號／電話）
queue-only = 抱歉，待辦工單僅限本社區的客服、主管和中控室檢視。
staff-only = 抱歉，此功能僅限物業工作人員使用。
queue-group = { $group ->
    [unaccepted] 未接單
    [not_arrived] 已接單未到場
    [overdue] 超時未完成
    [waiting_owner] 待業主確認
   *[phone] 電話回訪任務
}
queue-title = 📋 { $property } · 待辦工單
queue-count = { queue-group }：{ $count }
queue-tab = { queue-group }（{ $count }）
queue-group-head = 【{ queue-group }】第 { $page }／{ $pages } 頁
queue-empty = 這一組目前沒有工單。👍
queue-line = { $emergency ->
    [yes] ⚠️
   *[no] •
} { $number } · { $place } · { category-label } · { $reportedAt } · { $assignee }{ $rework ->
    [yes] 　🔁返修
   *[no] {""}
}{ $urges ->
    [0] {""}
   *[other] 　📣催{ $urges }次
}{ $late ->
    [yes] 　⏰超時
   *[no] {""}
}
btn-prev = ⬅️ 上一頁
btn-next = 下一頁 ➡️
card-head =
    🧾 工單 { $number } · { status-label }
    ⚠️ { emergency-label } · { category-label }
    📍 { $place }
    📝 { $description }
    🕐 報修：{ $reported } · { channel-label } · 登記人：{ $registered }
    👤 業主：{ $owner } · 👷 維修：{ $technician }
    🔁 返修自：{ $rework }
    🚩 { priority-label } · 完成時限：{ $due }{ $late ->
        [yes] （已超時）
       *[no] {""}
    } · 催單 { $urges } 次
card-event = { $at } { $actor } · { $action }{ $why ->
    [none] {""}
   *[other] （{ $why }）
}
btn-assign = 👷 指派
btn-reassign = 🔀 轉單
btn-pool = ↩️ 退回搶單池
btn-staff-cancel = ✖️ 取消工單
btn-note = 🗒 備註
btn-owner-phone = 📞 業主電話
btn-open-card = 🧾 檢視工單
assign-choose = 請選擇維修人員（值班且有此技能；括號內為手上未完成工單數）：
assign-candidate = { $name }（{ $open }）
assign-none = 目前沒有值班且有此技能的維修人員。
ask-reason-reassign = 請輸入轉單原因：
ask-reason-pool = 請輸入退回搶單池的原因：
ask-reason-cancel = 請輸入取消原因（將告知業主）：
ask-reason-note = 請輸入備註內容：
done-assign = ✅ 工單 { $number } 已指派給 { $technician }，5 分鐘內未接單將退回待辦並通知主管。
done-reassign = ✅ 工單 { $number } 已轉給 { $technician }，原維修人員已收到通知。
done-pool = { $offered ->
    [0] ⚠️ 工單 { $number } 已退回搶單池，但目前沒有值班且有此技能的維修人員可以接單，請指派或聯絡主管。
   *[other] ✅ 工單 { $number } 已退回搶單池，已發給 { $offered } 位值班維修人員；無人接單時照常提醒主管。
}
done-cancel = ✅ 工單 { $number } 已取消，業主已收到通知。
done-note = ✅ 已為工單 { $number } 新增備註。
ticket-reason-stopped = 已中止，未做任何更改。
owner-phone = 📞 工單 { $number } · 業主 { $owner }：{ $phone }
find-usage = 請傳送「/find 編號／房號／電話」，例如 /find 0012、/find 3-1-502 或 /find 13800138000。
find-none = 沒有找到與「{ $query }」相關的工單。
find-title = 🔍 找到 { $count } 張工單：
assign-offer =
    { $kind ->
        [turn] 🔔 輪到您接單：工單 { $number }（輪詢派單，僅限您接單，{ $minutes } 分鐘內有效，超時轉給下一位）
        [rework] 🔁 返修工單 { $number }：您之前修過這裡，優先派給您（僅限您接單，{ $minutes } 分鐘內有效）
       *[desk] 👷 客服指派給您的工單 { $number }（僅限您接單，{ $minutes } 分鐘內有效）
    }
    位置：{ $place }
    類別：{ category-label }
    描述：{ $description }
    緊急程度：{ emergency-label }
offer-reassigned = 工單 { $number } 已另行安排，無需處理。
assign-offer-expired = { $next ->
    [turn] 工單 { $number } 已超時未接，已輪給下一位維修人員。
    [pool] 工單 { $number } 已超時未接，已發給其他值班維修人員搶單。
   *[desk] 工單 { $number } 的指派已超時，已退回客服重新安排。
}
assign-returned = ⏰ 工單 { $number }（{ $place }）指派給 { $technician } 後{ $why ->
    [declined] 被拒絕
   *[expired] 超時未接單
}，已退回待辦，請重新安排。
tech-reassigned = 🔀 工單 { $number } 已由客服轉給其他維修人員，您無需再處理。
tech-cancelled-by-desk = 工單 { $number } 已被物業取消，無需上門。原因：{ $reason }
owner-cancelled-by-desk = 您的報修 { $number } 已取消。原因：{ $reason }。如有疑問，請聯絡物業客服。

## /settings: dispatch mode and completion deadlines
setting-dispatchMode = 派單方式（pool 搶單／assign 客服指派／round_robin 輪詢／group 派單群）
setting-roundRobinMin = 輪詢每人獨佔時長（分鐘）
setting-completionUrgentMin = 緊急工單完成時限（分鐘）
setting-completionImportantMin = 重要工單完成時限（分鐘）
setting-completionNormalMin = 一般工單完成時限（分鐘）
setting-publicWorkingDays = 公共區域完成時限（工作日）
setting-incidentWindowMin = 同一公共區域同類報修自動合併的時間窗（分鐘，0 為不自動合併）

## 催單, priorities and the completion clock
btn-urge = 📣 催單
urge-ok = 已為您催促工單 { $number }，維修人員和客服已收到提醒。如仍需催促，請 { $hours } 小時後再試。
urge-too-soon = 您剛剛催過單，我們正在加緊處理。每 2 小時可催單一次，請稍後再試，謝謝您的耐心！
error-too-soon = 操作太頻繁，請稍後再試。
urge-technician = 📣 業主催單：工單 { $number }（{ $place }）已催 { $urges } 次，請儘快處理並與業主聯絡。
urge-desk = 📣 業主催單：工單 { $number }（{ $place } · { category-label }）已催 { $urges } 次。
urge-supervisor = 🚨 超時工單被催單：工單 { $number }（{ $place }）已超過時限，業主已催 { $urges } 次，請立即跟進。
priority-label = { $priority ->
    [urgent] 緊急
    [important] 重要
   *[normal] 一般
}
btn-priority = 🚩 優先順序
priority-choose = 請選擇新的優先順序：
ask-reason-priority = 請輸入調整優先順序的原因：
done-priority = ✅ 工單 { $number } 的優先順序已改為「{ priority-label }」，完成時限已重新計算。
completion-warning = ⏳ 工單 { $number }（{ $place }）將於 { $due } 到達完成時限，請抓緊處理；無法按時完成請點「今天修不完」說明原因。
completion-warning-desk = ⏳ 工單 { $number }（{ $place }）將於 { $due } 到達完成時限，目前仍無人接單，請儘快安排。
completion-breached = 🚨 工單 { $number }（{ $place } · { priority-label }）已超過完成時限 { $due }，請主管跟進。

## Rework (返修)
rework-linked = 🔁 返修提醒：工單 { $number }（{ $place } · { category-label }）與 30 天內完工的工單 { $first }（維修：{ $technician }）為同一問題，已關聯為返修並優先派給原維修人員。
btn-rework-link = 🔁 關聯返修
btn-rework-unlink = 🔁 取消返修關聯
ask-reason-rework-link = 請輸入原工單編號和原因，例如：BX-20261101-0003 同一處漏水
ask-reason-rework-unlink = 請輸入取消返修關聯的原因：
done-rework-link = ✅ 工單 { $number } 已關聯為 { $of } 的返修。
done-rework-unlink = ✅ 工單 { $number } 已取消返修關聯。

## Night handover (交接班)
handover-digest =
    🌙 夜間交接 · { $property }
    自 { $since } 起
    夜間報修  { $came }
    已完成    { $done }
    仍未完成  { $open }

    { $table }

## /help for the office
flow-name-intake = 登記報修
flow-name-ticket-reason = 工單操作原因
