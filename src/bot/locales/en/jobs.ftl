## Scheduled jobs: callbacks, escalations, reminders, close-out, deadlines
# Callback ladder: to the owner; params number, place, category, technician, completed
callback-ask-fixed =
    Hello! This is the property service desk following up. Ticket { $number } ({ $place }, { category-label }) was finished by { $technician } at { $completed }.
    Is the problem solved? Please also rate our service. Thank you!
callback-ask-rating =
    Hello! This is the property service desk. Thank you for confirming that ticket { $number } ({ $place }) is fixed.
    Please rate our service; your opinion matters to us:
callback-reminder-fixed =
    Sorry to trouble you! Ticket { $number } ({ $place }) was finished. Is the problem solved?
    Please tap a button below to confirm and rate. Thank you!
callback-reminder-rating = Sorry to trouble you! Please rate our service for ticket { $number } ({ $place }). Thank you!
# To the desk; also owner, phone
callback-phone-task =
    📞 Please call back: ticket { $number }
    Owner: { $owner } ({ $place })
    Phone: { $phone }
    Finished: { $completed }
    The owner has not answered in the bot. Please call, ask whether it is fixed and record the rating.
btn-record-phone-answer = 📝 Record the phone answer
# Dispatch escalation: to supervisors (and the control room at night); params number, place, category, emergency, minutes, round, offered
dispatch-overdue =
    ⚠️ Ticket { $number } has not been accepted { $minutes } minutes after the report ({ emergency-label }).
    Place: { $place } · { category-label }
    { $held ->
        [turn] It is offered to one technician alone in round robin and not taken yet; it goes to the next in turn when it runs out.
        [desk] The desk assigned it to one technician alone, who has not taken it yet. Please arrange someone.
        [queue] Work here is assigned by the desk: please assign a technician.
       *[no] { $offered ->
            [0] No technician on duty can be offered it: please arrange someone now.
           *[other] Offered again (round { $round }) to { $offered } technician(s) on duty. Please arrange someone.
        }
    }
dispatch-unassigned =
    🚨 Ticket { $number } is still not accepted after { $minutes } minutes and several offers ({ emergency-label })!
    Place: { $place } · { category-label }
    Automatic offers have stopped. Please assign a technician by hand now.
# Arrival watch; params number, place, category, emergency, technician, techphone, phone, since
arrival-late-technician =
    ⏰ Job { $number } ({ $place }) is due on site now, and we have not received your "Arrived".
    If you are there, tap the button below; if you are delayed, please call the owner ({ $phone }).
arrival-late-supervisor =
    ⚠️ Job { $number } ({ emergency-label }) is late on site.
    Technician: { $technician } (phone { $techphone })
    Owner's phone: { $phone }
    Place: { $place } · { category-label }
    Accepted / agreed time: { $since }
    Please follow it up.
# Appointment reminder; params number, place, category, time, technician, phone, access
appointment-reminder-technician =
    🔔 Reminder: you agreed to visit for job { $number } at { $time }.
    Place: { $place } · { category-label }
    Owner's phone: { $phone }
    Please confirm with the owner beforehand.
appointment-coming-owner = 🔔 Hello! { $technician } will come at { $time } as agreed for your ticket { $number }. Please keep your phone at hand.
# Daily close-out (monospace); params property, date, reported, completed, open, overdueCount, postponedCount, callbackCount, overdue, postponed, callbacks
closeout-report =
    📊 Daily close-out · { $property } · { $date }
    Reported today   { $reported }
    Completed today  { $completed }
    Still open       { $open }

    ⏰ Overdue ({ $overdueCount }):
    { $overdue }

    🕐 Not finished / new time ({ $postponedCount }):
    { $postponed }

    ⌛ Past the completion deadline ({ $lateCompletionCount }):
    { $lateCompletion }

    📞 Callbacks unanswered ({ $callbackCount }):
    { $callbacks }

    { closeout-paid }
# Follow-ups; params id, reason, number, due, role
followup-reminder = ⏰ Follow-up #{ $id } (ticket { $number }) is due at { $due }: { followup-reason }. Please handle it and record the result with /followups.
followup-overdue = ⚠️ Follow-up #{ $id } (ticket { $number }, assigned to: { role-label }) missed its deadline { $due }: { followup-reason }
# To the owner; params id, number, result
followup-result =
    Hello! About the service on your ticket { $number }, we have followed it up:
    { $result }
    Thank you for telling us. If anything is still wrong, please contact us any time.
# To the control room when an emergency is reported outside office hours; params as an offer + phone, offered
emergency-night-alert =
    🚨 Night emergency { $number }
    Where: { $place } · { category-label }
    Problem: { $description }
    Owner's phone: { $phone }
    Offered to { $offered } technicians on duty. Please make sure someone accepts and is on site within 15 minutes.
