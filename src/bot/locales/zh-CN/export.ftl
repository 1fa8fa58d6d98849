## /export: the CSV's words for the codes it holds (category and priority use category-label, priority-label)

export-col-priority = 优先级
export-col-deadline = 完工时限
export-col-complaints = 投诉单号
export-yes-no = { $value ->
    [yes] 是
   *[no] 否
}
export-channel = { $channel ->
    [chat] 业主自助报修
    [phone] 电话报修
    [counter] 前台来访
    [patrol] 巡查发现
   *[other] { $channel }
}
export-status = { $status ->
    [open] 待接单
    [accepted] 已接单
    [arrived] 维修中
    [postponed] 待再次上门
    [completed] 待业主确认
    [closed] 已完成
    [cancelled] 已取消
    [linked] 并入同一报修
    [declined] 业主未同意报价
   *[other] { $status }
}
export-callback = { $channel ->
    [bot] 业主在线评价
    [phone] 电话回访
   *[other] { $channel }
}
