### Generated from zh-CN/export.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## /export: the CSV's words for the codes it holds (category and priority use category-label, priority-label)

export-col-priority = 優先順序
export-col-deadline = 完工時限
export-col-complaints = 投訴單號
export-yes-no = { $value ->
    [yes] 是
   *[no] 否
}
export-channel = { $channel ->
    [chat] 業主自助報修
    [phone] 電話報修
    [counter] 前臺來訪
    [patrol] 巡查發現
   *[other] { $channel }
}
export-status = { $status ->
    [open] 待接單
    [accepted] 已接單
    [arrived] 維修中
    [postponed] 待再次上門
    [completed] 待業主確認
    [closed] 已完成
    [cancelled] 已取消
    [linked] 併入同一報修
    [declined] 業主未同意報價
   *[other] { $status }
}
export-callback = { $channel ->
    [bot] 業主線上評價
    [phone] 電話回訪
   *[other] { $channel }
}
