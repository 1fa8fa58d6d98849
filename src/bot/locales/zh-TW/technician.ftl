### Generated from zh-CN/technician.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Technician: offers and jobs
offer-new =
    🔔 新工單 { $number }
    位置：{ $place }
    類別：{ category-label }
    描述：{ $description }
    上門：{ access-label }
    時間：{ time-label }
offer-new-emergency =
    🚨 緊急工單 { $number }！請儘快接單，15 分鐘內到場。
    位置：{ $place }
    類別：{ category-label }
    描述：{ $description }
    上門：{ access-label }
offer-taken = 工單 { $number } 已由 { MASTER($technician) }接單，無需處理，謝謝！
offer-withdrawn = 工單 { $number } 已被業主取消，無需處理。
btn-accept = 接單
btn-decline = 暫不接
offer-accepted-toast = 接單成功
offer-accepted = ✅ 您已接單 { $number }。
offer-declined = 您已婉拒工單 { $number }。
job-detail =
    🧾 工單 { $number }（{ emergency-label }）
    狀態：{ staff-status-label }
    位置：{ $place }
    類別：{ category-label }
    描述：{ $description }
    上門：{ access-label }
    時間：{ time-label }
    業主電話：{ $phone }
# The job card with its running clock (edited as the time runs down); params of job-detail and
# clock (arrival | completion | none), late (yes | no), due, left, unit (min | hour | day), alerted, alertedCount
job-card = { $clock ->
    [arrival] { job-card-with-clock }
    [completion] { job-card-with-clock }
   *[none] { job-detail }
}
job-card-with-clock =
    { job-detail }
    { job-clock }
job-clock = { $late ->
    [yes] 🔴 { $clock ->
        [arrival] 已超過到場時限
       *[completion] 已超過完工時限 { $due }
    }{ $alertedCount ->
        [0] ，請儘快{ $clock ->
            [arrival] 到場
           *[completion] 完工或點「今天修不完」說明原因
        }。
        [1] ，已通知主管 { $alerted }。
       *[other] ，已通知 { $alerted } 等 { $alertedCount } 位主管。
    }
   *[no] ⏱ 請於 { $due } 前{ $clock ->
        [arrival] 到場
       *[completion] 完工
    }，還剩{ $unit ->
        [min] {""} { $left } 分鐘
        [hour] 約 { $left } 小時
       *[day] 約 { $left } 天
    }。
}
btn-arrived = 📍 已到場
btn-done = ✅ 已完成
btn-cannot-finish = 🕐 今天修不完
btn-job-open = 檢視工單
arrived-ok = 已記錄到場時間
arrived-recorded = 已記錄您到達 { $number } 現場的時間。
jobs-none = 您目前沒有進行中的工單。
jobs-title = 您有 { $count } 張進行中的工單：
jobs-button = { $emergency ->
    [yes] 🚨
   *[no] 🔧
} { $number } { $place } · { staff-status-label }
duty-usage = 目前狀態：{ $state ->
    [on] 上班（接收派單）
   *[off] 下班（不接收派單）
}。傳送 /duty on 上班，/duty off 下班。
duty-on = 已上班，新工單會發送給您。
duty-off = 已下班，不會再給您派新單。辛苦了！
tech-ask-done-note = 請簡單寫一下處理情況（{ $number }），或點「跳過」。
tech-ask-done-photo = 如方便，請發一張完工照片，或點「跳過」。
tech-done-photo-hint = 請傳送照片，或點「跳過」。
tech-done-ok = 已完成 { $number }，已請業主確認。辛苦了！
tech-ask-cannot-reason = 請寫一下今天無法完成 { $number } 的原因（例如：需要訂購配件）。
tech-ask-new-time = 與業主約定的再次上門時間？可點按鈕，或直接輸入。
tech-cannot-ok = 已記錄，並已通知業主 { $number } 的新上門時間。
tech-cancelled = 工單 { $number } 已被業主取消，無需上門。
tech-reopened =
    🔁 業主回饋工單 { $number } 沒有修好，請再次處理。
    原因：{ $reason }
offer-mine = ✅ 您已接單，請按時上門。
offer-reminder = ⏰ 提醒：工單 { $number }（{ $place }，{ category-label }）報修已 { $minutes } 分鐘，仍無人接單，請儘快接單。
staff-ask-phone = 請留下您的手機號碼：接單後會告訴業主，方便業主聯絡您。點下方「傳送我的手機號碼」，或直接輸入號碼。
staff-phone-saved = 謝謝，已儲存。派給您的工單會發到這裡。
staff-status-label = { $status ->
    [open] 待接單
    [accepted] 已接單
    [arrived] 已到場
    [postponed] 改約再修
    [completed] 待業主確認
    [closed] 已完成
    [cancelled] 已取消
   *[other] { $status }
}
