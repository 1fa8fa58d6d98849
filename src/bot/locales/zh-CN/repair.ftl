## /repair — the owner's report
repair-public-area = 公共区域（{ $property }）
repair-ask-place = 您好！请问需要维修的是哪里？
repair-ask-location = 请简单描述公共区域的位置，例如「3栋1单元电梯」。
repair-ask-category = 请问是哪一类问题？
repair-ask-description = 请用文字描述一下问题，例如「厨房水龙头一直滴水」。
repair-ask-photos = 如方便，请发送照片（最多 { $max } 张），或点「跳过」。
repair-photo-received = 已收到 { $count } 张照片（最多 { $max } 张）。可以继续发送，或点「照片发完了」。
btn-photos-done = 照片发完了
repair-photo-hint = 请发送照片，或点击下方按钮。
repair-ask-emergency = 请问情况紧急吗？（如漏水、停电、燃气、电梯困人等）
repair-ask-emergency-suggested = ⚠️ 看起来可能是紧急情况，我们会优先处理。请确认：
btn-emergency-yes = 紧急，请马上来
btn-emergency-no = 不紧急
repair-ask-access = 维修时家里有人吗？
repair-ask-time = 您希望什么时间上门？也可以直接输入时间，例如「周六上午」。
repair-time-hint = 请点击按钮选择，或直接输入时间。
repair-ask-phone = 请留下联系电话：点下方「发送我的手机号」，或直接输入号码。
repair-phone-hint = 请点「发送我的手机号」，或输入电话号码。
btn-share-phone = 📱 发送我的手机号
repair-phone-ok = 好的，联系电话：{ $phone }
repair-phone-invalid = 这个号码好像不对，请输入 11 位手机号或带区号的座机号码。
repair-summary =
    请核对报修信息：
    📍 位置：{ $place }
    🔧 类别：{ category-label }
    📝 描述：{ $description }
    📷 照片：{ $photos } 张
    ⚠️ 紧急程度：{ emergency-label }
    🏠 上门：{ access-label }
    🕐 时间：{ time-label }
    📞 电话：{ $phone }
btn-submit = ✅ 确认提交
btn-edit = ✏️ 修改
btn-cancel-report = 取消
repair-ask-edit-field = 请问要修改哪一项？
repair-field-place = 位置
repair-field-category = 类别
repair-field-description = 描述
repair-field-photos = 照片
repair-field-emergency = 紧急程度
repair-field-access = 上门
repair-field-time = 时间
repair-field-phone = 电话
repair-cancelled = 好的，已取消，没有提交报修。
repair-created = 报修成功！您的报修编号是 { $number }。我们会尽快为您安排维修人员，安排好后会通知您。查看进度请发送 /my。
repair-created-emergency = 紧急报修已受理！编号 { $number }。我们已通知值班维修人员，会尽快上门（{ $minutes } 分钟内）为您处理。
repair-safety = { $hazard ->
    [water] 💧 安全提示：请先关闭进户总阀，移开贵重物品，注意防滑。
    [gas] 🔥 安全提示：请立即开窗通风，勿开关电器、勿使用明火，离开现场后再打电话。
    [electricity] ⚡ 安全提示：请勿触碰电线或漏电设备，如能安全操作，请拉下总闸。
    [lift] 🛗 安全提示：被困人员请勿扒门，按下电梯内警铃，耐心等待救援。
   *[other] ⚠️ 安全提示：请先远离危险区域，注意人身安全。
}
