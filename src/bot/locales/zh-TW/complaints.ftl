### Generated from zh-CN/complaints.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Complaints (投訴): owner, desk, handler, supervisors

cmd-complain = 投訴與建議
cmd-complaints = 投訴處理（客服）
btn-complain = 📮 投訴此單
complain-ask-target = 您好！請問您要投訴的是？
complain-target-ticket = 某張報修單
complain-target-person = 某位工作人員
complain-target-service = 物業服務整體
complain-ask-ticket = 請選擇相關的報修單：
complain-ask-property = 請選擇小區：
complain-ask-person = 請告訴我們被投訴人的姓名或職務（如“3 號樓保潔”）：
complain-ask-text = 請描述您要投訴的情況（不超過 { $max } 字）：
complain-ask-photos = 如有照片等憑證，可傳送最多 { $max } 張；沒有請點「跳過」。
complain-filed =
    ✅ 您的投訴已受理，投訴編號：{ $number }
    我們將於 { $answerBy } 前答覆您處理結果。感謝您的監督！
complain-too-many-tries = 已中止，投訴未提交。需要時請重新發送 /complain。
# To the owner; params number, result
complaint-answered =
    您好！您的投訴 { $number } 處理結果如下：
    { $result }
    請問您對處理結果是否滿意？
btn-complaint-satisfied = 😊 滿意
btn-complaint-dissatisfied = 😞 不滿意
complaint-owner-satisfied = 感謝您的回饋！投訴 { $number } 已辦結。
complaint-owner-dissatisfied = 很抱歉未能讓您滿意。投訴 { $number } 已轉交主管重新處理，我們會盡快與您聯絡。
# Labels; params category (none = not yet classified), urgent, valid, source
complaint-category-label = { $category ->
    [attitude] 服務態度
    [quality] 工作品質
    [fees] 收費
    [management] 管理
    [none] 待分類
   *[other] 其他
}
complaint-urgent-label = { $urgent ->
    [yes] 緊急
   *[no] 一般
}
complaint-source-label = { $source ->
    [callback] 回訪轉投訴
    [rating] 差評轉投訴
   *[owner] 業主投訴
}
# To the desk; params number, category, urgent, description, against, ticket, source, due
complaint-new =
    📮 新投訴 { $number }（{ complaint-source-label }）
    被投訴：{ $against } · 報修單：{ $ticket }
    { $description }
    請於 1 小時內分類並指定處理人，處理期限 { $due }。
btn-complaint-handle = 🗂 分類並指派
complaints-none = 目前沒有待處理的投訴。
complaints-title = 📮 待處理投訴（{ $count } 件）
complaints-line =
    { $overdue ->
        [yes] 🔴 已超期{" "}
       *[no] {""}
    }{ $number } · { complaint-category-label }{ $urgent ->
        [none] {""}
       *[other] {" "}· { complaint-urgent-label }
    } · 期限 { $due }
    { $description }
    被投訴：{ $against } · 報修單：{ $ticket } · 處理人：{ $handler }{ $reopened ->
        [yes] {" "}· 業主不滿意，已重新處理
       *[no] {""}
    }
complaint-ask-category = 投訴 { $number }：請選擇投訴類別。
complaint-ask-urgency = 請選擇緊急程度：
complaint-urgency-urgent = 緊急（1 個工作日內處理）
complaint-urgency-general = 一般（3 個工作日內處理）
complaint-ask-valid = 這是有效投訴，還是溝通性投訴（求助、諮詢）？
complaint-valid-yes = 有效投訴
complaint-valid-no = 溝通性投訴
complaint-ask-handler = 請指定處理人（當天內開始調查）：
complaint-no-handlers = 本社區還沒有可指派的員工，請先邀請員工。
complaint-desk-done = ✅ 投訴 { $number } 已分類，由 { $handler } 處理，處理期限 { $due }。
complaint-desk-too-many-tries = 已中止，未做任何更改。需要時請重新發送 /complaints。
# To the handler; params number, description, against, due
complaint-assigned =
    📮 請處理投訴 { $number }（處理期限 { $due }）
    被投訴：{ $against }
    { $description }
    處理完畢後請點下方按鈕記錄結果，我們會告知業主。
btn-complaint-result = 📝 記錄處理結果
complaint-ask-result = 請輸入投訴 { $number } 的處理結果（將轉告業主，不超過 { $max } 字）：
complaint-result-recorded = ✅ 已記錄投訴 { $number } 的處理結果，並已告知業主、請其評價。
# Turning a callback or a low rating into a complaint; params ticket, number
cmd-tocomplaint = 回訪意見轉投訴（客服）
tocomplaint-usage = 用法：/tocomplaint 報修單號，例如 /tocomplaint BX-20261123-0001（該單須已有回訪評價）。
tocomplaint-done = ✅ 已將報修單 { $ticket } 的回訪意見登記為投訴 { $number }。
# Deadlines; params number, category, urgent, against, due, stage (reminder | handle | answer)
complaint-reminder = ⏰ 投訴 { $number }（{ complaint-category-label }，{ complaint-urgent-label }）需在 { $due } 前處理完畢，請抓緊跟進。
complaint-overdue = { $stage ->
    [answer] ⚠️ 投訴 { $number }（{ complaint-category-label }，被投訴：{ $against }）已超過答覆期限 { $due }，仍未答覆業主！
   *[handle] ⚠️ 投訴 { $number }（{ complaint-category-label }，{ complaint-urgent-label }，被投訴：{ $against }）已超過處理期限 { $due }。
}
# To the supervisors; params number, description, since
complaint-unassigned = ⚠️ 投訴 { $number }（{ $since } 受理）超過 1 小時仍未指定處理人：{ $description }
# To the supervisors; params number, result, description, due
complaint-reopened =
    ⚠️ 業主對投訴 { $number } 的處理結果不滿意，請主管重新處理（期限 { $due }）。
    投訴內容：{ $description }
    上次處理結果：{ $result }
