## The office's day: staff intake (/intake)
cmd-intake = Register a report (phone / counter / patrol)
intake-only = Sorry, this is for the desk, the control room and supervisors only.
intake-ask-property = Which property?
intake-ask-channel = How did the report come in?
channel-phone = 📞 By phone
channel-counter = 🧾 At the counter
channel-patrol = 🚶 Found on patrol
channel-chat = 💬 Owner in chat
channel-label = { $channel ->
    [phone] { channel-phone }
    [counter] { channel-counter }
    [patrol] { channel-patrol }
   *[chat] { channel-chat }
}
intake-ask-home = Send the home's label (e.g. 3-1-502) or the owner's phone; for a public area tap the button below.
intake-public-area = 🏢 Public area
intake-choose-home = Several homes match, please choose:
intake-home-not-found = No home found for "{ $query }". Please check the label or phone and send it again.
intake-home-invalid = "{ $query }" is neither a home label nor a phone number. Please send a label like 3-1-502 or a mobile number.
intake-ask-photos = Send photos if you have any (up to 5), or tap "Skip".
intake-ask-emergency = Is it an emergency? (leak, power cut, gas, people trapped in a lift…)
intake-ask-phone = Contact phone: tap the number below to confirm, or type another one.
intake-summary-head = { channel-label } · Owner: { $owner }
intake-created = ✅ Registered as { $number }, offered to { $offered } technician(s).
    { $told ->
        [telegram] The owner got the number on Telegram and will be told every step.
        [patrol] A patrol report: you confirm the repair when it is done.
       *[phone] The owner is not on Telegram: please tell them the number by phone; the confirmation and the callback will be phone tasks for the desk (/callbacks).
    }
intake-too-many-tries = Stopped; nothing was registered. Send /intake to start again.
intake-owner-told =
    📋 The property desk registered a repair for you: number { $number }.
    📍 { $place } · { category-label }
    📝 { $description }
    We will tell you when a technician takes it; send /my to follow it.

## The live queue (/queue), a ticket's card and its actions, /find
cmd-queue = Open tickets (desk / supervisor)
cmd-find = Find a ticket (number / home / phone)
queue-only = Sorry, the queue is only for the desk, supervisors and control room of this property.
staff-only = Sorry, this is for property staff only.
queue-group = { $group ->
    [unaccepted] Not accepted
    [not_arrived] Accepted, not arrived
    [overdue] Past its clock
    [waiting_owner] Waiting for the owner
   *[phone] Phone tasks
}
queue-title = 📋 { $property } · open tickets
queue-count = { queue-group }: { $count }
queue-tab = { queue-group } ({ $count })
queue-group-head = [{ queue-group }] page { $page }/{ $pages }
queue-empty = Nothing in this group. 👍
queue-line = { $emergency ->
    [yes] ⚠️
   *[no] •
} { $number } · { $place } · { category-label } · { $reportedAt } · { $assignee }{ $rework ->
    [yes]  🔁rework
   *[no] {""}
}{ $urges ->
    [0] {""}
   *[other]  📣urged ×{ $urges }
}{ $late ->
    [yes]  ⏰late
   *[no] {""}
}
btn-prev = ⬅️ Previous
btn-next = Next ➡️
card-head =
    🧾 Ticket { $number } · { status-label }
    ⚠️ { emergency-label } · { category-label }
    📍 { $place }
    📝 { $description }
    🕐 Reported { $reported } · { channel-label } · registered by { $registered }
    👤 Owner: { $owner } · 👷 Technician: { $technician }
    🔁 Rework of: { $rework }
    🚩 { priority-label } · complete by { $due }{ $late ->
        [yes]  (late)
       *[no] {""}
    } · urged { $urges } time(s)
card-event = { $at } { $actor } · { $action }{ $why ->
    [none] {""}
   *[other] ({ $why })
}
btn-assign = 👷 Assign
btn-reassign = 🔀 Reassign
btn-pool = ↩️ Back to pool
btn-staff-cancel = ✖️ Cancel ticket
btn-note = 🗒 Note
btn-owner-phone = 📞 Owner's phone
btn-open-card = 🧾 Open ticket
assign-choose = Choose a technician (on duty with the skill; open jobs in brackets):
assign-candidate = { $name } ({ $open })
assign-none = No technician with this skill is on duty right now.
ask-reason-reassign = Why is it reassigned?
ask-reason-pool = Why does it go back to the pool?
ask-reason-cancel = Why is it cancelled? (the owner is told)
ask-reason-note = Your note:
done-assign = ✅ { $number } assigned to { $technician }. If not accepted within 5 minutes it comes back to the queue and the supervisor is told.
done-reassign = ✅ { $number } reassigned to { $technician }; the previous technician was told.
done-pool = { $offered ->
    [0] ⚠️ { $number } is back in the pool, but no technician with the skill is on duty to take it: assign it or call the supervisor.
   *[other] ✅ { $number } is back in the pool and offered to { $offered } technician(s) on duty; the supervisor is alerted if nobody takes it.
}
done-cancel = ✅ { $number } cancelled; the owner was told.
done-note = ✅ Note added to { $number }.
ticket-reason-stopped = Stopped; nothing was changed.
owner-phone = 📞 { $number } · owner { $owner }: { $phone }
find-usage = Send "/find number / home / phone", e.g. /find 0012, /find 3-1-502 or /find 13800138000.
find-none = No ticket found for "{ $query }".
find-title = 🔍 { $count } ticket(s) found:
assign-offer =
    { $kind ->
        [turn] 🔔 Your turn: job { $number } (round robin; only you can take it, for { $minutes } minutes, then it goes to the next)
        [rework] 🔁 Rework { $number }: you repaired this before, so it comes to you first (only you, for { $minutes } minutes)
       *[desk] 👷 Job { $number } assigned to you by the desk (only you can take it, for { $minutes } minutes)
    }
    Place: { $place }
    Category: { category-label }
    Description: { $description }
    Urgency: { emergency-label }
offer-reassigned = Job { $number } was given to someone else; nothing to do.
assign-offer-expired = { $next ->
    [turn] { $number } was not taken in time; it went to the next technician in turn.
    [pool] { $number } was not taken in time; it was offered to the other technicians on duty.
   *[desk] The assignment of { $number } ran out; it went back to the desk.
}
assign-returned = ⏰ { $number } ({ $place }) was { $why ->
    [declined] declined by
   *[expired] not accepted in time by
} { $technician } and is back in the queue. Please arrange it again.
tech-reassigned = 🔀 Job { $number } was given to another technician by the desk; nothing more to do.
tech-cancelled-by-desk = Job { $number } was cancelled by the office; no visit needed. Reason: { $reason }
owner-cancelled-by-desk = Your repair { $number } was cancelled. Reason: { $reason }. If you have questions, please contact the property desk.

## /settings: dispatch mode and completion deadlines
setting-dispatchMode = Dispatch mode (pool / assign / round_robin / group)
setting-roundRobinMin = Round-robin turn per technician (minutes)
setting-completionUrgentMin = Completion limit, urgent (minutes)
setting-completionImportantMin = Completion limit, important (minutes)
setting-completionNormalMin = Completion limit, general (minutes)
setting-publicWorkingDays = Completion limit, public areas (working days)
setting-incidentWindowMin = Same public-area fault reported again within this many minutes joins the first report (0 = never)

## Urges, priorities and the completion clock
btn-urge = 📣 Hurry up
urge-ok = We have chased ticket { $number }: the technician and the desk were reminded. You can chase it again in { $hours } hours.
urge-too-soon = You chased this ticket a moment ago and we are on it. You can chase once every 2 hours; thank you for your patience!
error-too-soon = Too soon; please try again later.
urge-technician = 📣 The owner is chasing { $number } ({ $place }), { $urges } time(s). Please deal with it and call the owner.
urge-desk = 📣 The owner is chasing { $number } ({ $place } · { category-label }), { $urges } time(s).
urge-supervisor = 🚨 A late ticket is being chased: { $number } ({ $place }) is past its clock, urged { $urges } time(s). Please follow up now.
priority-label = { $priority ->
    [urgent] Urgent
    [important] Important
   *[normal] General
}
btn-priority = 🚩 Priority
priority-choose = Choose the new priority:
ask-reason-priority = Why does the priority change?
done-priority = ✅ { $number } is now "{ priority-label }"; its completion deadline was recomputed.
completion-warning = ⏳ { $number } ({ $place }) is due to be finished by { $due }. If it cannot be done in time, tap "cannot finish today" and say why.
completion-warning-desk = ⏳ { $number } ({ $place }) is due to be finished by { $due } and nobody has taken it yet. Please arrange it.
completion-breached = 🚨 { $number } ({ $place } · { priority-label }) missed its completion deadline { $due }. Supervisor, please follow up.

## Rework
rework-linked = 🔁 Rework: { $number } ({ $place } · { category-label }) is the same problem as { $first }, completed within 30 days (technician: { $technician }). Linked as rework and offered first to that technician.
btn-rework-link = 🔁 Link as rework
btn-rework-unlink = 🔁 Unlink rework
ask-reason-rework-link = Send the earlier ticket's number and the reason, e.g. BX-20261101-0003 same leak again
ask-reason-rework-unlink = Why is the rework link removed?
done-rework-link = ✅ { $number } is linked as rework of { $of }.
done-rework-unlink = ✅ { $number } is no longer linked as rework.

## Night handover
handover-digest =
    🌙 Night handover · { $property }
    since { $since }
    came in     { $came }
    done        { $done }
    still open  { $open }

    { $table }

## /help for the office
flow-name-intake = registering a report
flow-name-ticket-reason = reason for a ticket action
