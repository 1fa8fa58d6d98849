# /help: one section per role, its commands from the table in src/bot/commands.ts
help-head = { $audience ->
    [technician] 🔧 维修人员：
    [desk] 🧾 客服：
    [supervisor] 🧭 主管（超时、差评、投诉会直接通知您）：
    [control_room] 🌙 中控室（下班时间的紧急报修会直接通知您，请确认有人接单并及时到场）：
    [admin] ⚙️ 管理员：
    [owner] 🏠 业主：
   *[everyone] 🌐 通用：
}
cmd-newproperty = 新建项目（管理员）
cmd-addunit = 添加房屋（管理员）
cmd-import = 导入房屋 CSV（作为文件说明发送）
cmd-revoke = 撤销岗位（管理员）
cmd-start = 开始使用／打开邀请链接
cmd-join = 输入绑定码绑定房屋
