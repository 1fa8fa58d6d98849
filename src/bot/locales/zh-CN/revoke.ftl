# /revoke: the person whose role is taken away is told, and so is a technician for each job taken back
role-revoked-notice = 您的「{ role-label }」岗位已被管理员撤销。如有疑问，请联系物业管理处。
job-released-technician = 工单 { $number }（{ $place }）已收回并重新派发，您无需再处理。
