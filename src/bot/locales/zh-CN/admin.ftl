## Admin: properties, units, codes, invites, people
admin-only = 抱歉，此命令仅限管理员使用。
admin-no-property = 没有找到项目代码「{ $code }」。发送 /units 查看全部项目。
admin-no-properties = 还没有项目。用「/newproperty 代码 名称」创建，例如：/newproperty BX 碧溪花园
admin-newproperty-usage = 用法：/newproperty 代码 名称 [时区]。代码为 2-8 位大写字母或数字，用作工单号前缀，例如：/newproperty BX 碧溪花园
admin-property-created = ✅ 已创建项目 { $code } { $name }。下一步：用「/addunit { $code } 3-1-502」添加房屋，或发送 CSV 文件（每行：楼栋，单元，房号）并在说明中写「/import { $code }」。
admin-addunit-usage = 用法：/addunit 项目代码 楼栋-单元-房号（可一次写多个），例如：/addunit BX 3-1-502 3-1-503
admin-unit-added = ✅ { $label } 已添加
admin-unit-invalid = 格式不对，请写成 楼栋-单元-房号，例如 3-1-502
admin-next-ownercode = 给业主发绑定码：/ownercode { $code } 3-1-502
admin-properties-title = 🏢 项目列表
admin-units-title = 🏠 { $name } 的房屋（共 { $count } 户）
admin-no-units = 项目 { $code } 还没有房屋。用 /addunit 添加，或上传 CSV。
admin-units-hint = 批量导入：发送 CSV 文件（每行：楼栋，单元，房号），说明写「/import 项目代码」。
admin-col-code = 代码
admin-col-name = 名称
admin-col-units = 户数
admin-col-unit = 房屋
admin-col-owners = 已绑定
admin-col-id = 编号
admin-col-roles = 岗位
admin-col-homes = 房屋
admin-col-reach = 可达
admin-import-usage = 请发送 CSV 文件（每行：楼栋，单元，房号），并在文件说明中写「/import 项目代码」，例如：/import BX
admin-import-too-big = 文件太大了（上限 1 MB / 20000 行），请分成几个文件上传。
admin-import-started = ⏳ 正在导入 { $name } …
admin-import-download-failed = 抱歉，文件下载失败，请重新发送。
admin-import-done = ✅ { $name } 导入完成：新增 { $added } 户，已存在 { $existing } 户，有问题的行 { $problems } 行。
admin-import-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [columns] 应为 3 列（楼栋，单元，房号）
   *[invalid] 含有不允许的字符
}
admin-no-unit = 项目 { $code } 中没有房屋 { $label }。用 /units { $code } 查看。
admin-ownercode-usage = 用法：/ownercode 项目代码 楼栋-单元-房号，例如：/ownercode BX 3-1-502
admin-ownercode-issued =
    🔑 { $property } { $unit } 的业主绑定码：{ $code }
    链接：{ $link }
    有效期至 { $expires }，只能使用一次。请把链接或绑定码交给业主本人（业主也可发送「/join { $code }」）。
admin-invite-usage = 用法：/invite 项目代码 岗位 [技能]。岗位：{ $roles }。技能（维修人员，逗号分隔）：{ $skills }。例如：/invite BX technician water,electricity
admin-invite-issued =
    📨 { $property } 的员工邀请：{ role-label }{ $skills ->
        [none] {""}
        [all] （可接所有类别）
       *[other] （技能：{ $skills }）
    }
    链接：{ $link }
    邀请码：{ $code }，有效期至 { $expires }，只能使用一次。
admin-no-people = 还没有人员。
admin-people-title = 👥 人员（共 { $count } 人）
admin-revoke-usage = 撤销岗位：/revoke 编号 岗位 [项目代码]，例如：/revoke 12 technician BX
admin-revoke-none = 此人没有这个岗位（或已撤销）。
admin-revoked = ✅ 已撤销 { $id } 号人员的岗位 { $role }（{ $count } 项）。
cmd-units = 项目与房屋（管理员）
cmd-people = 人员（管理员）
cmd-ownercode = 业主绑定码
cmd-invite = 员工邀请（管理员）
cmd-settings = 项目时限设置（管理员）
admin-settings-title = ⏱ { $name } 的时限设置
admin-settings-usage = 修改：/settings { $code } 名称 值，例如 /settings { $code } callbackDelayMin 90；节假日：/settings { $code } holidays 2026-10-01,2026-10-02（写 - 清空）
admin-setting-invalid = 「{ $key }」的值不对，或超出服务标准（派单不超过 5 分钟，回访不晚于 24 小时）。可设置：{ $keys }
admin-setting-changed = ✅ { $code } 的 { $key } 已由 { $old } 改为 { $value }。
setting-timezone = 时区
setting-officeStart = 上班时间
setting-officeEnd = 下班时间
setting-closeOutAt = 每日汇总时间
setting-callbackDelayMin = 完工后多久回访（分钟）
setting-callbackReminderMin = 回访未答多久提醒（分钟）
setting-phoneCallbackAfterMin = 完工后多久转电话回访（分钟）
setting-dispatchTimeoutMin = 一般工单无人接单升级（分钟）
setting-emergencyDispatchMin = 紧急工单无人接单升级（分钟）
setting-workdays = 额外工作日
setting-officialCalendar = 法定节假日日历（auto 按时区 / cn / none）
setting-holidays = 节假日
admin-role-line = { role-label }{ $property ->
    [all] （全部项目）
   *[other] {" "}{ $property }
}{ $skills ->
    [none] {""}
   *[other] （{ $skills }）
}
