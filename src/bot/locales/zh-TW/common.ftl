### Generated from zh-CN/common.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Common words, labels and errors
language-name = 繁體中文
welcome = 您好，{ $name }！這裡是物業報修服務台，請問能為您做些什麼？
help-not-joined = 您還沒有綁定房屋。請使用物業服務中心發給您的綁定連結，或傳送「/join 綁定碼」。如沒有綁定碼，請聯絡物業服務中心。
join-usage = 請傳送「/join 綁定碼」，綁定碼由物業服務中心提供。
join-invalid = 抱歉，這個綁定碼無效、已使用或已過期。請聯絡物業服務中心重新取得。
join-owner-ok = 綁定成功！您已綁定 { $property } { $unit }。如需報修，請傳送 /repair。
join-staff-ok = 歡迎加入 { $property }！您的職務：{ role-label }。{ $skills ->
    [none] {""}
    [all] 可接所有類別的維修。
   *[other] 技能：{ $skills }。
}
language-ask = 🌐 請選擇語言 / Please choose a language
language-set = 好的，以後我會用繁體中文和您溝通。
cancelled = 已取消目前操作。如需幫助，請傳送 /help。
nothing-to-cancel = 目前沒有進行中的操作。
flow-interrupted = { $flow ->
    [staff-phone] 手機號碼還沒有儲存，已中止。
    [repair] 您的報修還沒有提交，已中止（/repair 可重新開始）。
    [not-fixed] 「沒修好」的說明還沒有傳送，已中止。
    [rating-comment] 您的意見還沒有傳送，已中止。
    [job-done] 完工登記還沒有提交，已中止（可在 /jobs 中重新點「已完成」）。
    [cannot-finish] 「今天修不完」還沒有提交，已中止（可在 /jobs 中重新操作）。
    [desk-phone-answer] 電話回訪結果還沒有記錄，已中止（/callbacks 可重新開始）。
    [desk-followup-close] 跟進結果還沒有記錄，已中止（/followups 可重新開始）。
   *[other] 您剛才的填寫已中止，未提交任何內容。
}
unknown-command = 抱歉，我不認識這個命令。
not-understood = 抱歉，我沒有理解您的意思。
stale-button = 這個按鈕已失效，您的操作沒有生效。
technician-only = 抱歉，此功能僅限維修人員使用。
error-generic = 抱歉，系統出了點問題，請稍後再試。
error-not-found = 沒有找到這張報修單，或您無權檢視。
error-forbidden = 抱歉，您沒有權限進行此操作。
error-not-registered = 請先綁定房屋或職務後再使用。
error-not-offered = 這張工單沒有派給您。
error-already-taken = 這張工單已被其他同事接單，謝謝！
error-ticket-not-open = 這張工單已取消或已結束。
error-invalid-state = 目前狀態下不能進行此操作。
error-invalid-input = 填寫內容不正確，請檢查後再試。
error-invalid-rating = 評分請選擇 1 到 5 分。
error-already-rated = 您已經評價過了，謝謝！
error-invite-invalid = 綁定碼無效或已過期。
error-duplicate = 已存在，無需重複新增。
ask-old-button = 請回答最新的問題。
ask-use-buttons = 請點選下方按鈕進行選擇。
ask-send-text = 請用文字回覆。
ask-too-long = 內容太長了（{ $length } 字），請控制在 { $max } 字以內。
ask-too-many-tries = 我們先到這裡，沒有提交任何內容。{ $flow ->
    [repair] 需要時請重新發送 /repair。
   *[other] 需要時請重新操作。
}
btn-skip = 跳過
followup-new = 📌 新的跟進事項 #{ $id }（工單 { $number }）：{ followup-reason }
cmd-repair = 報修
cmd-my = 我的報修單
cmd-jobs = 我的工單
cmd-duty = 上班/下班（接不接新單）
cmd-language = 切換語言
cmd-help = 幫助
cmd-cancel = 取消目前操作
rate-5 = 5 很滿意
rate-4 = 4 滿意
rate-3 = 3 一般
rate-2 = 2 不滿意
rate-1 = 1 很不滿意
category-water = 給排水
category-electricity = 電路
category-gas = 瓦斯
category-doors_locks = 門窗鎖具
category-lighting = 照明
category-appliances = 家電
category-public_facilities = 公共設施
category-other = 其他
category-label = { $category ->
    [water] { category-water }
    [electricity] { category-electricity }
    [gas] { category-gas }
    [doors_locks] { category-doors_locks }
    [lighting] { category-lighting }
    [appliances] { category-appliances }
    [public_facilities] { category-public_facilities }
   *[other] { category-other }
}
status-label = { $status ->
    [open] 已受理，正在安排維修人員
    [accepted] 已安排維修人員
    [arrived] 維修中
    [postponed] 待再次上門
    [completed] 維修已完成，請您確認
    [closed] 已完成
    [cancelled] 已取消
    [linked] 同一問題已有報修，正在一併處理
    [declined] 業主未同意報價
   *[other] { $status }
}
role-label = { $role ->
    [admin] 管理員
    [desk] 客服
    [technician] 維修人員
    [supervisor] 主管
    [control_room] 中控室
   *[other] { $role }
}
emergency-label = { $emergency ->
    [yes] 緊急
   *[no] 一般
}
access-home = 家裡有人
access-key = 物業處有備用鑰匙
access-call = 家裡沒人，上門前先打電話
access-public = 公共區域，無需入戶
access-label = { $access ->
    [home] { access-home }
    [public] { access-public }
    [key] { access-key }
   *[call] { access-call }
}
time-asap = 儘快
time-today_pm = 今天下午（14:00-17:00）
time-tomorrow_am = 明天上午（9:00-12:00）
time-tomorrow_pm = 明天下午（14:00-17:00）
time-label = { $time ->
    [asap] { time-asap }
    [today_pm] { time-today_pm }
    [tomorrow_am] { time-tomorrow_am }
    [tomorrow_pm] { time-tomorrow_pm }
   *[other] { $time }
}
list-separator = 、
followup-reason = { $rating ->
    [0] { $reason }
   *[other] 業主評分 { $rating } 分{ $reason ->
        [none] {""}
       *[other] ：{ $reason }
    }
}
