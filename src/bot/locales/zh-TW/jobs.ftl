### Generated from zh-CN/jobs.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Scheduled jobs: callbacks, escalations, reminders, close-out, deadlines
# Callback ladder (回訪): to the owner; params number, place, category, technician, completed
callback-ask-fixed =
    您好！這裡是物業服務中心回訪。維修單 { $number }（{ $place }，{ category-label }）已由 { MASTER($technician) }於 { $completed } 處理完畢。
    請問問題解決了嗎？也請您為本次服務評分，謝謝！
callback-ask-rating =
    您好！這裡是物業服務中心回訪。感謝您確認維修單 { $number }（{ $place }）已修好。
    請您為本次服務評分，您的意見對我們很重要：
callback-reminder-fixed =
    您好，打擾了！維修單 { $number }（{ $place }）已處理完畢，請問問題解決了嗎？
    麻煩您點選下方按鈕確認並評分，謝謝！
callback-reminder-rating =
    您好，打擾了！請您為維修單 { $number }（{ $place }）的服務評分，謝謝！
# To the desk; also owner, phone
callback-phone-task =
    📞 請電話回訪：維修單 { $number }
    業主：{ $owner }（{ $place }）
    電話：{ $phone }
    完成時間：{ $completed }
    業主尚未在機器人中回覆，請致電瞭解是否修好並記錄評分。
btn-record-phone-answer = 📝 記錄電話回訪結果
# Dispatch escalation: to supervisors (and the control room at night); params number, place, category, emergency, minutes, round, offered,
# held (turn: offered to one in round robin; desk: assigned by the desk; queue: waits for the desk to assign; no: broadcast)
dispatch-overdue =
    ⚠️ 工單 { $number } 報修 { $minutes } 分鐘仍無人接單（{ emergency-label }）。
    地點：{ $place } · { category-label }
    { $held ->
        [turn] 正按輪詢單獨派給一位維修人員，尚未接單，超時將輪給下一位。請儘快協調安排。
        [desk] 已由客服單獨指派給一位維修人員，尚未接單。請儘快協調安排。
        [queue] 本社區由客服指派派單，請儘快指派維修人員。
       *[no] { $offered ->
            [0] 目前沒有可派的值班維修人員，請立即人工安排。
           *[other] 已第 { $round } 次重新派單，發給 { $offered } 位值班維修人員。請儘快協調安排。
        }
    }
dispatch-unassigned =
    🚨 工單 { $number } 報修 { $minutes } 分鐘，多次派單仍無人接單（{ emergency-label }）！
    地點：{ $place } · { category-label }
    系統已停止自動派單，請立即人工安排維修人員。
# Arrival watch; params number, place, category, emergency, technician, techphone, phone, since
arrival-late-technician =
    ⏰ 工單 { $number }（{ $place }）已到約定上門時間，系統還未收到您的「已到場」。
    如已到場請點選下方按鈕；如有延誤請及時聯絡業主（電話 { $phone }）。
arrival-late-supervisor =
    ⚠️ 工單 { $number }（{ emergency-label }）超時未到場。
    維修人員：{ $technician }（電話 { $techphone }）
    業主電話：{ $phone }
    地點：{ $place } · { category-label }
    接單/約定時間：{ $since }
    請跟進處理。
# Appointment reminder; params number, place, category, time, technician, phone, access
appointment-reminder-technician =
    🔔 提醒：您與業主約定 { $time } 上門處理工單 { $number }。
    地點：{ $place } · { category-label }
    業主電話：{ $phone }
    請提前與業主確認。
appointment-coming-owner = 🔔 您好！{ MASTER($technician) }將按約定於 { $time } 上門處理您的報修單 { $number }，請保持電話暢通。
# Daily close-out (monospace); params property, date, reported, completed, open, overdueCount, postponedCount, callbackCount, overdue, postponed, callbacks
closeout-report =
    📊 每日工單日清 · { $property } · { $date }
    今日報修  { $reported }
    今日完成  { $completed }
    未完成    { $open }

    ⏰ 超時工單（{ $overdueCount }）：
    { $overdue }

    🕐 未能當日完成 / 新約時間（{ $postponedCount }）：
    { $postponed }

    ⌛ 超過完工時限（{ $lateCompletionCount }）：
    { $lateCompletion }

    📞 未回訪（{ $callbackCount }）：
    { $callbacks }

    { closeout-paid }
# Follow-ups; params id, reason, number, due, role
followup-reminder = ⏰ 跟進事項 #{ $id }（工單 { $number }）將於 { $due } 到期：{ followup-reason }。請及時處理並傳送 /followups 記錄結果。
followup-overdue = ⚠️ 跟進事項 #{ $id }（工單 { $number }，負責：{ role-label }）已超過期限 { $due } 仍未完成：{ followup-reason }
# To the owner; params id, number, result
followup-result =
    您好！關於您的報修單 { $number } 的服務問題，我們已跟進處理：
    { $result }
    感謝您的回饋，如仍有問題請隨時聯絡我們。
# To the control room when an emergency is reported outside office hours; params as an offer + phone, offered
emergency-night-alert =
    🚨 夜間緊急報修 { $number }
    地點：{ $place } · { category-label }
    描述：{ $description }
    業主電話：{ $phone }
    已派給 { $offered } 位值班維修人員，請跟進確認有人接單並在 15 分鐘內到場。
