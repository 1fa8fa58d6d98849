# Paid work above the agreement amount: the agreement and the prepayment come first (seed 002 5.2)
error-prepayment-pending = The quote is above the agreement amount: the desk signs an agreement with the owner and takes the prepayment before work starts or ends. You will be told when it is recorded.
paid-owner-approved-prepay =
    ✅ Quote approved ({ $total } yuan, { paid-method }).
    📝 As the amount is large, the desk will contact you to sign an agreement and take the payment in advance; the technician starts after that. Thank you!
paid-quote-approved-wait =
    ⏸ The owner approved quote version { $version } of job { $number }: { $total } yuan, { paid-method }{ $via ->
        [phone] {" "}(taken by phone at the desk)
       *[other] {""}
    }.
    📝 Over { $threshold } yuan: wait for the desk to sign the agreement and take the prepayment; do not start yet. You will be told.
paid-prepay-task =
    📝 To do: the owner of job { $number } ({ $place }) approved { $total } yuan, over { $threshold } yuan.
    Sign the repair agreement with the owner ({ $owner }, phone { $phone }) and take the prepayment, then send:
    /fees prepaid { $number } amount receipt-number
paid-prepaid-start = ▶️ Job { $number }: the agreement is signed and { $amount } yuan prepaid (receipt { $receipt }). Work can start.
fees-prepaid = ✅ Recorded the agreement and the prepayment of job { $number }: { $amount } yuan (quote { $total } yuan, receipt { $receipt }). The technician was told to start.
# Owners' /prices (seed 000 4.2.2: the fees are publicised) and /fees
prices-owner-hint = This is the price list of paid services the management publishes. A technician's quote is charged only once you approve it; fees are paid to the service desk, never to the technician in cash.
prices-none-owner = { $name } has not published a price list for paid services yet. Please ask the service desk.
fees-already-received = The fee of job { $number } ({ $total } yuan) was already recorded by { $by } at { $at }, receipt { $receipt }. Nothing to do.
