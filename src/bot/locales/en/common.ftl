## Common words, labels and errors
language-name = English
welcome = Hello, { $name }! This is the property repair desk. How can we help you?
help-not-joined = Your account is not linked to a home yet. Please open the link the property office gave you, or send "/join CODE". If you have no code, please contact the property office.
join-usage = Please send "/join CODE". The property office gives you the code.
join-invalid = Sorry, this code is not valid, already used or expired. Please ask the property office for a new one.
join-owner-ok = Done! You are linked to { $property } { $unit }. To report a problem, send /repair.
join-staff-ok = Welcome to { $property }! Your role: { role-label }.{ $skills ->
    [none] {""}
    [all] {" "}You can take every kind of job.
   *[other] {" "}Skills: { $skills }.
}
language-ask = 🌐 请选择语言 / Please choose a language
language-set = OK, I will talk to you in English from now on.
cancelled = Stopped. Nothing was submitted. Send /help if you need anything.
nothing-to-cancel = There is nothing to cancel.
flow-interrupted = { $flow ->
    [staff-phone] Your phone number was not saved; it is stopped.
    [repair] Your report was not submitted; it is stopped (send /repair to start again).
    [not-fixed] Your "not fixed" note was not sent; it is stopped.
    [rating-comment] Your comment was not sent; it is stopped.
    [job-done] The job was not marked done; it is stopped (tap "Done" again in /jobs).
    [cannot-finish] "Cannot finish" was not recorded; it is stopped (try again in /jobs).
    [desk-phone-answer] The phone callback was not recorded; it is stopped (send /callbacks to start again).
    [desk-followup-close] The follow-up result was not recorded; it is stopped (send /followups to start again).
   *[other] What you were filling in was stopped; nothing was submitted.
}
unknown-command = Sorry, I don't know that command.
not-understood = Sorry, I did not understand that.
stale-button = This button is no longer valid; nothing was changed.
technician-only = Sorry, this is for technicians only.
error-generic = Sorry, something went wrong on our side; please try again in a moment.
error-not-found = This ticket was not found, or you may not see it.
error-forbidden = Sorry, you are not allowed to do that.
error-not-registered = Please join your home or role first.
error-not-offered = This job was not offered to you.
error-already-taken = A colleague has already taken this job. Thank you!
error-ticket-not-open = This job was cancelled or is already finished.
error-invalid-state = That cannot be done at this stage.
error-invalid-input = That input is not valid; please check and try again.
error-invalid-rating = Please choose a rating from 1 to 5.
error-already-rated = You have already rated this job. Thank you!
error-invite-invalid = This code is not valid or has expired.
error-duplicate = That already exists.
ask-old-button = Please answer the latest question.
ask-use-buttons = Please tap one of the buttons below.
ask-send-text = Please answer with a text message.
ask-too-long = That is too long ({ $length } characters). Please keep it within { $max }.
ask-too-many-tries = Let's stop here; nothing was submitted. { $flow ->
    [repair] Send /repair to start again whenever you like.
   *[other] You can start again whenever you like.
}
btn-skip = Skip
followup-new = 📌 New follow-up #{ $id } (ticket { $number }): { followup-reason }
cmd-repair = Report a problem
cmd-my = My tickets
cmd-jobs = My jobs
cmd-duty = On/off duty (new jobs or not)
cmd-language = Change language
cmd-help = Help
cmd-cancel = Stop what you are doing
rate-5 = 5 Very satisfied
rate-4 = 4 Satisfied
rate-3 = 3 Average
rate-2 = 2 Dissatisfied
rate-1 = 1 Very dissatisfied
category-water = Water & drains
category-electricity = Electricity
category-gas = Gas
category-doors_locks = Doors & locks
category-lighting = Lighting
category-appliances = Appliances
category-public_facilities = Public facilities
category-other = Other
category-label = { $category ->
    [water] { category-water }
    [electricity] { category-electricity }
    [gas] { category-gas }
    [doors_locks] { category-doors_locks }
    [lighting] { category-lighting }
    [appliances] { category-appliances }
    [public_facilities] { category-public_facilities }
   *[other] { category-other }
}
status-label = { $status ->
    [open] received, finding a technician
    [accepted] technician assigned
    [arrived] being repaired
    [postponed] another visit is booked
    [completed] repaired, please confirm
    [closed] done
    [cancelled] cancelled
    [linked] handled together with an earlier report
    [declined] quote declined
   *[other] { $status }
}
role-label = { $role ->
    [admin] admin
    [desk] desk
    [technician] technician
    [supervisor] supervisor
    [control_room] control room
   *[other] { $role }
}
emergency-label = { $emergency ->
    [yes] emergency
   *[no] not urgent
}
access-home = Someone is at home
access-key = The office has a spare key
access-call = Nobody home, call before coming
access-public = Public area, no need to enter a home
access-label = { $access ->
    [home] { access-home }
    [public] { access-public }
    [key] { access-key }
   *[call] { access-call }
}
time-asap = As soon as possible
time-today_pm = This afternoon (14:00-17:00)
time-tomorrow_am = Tomorrow morning (9:00-12:00)
time-tomorrow_pm = Tomorrow afternoon (14:00-17:00)
time-label = { $time ->
    [asap] { time-asap }
    [today_pm] { time-today_pm }
    [tomorrow_am] { time-tomorrow_am }
    [tomorrow_pm] { time-tomorrow_pm }
   *[other] { $time }
}
list-separator = , 
followup-reason = { $rating ->
    [0] { $reason }
   *[other] the owner rated { $rating } of 5{ $reason ->
        [none] {""}
       *[other] : { $reason }
    }
}
