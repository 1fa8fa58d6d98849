## The technicians' group as the dispatch board (/linkgroup)
cmd-linkgroup = 绑定维修群为派单群（管理员，在群里发送）
cmd-unlinkgroup = 解除维修群绑定（管理员）
btn-board-accept = 接单
# A job posted in the group; params number, place, category, emergency, time, deadline (HH:MM),
# left (minutes to the deadline), late (yes | no), minutes (since the report), round, again (yes | no)
board-job =
    { $emergency ->
        [yes] 🚨 紧急工单 { $number }
       *[no] 🔔 新工单 { $number }
    }{ $again ->
        [yes] （已退回，重新派单）
       *[no] {""}
    }
    位置：{ $place }
    类别：{ category-label }
    紧急程度：{ emergency-label }
    时间：{ time-label }
    { board-clock }
board-clock = { $late ->
    [yes] ⏱ 已过派单时限 { $deadline }
   *[no] ⏱ 派单时限 { $deadline }（还剩 { $left } 分钟）
}{ $round ->
    [1] {""}
   *[other] {" "}· 第 { $round } 轮 · 报修已 { $minutes } 分钟
}
# What became of a job on the board; params number, place, category, emergency, state, technician, at
board-job-closed = { $state ->
    [taken] ✅ 工单 { $number }（{ $place }，{ category-label }）已由 { MASTER($technician) } 接单 · { $at }
    [cancelled] ⛔ 工单 { $number }（{ $place }，{ category-label }）已取消 · { $at }
    [reassigned] ↪️ 工单 { $number }（{ $place }，{ category-label }）已由客服另行安排 · { $at }
    [merged] 🔗 工单 { $number }（{ $place }，{ category-label }）已与同一故障合并处理 · { $at }
   *[closed] 工单 { $number }（{ $place }，{ category-label }）已无需接单 · { $at }
}
board-accepted-toast = 接单成功！工单详情和业主电话已私信发给您。
board-open-bot = 请先点此私聊打开机器人，再回群里接单（接单后要把业主电话私信给您）。
board-not-technician = 抱歉，只有本项目的维修人员可以接单。
board-not-eligible = 抱歉，您当前不在值班或不负责此类维修，暂不能接这张单。
board-card-queued = 接单成功！详情稍后私信发给您，请留意私聊。
group-link-usage = 请在维修群里发送：/linkgroup 项目代码，例如 /linkgroup BX（需管理员）。
group-linked =
    ✅ 本群已绑定为「{ $name }」（{ $code }）的派单群，派单方式已改为 group。
    以后新工单会发在这里：编号、位置、类别、紧急程度、预约时间、派单时限和「接单」按钮；先按者接单。
    业主姓名和电话不会发在群里，只私信给接单的师傅。紧急工单仍会同时私信值班师傅。
    请每位师傅先私聊打开本机器人一次，否则无法接单。{ $replaced ->
        [none] {""}
       *[other] {"\u000A"}（原派单群「{ $replaced }」已解除绑定。）
    }
group-unlinked = 已解除「{ $name }」（{ $code }）与维修群的绑定，派单方式：{ $mode }。
group-link-taken = 本群已绑定其他项目，请先在本群发送 /unlinkgroup 原项目代码。
group-not-linked = 该项目目前没有绑定派单群。
group-in-group-only = 请把机器人拉进维修群，在群里发送 /linkgroup { $code }。
setting-groupAlsoPrivate = 派单群模式下是否同时私信派单（on／off）
setting-dispatchGroup = 派单群（/linkgroup 绑定）
board-opened = ✅ 私聊已打开。请回到维修群点「接单」，接单后工单详情会发到这里。
