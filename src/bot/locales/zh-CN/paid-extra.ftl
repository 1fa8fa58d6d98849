# Paid work above the agreement amount: the agreement and the prepayment come first (seed 002 5.2)
error-prepayment-pending = 报价金额超过协议金额，须由客服与业主签订维修协议并预收费用后才能开工、完工。客服登记预收后会通知您。
paid-owner-approved-prepay =
    ✅ 已确认报价（{ $total } 元，{ paid-method }）。
    📝 金额较大，客服会与您联系签订维修协议并预收费用；办妥后维修人员再开工，谢谢！
paid-quote-approved-wait =
    ⏸ 业主已同意工单 { $number } 第 { $version } 版报价：{ $total } 元，{ paid-method }{ $via ->
        [phone] （客服电话确认）
       *[other] {""}
    }。
    📝 超过 { $threshold } 元：待客服签订协议并预收费用，请先不要开工。客服登记后会通知您。
paid-prepay-task =
    📝 待办：工单 { $number }（{ $place }）业主已同意 { $total } 元报价，超过 { $threshold } 元。
    请与业主（{ $owner }，电话 { $phone }）签订维修协议并预收费用，收款后发送：
    /fees prepaid { $number } 金额 收据号
paid-prepaid-start = ▶️ 工单 { $number } 已签订维修协议并预收 { $amount } 元（收据号 { $receipt }），可以开工。
fees-prepaid = ✅ 已登记工单 { $number } 的维修协议和预收费用 { $amount } 元（报价 { $total } 元，收据号 { $receipt }），已通知维修人员开工。
# Owners' /prices (seed 000 4.2.2: 收费标准 publicised) and /fees
prices-owner-hint = 以上为物业公示的有偿服务收费标准。维修人员上门报价后，须经您同意才会收费；费用请交物业客服，维修人员不收取现金。
prices-none-owner = { $name } 暂未公示有偿服务价目表，如有疑问请联系物业客服。
fees-already-received = 工单 { $number } 的收款（{ $total } 元）已由 { $by } 于 { $at } 登记，收据号 { $receipt }，无需重复登记。
