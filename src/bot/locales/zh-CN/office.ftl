## The office's day: staff intake (/intake)
cmd-intake = 登记报修（电话／前台／巡查）
intake-only = 抱歉，此功能仅限客服、中控室和主管使用。
intake-ask-property = 请选择项目：
intake-ask-channel = 报修来源：
channel-phone = 📞 电话报修
channel-counter = 🧾 前台来访
channel-patrol = 🚶 巡查发现
channel-chat = 💬 业主自助报修
channel-label = { $channel ->
    [phone] { channel-phone }
    [counter] { channel-counter }
    [patrol] { channel-patrol }
   *[chat] { channel-chat }
}
intake-ask-home = 请输入房号（如 3-1-502）或业主电话；公共区域请点下方按钮。
intake-public-area = 🏢 公共区域
intake-choose-home = 找到多户，请选择：
intake-home-not-found = 未找到「{ $query }」对应的房屋，请核对房号或电话后重新输入。
intake-home-invalid = 「{ $query }」不是房号或电话号码，请输入如 3-1-502 的房号或 11 位手机号。
intake-ask-photos = 如有照片可直接发送（最多 5 张），没有请点「跳过」。
intake-ask-emergency = 是否紧急？（漏水、停电、燃气、电梯困人等为紧急）
intake-ask-phone = 联系电话：点下方号码确认，或输入其他号码。
intake-summary-head = { channel-label } · 业主：{ $owner }
intake-created = ✅ 已登记，报修编号 { $number }，已派发给 { $offered } 位维修人员。
    { $told ->
        [telegram] 业主已在 Telegram 收到编号，后续进度会自动通知业主。
        [patrol] 这是巡查报修，完工后由您确认。
       *[phone] 业主未使用 Telegram：请电话告知编号；完工确认和回访将作为电话回访任务（/callbacks）交给客服。
    }
intake-too-many-tries = 已中止，未登记任何内容。需要时请重新发送 /intake。
intake-owner-told =
    📋 物业客服已为您登记报修，编号 { $number }。
    📍 { $place } · { category-label }
    📝 { $description }
    接单后会通知您，查看进度请发送 /my。
