### Generated from zh-CN/admin.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## Admin: properties, units, codes, invites, people
admin-only = 抱歉，此命令僅限管理員使用。
admin-no-property = 沒有找到社區代碼「{ $code }」。傳送 /units 檢視全部社區。
admin-no-properties = 還沒有社區。用「/newproperty 代碼 名稱」建立，例如：/newproperty BX 碧溪花園
admin-newproperty-usage = 用法：/newproperty 代碼 名稱 [時區]。代碼為 2-8 位大寫字母或數字，用作工單號前綴，例如：/newproperty BX 碧溪花園
admin-property-created = ✅ 已建立社區 { $code } { $name }。下一步：用「/addunit { $code } 3-1-502」新增房屋，或傳送 CSV 檔案（每行：樓棟，單元，房號）並在說明中寫「/import { $code }」。
admin-addunit-usage = 用法：/addunit 社區代碼 樓棟-單元-房號（可一次寫多個），例如：/addunit BX 3-1-502 3-1-503
admin-unit-added = ✅ { $label } 已新增
admin-unit-invalid = 格式不對，請寫成 樓棟-單元-房號，例如 3-1-502
admin-next-ownercode = 給業主發綁定碼：/ownercode { $code } 3-1-502
admin-properties-title = 🏢 社區列表
admin-units-title = 🏠 { $name } 的房屋（共 { $count } 戶）
admin-no-units = 社區 { $code } 還沒有房屋。用 /addunit 新增，或上傳 CSV。
admin-units-hint = 批次匯入：傳送 CSV 檔案（每行：樓棟，單元，房號），說明寫「/import 社區代碼」。
admin-col-code = 代碼
admin-col-name = 名稱
admin-col-units = 戶數
admin-col-unit = 房屋
admin-col-owners = 已綁定
admin-col-id = 編號
admin-col-roles = 職務
admin-col-homes = 房屋
admin-col-reach = 可達
admin-import-usage = 請傳送 CSV 檔案（每行：樓棟，單元，房號），並在檔案說明中寫「/import 社區代碼」，例如：/import BX
admin-import-too-big = 檔案太大了（上限 1 MB / 20000 行），請分成幾個檔案上傳。
admin-import-started = ⏳ 正在匯入 { $name } …
admin-import-download-failed = 抱歉，檔案下載失敗，請重新發送。
admin-import-done = ✅ { $name } 匯入完成：新增 { $added } 戶，已存在 { $existing } 戶，有問題的行 { $problems } 行。
admin-import-problem = 第 { $line } 行「{ $text }」：{ $reason ->
    [columns] 應為 3 列（樓棟，單元，房號）
   *[invalid] 含有不允許的字元
}
admin-no-unit = 社區 { $code } 中沒有房屋 { $label }。用 /units { $code } 檢視。
admin-ownercode-usage = 用法：/ownercode 社區代碼 樓棟-單元-房號，例如：/ownercode BX 3-1-502
admin-ownercode-issued =
    🔑 { $property } { $unit } 的業主綁定碼：{ $code }
    連結：{ $link }
    有效期至 { $expires }，只能使用一次。請把連結或綁定碼交給業主本人（業主也可傳送「/join { $code }」）。
admin-invite-usage = 用法：/invite 社區代碼 職務 [技能]。職務：{ $roles }。技能（維修人員，逗號分隔）：{ $skills }。例如：/invite BX technician water,electricity
admin-invite-issued =
    📨 { $property } 的員工邀請：{ role-label }{ $skills ->
        [none] {""}
        [all] （可接所有類別）
       *[other] （技能：{ $skills }）
    }
    連結：{ $link }
    邀請碼：{ $code }，有效期至 { $expires }，只能使用一次。
admin-no-people = 還沒有人員。
admin-people-title = 👥 人員（共 { $count } 人）
admin-revoke-usage = 撤銷職務：/revoke 編號 職務 [社區代碼]，例如：/revoke 12 technician BX
admin-revoke-none = 此人沒有這個職務（或已撤銷）。
admin-revoked = ✅ 已撤銷 { $id } 號人員的職務 { $role }（{ $count } 項）。
cmd-units = 社區與房屋（管理員）
cmd-people = 人員（管理員）
cmd-ownercode = 業主綁定碼
cmd-invite = 員工邀請（管理員）
cmd-settings = 社區時限設定（管理員）
admin-settings-title = ⏱ { $name } 的時限設定
admin-settings-usage = 修改：/settings { $code } 名稱 值，例如 /settings { $code } callbackDelayMin 90；節假日：/settings { $code } holidays 2026-10-01,2026-10-02（寫 - 清空）
admin-setting-invalid = 「{ $key }」的值不對，或超出服務標準（派單不超過 5 分鐘，回訪不晚於 24 小時）。可設定：{ $keys }
admin-setting-changed = ✅ { $code } 的 { $key } 已由 { $old } 改為 { $value }。
setting-timezone = 時區
setting-officeStart = 上班時間
setting-officeEnd = 下班時間
setting-closeOutAt = 每日彙總時間
setting-callbackDelayMin = 完工後多久回訪（分鐘）
setting-callbackReminderMin = 回訪未答多久提醒（分鐘）
setting-phoneCallbackAfterMin = 完工後多久轉電話回訪（分鐘）
setting-dispatchTimeoutMin = 一般工單無人接單升級（分鐘）
setting-emergencyDispatchMin = 緊急工單無人接單升級（分鐘）
setting-workdays = 額外工作日
setting-officialCalendar = 法定節假日日曆（auto 按時區 / cn / none）
setting-holidays = 節假日
admin-role-line = { role-label }{ $property ->
    [all] （全部社區）
   *[other] {" "}{ $property }
}{ $skills ->
    [none] {""}
   *[other] （{ $skills }）
}
