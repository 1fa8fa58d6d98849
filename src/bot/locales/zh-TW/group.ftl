### Generated from zh-CN/group.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## The technicians' group as the dispatch board (/linkgroup)
cmd-linkgroup = 綁定維修群為派單群（管理員，在群裡傳送）
cmd-unlinkgroup = 解除維修群綁定（管理員）
btn-board-accept = 接單
# A job posted in the group; params number, place, category, emergency, time, deadline (HH:MM),
# left (minutes to the deadline), late (yes | no), minutes (since the report), round, again (yes | no)
board-job =
    { $emergency ->
        [yes] 🚨 緊急工單 { $number }
       *[no] 🔔 新工單 { $number }
    }{ $again ->
        [yes] （已退回，重新派單）
       *[no] {""}
    }
    位置：{ $place }
    類別：{ category-label }
    緊急程度：{ emergency-label }
    時間：{ time-label }
    { board-clock }
board-clock = { $late ->
    [yes] ⏱ 已過派單時限 { $deadline }
   *[no] ⏱ 派單時限 { $deadline }（還剩 { $left } 分鐘）
}{ $round ->
    [1] {""}
   *[other] {" "}· 第 { $round } 輪 · 報修已 { $minutes } 分鐘
}
# What became of a job on the board; params number, place, category, emergency, state, technician, at
board-job-closed = { $state ->
    [taken] ✅ 工單 { $number }（{ $place }，{ category-label }）已由 { MASTER($technician) } 接單 · { $at }
    [cancelled] ⛔ 工單 { $number }（{ $place }，{ category-label }）已取消 · { $at }
    [reassigned] ↪️ 工單 { $number }（{ $place }，{ category-label }）已由客服另行安排 · { $at }
    [merged] 🔗 工單 { $number }（{ $place }，{ category-label }）已與同一故障合併處理 · { $at }
   *[closed] 工單 { $number }（{ $place }，{ category-label }）已無需接單 · { $at }
}
board-accepted-toast = 接單成功！工單詳情和業主電話已私信發給您。
board-open-bot = 請先點此私聊開啟機器人，再回群裡接單（接單後要把業主電話私信給您）。
board-not-technician = 抱歉，只有本社區的維修人員可以接單。
board-not-eligible = 抱歉，您目前不在值班或不負責此類維修，暫不能接這張單。
board-card-queued = 接單成功！詳情稍後私信發給您，請留意私聊。
group-link-usage = 請在維修群裡傳送：/linkgroup 社區代碼，例如 /linkgroup BX（需管理員）。
group-linked =
    ✅ 本群已綁定為「{ $name }」（{ $code }）的派單群，派單方式已改為 group。
    以後新工單會發在這裡：編號、位置、類別、緊急程度、預約時間、派單時限和「接單」按鈕；先按者接單。
    業主姓名和電話不會發在群裡，只私信給接單的師傅。緊急工單仍會同時私信值班師傅。
    請每位師傅先私聊開啟本機器人一次，否則無法接單。{ $replaced ->
        [none] {""}
       *[other] {"\u000A"}（原派單群「{ $replaced }」已解除綁定。）
    }
group-unlinked = 已解除「{ $name }」（{ $code }）與維修群的綁定，派單方式：{ $mode }。
group-link-taken = 本群已綁定其他社區，請先在本群傳送 /unlinkgroup 原社區代碼。
group-not-linked = 該社區目前沒有綁定派單群。
group-in-group-only = 請把機器人拉進維修群，在群裡傳送 /linkgroup { $code }。
setting-groupAlsoPrivate = 派單群模式下是否同時私信派單（on／off）
setting-dispatchGroup = 派單群（/linkgroup 綁定）
board-opened = ✅ 私聊已開啟。請回到維修群點「接單」，接單後工單詳情會發到這裡。
