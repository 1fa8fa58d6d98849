## The desk console (a Telegram Mini App for the desk, the control room and supervisors)
cmd-desk = Open the desk console
desk-console-open = 🖥 The desk console: the queue as a table, a phone intake in one form, the ticket's actions, complaints and figures.
btn-desk-console = 🖥 Open the desk console
desk-console-off = The desk console is not turned on for this bot. An administrator sets WEBAPP_URL (the public https:// address of the console behind the same proxy as the bot) and restarts it; BotFather needs nothing. Until then everything works in chat: /queue, /intake, /find.
desk-console-only = The desk console is for the desk, the control room and supervisors.
console-menu-button = Console

console-title = Desk console
console-refused-title = This console is for the office
console-refused = Sorry, the desk console is for the desk, the control room and supervisors of a property. Owners and technicians keep using the chat with the bot: everything you need is there. Thank you!
console-unsigned = This page must be opened from the bot in Telegram (the menu button or /desk). Please close it and open it again.
console-expired = This console was opened more than a day ago. Please close it and open it again from the bot.
console-offline = The console cannot reach the office right now; it will try again in a few seconds.
console-tab-queue = Queue
console-tab-intake = New report
console-tab-complaints = Complaints
console-tab-figures = Figures
console-property = Property
console-all = All that needs doing
console-any = Any
console-group = { $group ->
    [unaccepted] Not accepted
    [not_arrived] Not arrived
    [overdue] Past a clock
    [waiting_owner] Waiting for the owner
   *[phone] Phone tasks
}
console-col-number = Number
console-col-home = Home
console-col-category = Category
console-col-age = Age
console-col-clock = Clock
console-col-technician = Technician
console-col-status = Status
console-col-priority = Priority
console-col-flags = Flags
console-filter-category = Category
console-filter-technician = Technician
console-filter-priority = Priority
console-status = { $status ->
    [open] Waiting for a technician
    [accepted] Accepted, on the way
    [arrived] On site
    [postponed] Cannot finish today, new time agreed
    [completed] Done, waiting for the owner
    [closed] Closed
    [cancelled] Cancelled
   *[linked] Linked to another report
}
console-clock = { $kind ->
    [dispatch] dispatch
    [arrival] arrival
   *[completion] completion
}
console-left = { $min } min left
console-over = { $min } min over
console-age-min = { $min } min
console-age-h = { $h } h
console-age-d = { $d } d
console-flag-rework = rework
console-flag-incident = +{ $count } reports
console-flag-paid = paid
console-flag-urged = urged ×{ $count }
console-flag-late = late
console-flag-emergency = emergency
console-shown = { $shown } of { $total } shown
console-changed = { $count } changed since the last look
console-empty = Nothing is waiting. Well done!
console-refresh = Updated { $time }

console-intake-title = A report by phone or at the counter
console-intake-home = Home (label like 3-1-502, or the owner's phone)
console-intake-public = Public area
console-intake-location = Where exactly (public area)
console-intake-category = Category
console-intake-description = What is wrong
console-intake-photos = Photos (optional, up to 5)
console-intake-emergency = Emergency (leak, power cut, gas, people trapped)
console-intake-access = Who is home / key
console-intake-time = When
console-intake-phone = Phone to call
console-intake-channel = Taken
console-intake-submit = File the report
console-intake-owner = Owner { $owner } · { $phone }
console-intake-no-home = No home found for “{ $query }”.
console-intake-done = ✅ { $number } filed. { $told ->
    [telegram] The owner got the number on Telegram.
    [patrol] You confirm the repair yourself.
   *[phone] The owner is not on Telegram: the confirmation and the callback become phone tasks.
} Offered to { $offered } technician(s).
console-intake-linked = ✅ { $number } filed and linked to { $primary } (the same fault is already being handled).
console-invalid-home = Please choose a home from the suggestions, or tick “Public area” and say where.
console-invalid-location = Please say where in the public area.
console-invalid-category = Please choose a category.
console-invalid-description = Please describe the problem (up to 1000 characters).
console-invalid-phone = Please give a phone number we can call (e.g. 13800138000).
console-invalid-reason = Please give a reason (up to 500 characters).
console-invalid-technician = Please choose a technician.
console-invalid-photos = The photos could not be uploaded (up to 5, 10 MB each). Please try again, or file without them.
console-invalid-rating = Please choose the rating the owner gave (1–5).
console-invalid-comment = Please keep the owner's comment within 500 characters.
console-ticket-rating = Rating
console-ticket-comment = The owner's comment (optional)
console-ticket-phone-callback = Phone callback due: { $owner } (phone { $phone }); call, then record the rating.
console-ticket-chase = The technician holding the job will be reminded (once every 2 hours a ticket).

console-ticket-back = ← Back to the queue
console-ticket-owner = Owner
console-ticket-phone = Phone
console-ticket-clocks = Clocks
console-ticket-due = Complete by { $due }
console-ticket-timeline = What happened
console-ticket-actions = Actions
console-ticket-reason = Reason
console-ticket-note = Note
console-ticket-go = Do it
console-ticket-rework-of = Earlier ticket number (rework of)
console-ticket-merge-into = Merge into ticket number
console-action = { $kind ->
    [assign] 👷 Assign to a technician
    [reassign] 🔀 Reassign (转单)
    [pool] ↩️ Back to the pool
    [cancel] ✖️ Cancel
    [note] 🗒 Note
    [priority] 🚩 Priority
    [rework-link] 🔁 Link as rework
    [rework-unlink] 🔁 Remove rework link
    [merge] 🔗 Merge into another ticket
    [chase] 📣 Chase
    [phone] ☎️ Record phone callback
    [quote] 💰 Quote
   *[unmerge] ✂️ Take out of the incident
}
console-pool-reached = ↩️ { $number } is back in the pool: { $offered ->
    [0] nobody was reached (no technician on duty with the skill). Assign it to a named technician or call one.
   *[other] offered to { $offered } technician(s) on duty.
}

console-complaints-title = Open complaints
console-complaint-due = answer by { $due }
console-complaint-classify = Classify
console-complaint-urgent = Urgent (1 working day)
console-complaint-valid = Valid complaint
console-complaint-handler = Name a handler
console-complaint-result = Record the result
console-complaint-category = { $category ->
    [attitude] Service attitude
    [quality] Work quality
    [fees] Fees
    [management] Management
    [other] Other
   *[none] Not classified
}
console-complaints-none = No open complaints.
console-done = ✅ Done.

console-figures-title = Figures
console-figures-period = Period
console-period = { $period ->
    [day] Today
    [week] This week
   *[month] This month
}
console-figures-csv = Download the month's tickets (CSV)
console-figures-only = The figures are for supervisors.
console-figure = Figure
console-value = Value
console-target = Target
console-per-technician = Per technician
console-chart = Reported and completed per day

console-quote-title = 💰 Quote
console-quote-status = { $status ->
    [review] Waiting for a supervisor's review
    [sent] Sent to the owner, waiting for their answer
    [prepay] Approved by the owner; waiting for the agreement and prepayment
    [approved] Approved by the owner; work may start
    [rejected] Returned by the supervisor
    [declined] Declined by the owner
   *[replaced] Replaced by a newer quote
}
console-quote-version = Quote version { $version }
console-quote-review-note = Supervisor's note: { $note }
console-quote-reason = Why the owner pays (this job is not yet paid work)
console-quote-pick = From the price list
console-quote-quantity = Quantity
console-quote-add = + Another item
console-quote-remove = Remove
console-quote-typed = Other items (optional; one a line, as in chat: code quantity [unit price], "own" for owner-supplied material, + name quantity unit price for an item not on the list)
console-quote-preview = Preview the quote
console-quote-col-item = Item
console-quote-col-quantity = Quantity
console-quote-col-price = Unit price (yuan)
console-quote-col-amount = Amount (yuan)
console-quote-own = owner-supplied
console-quote-above = above the list or not on it
console-quote-item = { $code } { $name } ({ $price } yuan/{ $unit })
console-invalid-quote = Please give the quote's items: pick them from the price list, or type one a line (at most 20 items, 1000 characters).
console-invalid-charge-reason = Please choose why the owner pays for this job.
