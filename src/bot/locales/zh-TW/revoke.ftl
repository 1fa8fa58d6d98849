### Generated from zh-CN/revoke.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

# /revoke: the person whose role is taken away is told, and so is a technician for each job taken back
role-revoked-notice = 您的「{ role-label }」職務已被管理員撤銷。如有疑問，請聯絡物業管理處。
job-released-technician = 工單 { $number }（{ $place }）已收回並重新派發，您無需再處理。
