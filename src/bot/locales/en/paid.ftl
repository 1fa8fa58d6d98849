## Paid work: price list, quote, the owner's consent, fees
cmd-prices = price list of paid services
setting-agreementYuan = paid work above this many yuan needs an agreement and prepayment
paid-quote-usage = Usage: /quote TICKET, e.g. /quote BX-20261123-0007 (makes a paid-work quote for that job).
cmd-quote = Quote a job (desk)
cmd-fees = Paid-work fees (desk/finance)
error-free-work = Public areas and work under warranty are free; this job cannot be made chargeable.
error-not-chargeable = This job has not been marked as paid work.
error-quote-replaced = This quote has been replaced by a newer one; please use the latest quote. Thank you!
error-quote-not-approved = This is paid work: it can be marked done only after the owner approves the quote. Send one with "💰 Paid work quote" first.
paid-kind = { $kind ->
    [material] material
   *[labour] labour
}
paid-method = { $method ->
    [cash] cash at the service desk
    [transfer] bank transfer
    [bill] on the management bill
   *[other] -
}
paid-status = { $status ->
    [received] paid
   *[unpaid] unpaid
}
# Price list (/prices)
prices-usage =
    Price list:
    /prices BX: show property BX's price list
    send a CSV file with the caption /prices import BX: load the price list
    /prices set BX A01 45.50: change one unit price (yuan)
    /prices retire BX A01: retire one item (quotes already made keep their prices)
prices-keepers-only = Sorry, only supervisors and admins keep the price list.
prices-none = { $name } has no price list yet. Send a CSV file with the caption /prices import { $code }.
prices-title = 💴 { $name } price list ({ $count } items, yuan)
prices-csv-hint = CSV line: code,name,unit,price (yuan),kind (labour/material)[,English name][,Traditional Chinese name]
prices-import-done = ✅ { $name } price list loaded: { $added } added, { $changed } changed, { $unchanged } unchanged, { $problems } line(s) with problems.
prices-problem = Line { $line } "{ $text }": { $reason ->
    [columns] wrong number of columns (5 to 7)
    [code] a code may only hold letters, digits, - or _
    [name] the name is empty or too long
    [price] the price is not a valid amount
    [kind] the kind must be labour or material
    [duplicate] the code appears twice
   *[other] not understood
}
prices-set-done = ✅ { $code } now costs { $price } yuan (was { $old }). Quotes already made keep their prices.
prices-retired = ✅ { $code } is retired: new quotes cannot use it; quotes already made keep it.
# Chargeable and the quote (technician)
btn-paid = 💰 Paid work quote
paid-ask-reason = Why does the owner pay for job { $number }? (Public areas and warranty work are free.)
paid-reason = { $reason ->
    [owner_damage] damage by the owner
    [beyond_warranty] beyond warranty
    [in_home] inside the home
    [owner_request] extra work the owner asked for
   *[other] { $reason }
}
btn-paid-free = Free, go back
paid-stay-free = OK, job { $number } stays free.
paid-marked = Job { $number } is now paid work ({ paid-reason }).
paid-ask-lines =
    Enter the quote, one item per line:
    A01 2   (code quantity, at the list price)
    A01 2 80   (a price above the list: a supervisor approves first)
    M01 1 own   (material the owner supplies: recorded, not charged)
    + Item name 1 50   (an item not on the list: a supervisor approves first)
paid-price-list = 💴 Price list (yuan)
paid-confirm = If it is right, press "Send quote".
paid-no-prices = (This property has no price list yet: only items off the list, approved by a supervisor.)
paid-line-problem = Line { $line } "{ $text }": { $reason ->
    [unknown] no such code on the price list
    [quantity] the quantity is not valid
    [price] the price is not valid
    [own] only materials can be owner-supplied
   *[format] not understood
}
paid-lines-again = Please correct it and enter all the items again.
paid-preview = Quote for job { $number } (yuan):
paid-total = Total: { $total } yuan
paid-preview-review = ⚠️ Items above the list or off the list (marked !): a supervisor approves first, then it goes to the owner.
paid-preview-agreement = 📝 Over { $threshold } yuan: a written agreement and prepayment are required.
btn-paid-send = ✅ Send quote
btn-paid-cancel = ✖️ Cancel
paid-cancelled = Cancelled; no quote was sent.
paid-sent-owner = ✅ Quote version { $version } ({ $total } yuan) sent to the owner; start once they approve.
paid-sent-none = ✅ Quote version { $version } ({ $total } yuan) made. The owner does not use this bot: the desk will phone them.
paid-sent-review = ✅ Quote version { $version } ({ $total } yuan) is with the supervisor; it goes to the owner once approved.
# To the owner (a monospace message)
paid-quote-owner =
    Hello! Your repair { $number } ({ $place }) is paid work. The quote (version { $version }, yuan):

    { $table }

    Total: { $total } yuan{ $own ->
        [yes] {"\u000A"}* Supplied by the owner: recorded, not charged.
       *[no] {""}
    }
    { $agreement ->
        [yes] Over { $threshold } yuan: a written agreement and payment in advance are required.
       *[no] Please pay the service desk; technicians do not take cash.
    }
    To approve, choose how you will pay; otherwise press "Decline".
btn-quote-cash = ✅ Approve, cash at the desk
btn-quote-transfer = ✅ Approve, bank transfer
btn-quote-bill = ✅ Approve, on my management bill
btn-quote-decline = ✖️ Decline
paid-decline-ask = Decline the quote? The repair will then end.
btn-quote-decline-yes = Yes, decline
btn-quote-decline-no = Not now
paid-owner-approved = ✅ Quote approved ({ $total } yuan, { paid-method }). The technician will start now. Thank you!
paid-owner-declined = OK, you declined the quote and this repair ends. You are welcome to report again any time.
paid-owner-think = OK, the quote stays open; you can decide later.
# To the supervisor (a monospace message)
paid-quote-review =
    🔎 Quote to approve: job { $number } ({ $place }), technician { $technician }, version { $version } (yuan; ! = above or off the list):

    { $table }

    Total: { $total } yuan
btn-review-approve = ✅ Approve
btn-review-reject = ✖️ Reject
paid-review-approved = ✅ Quote version { $version } of job { $number } approved and sent to the owner.
paid-ask-reject-reason = Why is the quote for job { $number } rejected? (The technician will be told.)
paid-review-rejected = The quote for job { $number } was rejected.
# To the technician / desk
paid-quote-rejected = ✖️ The supervisor rejected quote version { $version } of job { $number }: { $reason }. Please make a new quote.
paid-quote-approved =
    ✅ The owner approved quote version { $version } of job { $number }: { $total } yuan, { paid-method }{ $via ->
        [phone] {" "}(taken by phone at the desk)
       *[other] {""}
    }. Work can start.
    { $agreement ->
        [yes] 📝 Over { $threshold } yuan: sign the agreement and take the prepayment before starting.
       *[no] {""}
    }
paid-quote-declined = ✖️ The owner declined quote version { $version } of job { $number } ({ $total } yuan). The job has ended; no rating is asked.
paid-quote-phone =
    📞 The owner does not use this bot; please phone them about the quote: job { $number } ({ $place }), { $owner }, phone { $phone }, version { $version } (yuan):

    { $table }

    Total: { $total } yuan. Press what the owner answered:
paid-phone-recorded = ✅ Recorded the owner's answer by phone: job { $number } version { $version }, { $decision ->
    [decline] declined
   *[other] approved ({ paid-method })
}.
paid-fee-due = 💴 Job { $number } is done: { $total } yuan to collect ({ paid-method }). When paid, send /fees paid { $number } RECEIPT-NUMBER.
# Fees (/fees)
fees-usage =
    Fees:
    /fees BX [day|week|month|2026-12]: today's / this week's / this month's / a month's fees (with a CSV file)
    /fees paid TICKET RECEIPT: record a fee as received
    /fees prepaid TICKET AMOUNT RECEIPT: record the agreement and the prepayment (a quote above the agreement amount; work starts after it)
fees-none = { $name } has no paid-work fees from { $from } to { $to }.
fees-title = 💴 { $name } paid-work fees { $from } to { $to } (yuan)
fees-summary = { $count } job(s): { $total } yuan due, { $received } received, { $outstanding } outstanding.
fees-materials-title = 🔧 Materials used (* = owner-supplied)
fees-received = ✅ Recorded { $total } yuan received for job { $number }, receipt { $receipt }.
fees-col-number = Ticket
fees-col-place = Home
fees-col-items = Items
fees-col-total = Amount
fees-col-method = Payment
fees-col-status = Status
fees-col-receipt = Receipt
fees-col-received-at = Received at
fees-col-received-by = Received by
fees-col-material = Material
fees-col-quantity = Quantity
fees-col-own = Owner-supplied
prices-col-code = Code
prices-col-name = Name
prices-col-unit = Unit
prices-col-price = Price
prices-col-kind = Kind
closeout-paid = 💴 Paid work: { $quotesSent } quote(s) sent, { $approved } approved, { $declined } declined; { $received } yuan received today, { $outstandingCount } unpaid ({ $outstanding } yuan)
