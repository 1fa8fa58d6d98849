### Generated from zh-CN/help.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# /help: one section per role, its commands from the table in src/bot/commands.ts
help-head = { $audience ->
    [technician] 🔧 維修人員：
    [desk] 🧾 客服：
    [supervisor] 🧭 主管（超時、差評、投訴會直接通知您）：
    [control_room] 🌙 中控室（下班時間的緊急報修會直接通知您，請確認有人接單並及時到場）：
    [admin] ⚙️ 管理員：
    [owner] 🏠 業主：
   *[everyone] 🌐 通用：
}
cmd-newproperty = 新建社區（管理員）
cmd-addunit = 新增房屋（管理員）
cmd-import = 匯入房屋 CSV（作為檔案說明發送）
cmd-revoke = 撤銷職務（管理員）
cmd-start = 開始使用／開啟邀請連結
cmd-join = 輸入綁定碼綁定房屋
