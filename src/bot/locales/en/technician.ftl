## Technician: offers and jobs
offer-new =
    🔔 New job { $number }
    Place: { $place }
    Type: { category-label }
    Problem: { $description }
    Access: { access-label }
    Time: { time-label }
offer-new-emergency =
    🚨 EMERGENCY { $number }! Please accept and be on site within 15 minutes.
    Place: { $place }
    Type: { category-label }
    Problem: { $description }
    Access: { access-label }
offer-taken = Job { $number } was taken by { $technician }; nothing to do. Thank you!
offer-withdrawn = Job { $number } was cancelled by the owner; nothing to do.
btn-accept = Accept
btn-decline = Decline
offer-accepted-toast = Accepted
offer-accepted = ✅ You have taken job { $number }.
offer-declined = You declined job { $number }.
job-detail =
    🧾 Job { $number } ({ emergency-label })
    Status: { staff-status-label }
    Place: { $place }
    Type: { category-label }
    Problem: { $description }
    Access: { access-label }
    Time: { time-label }
    Owner's phone: { $phone }
# The job card with its running clock (edited as the time runs down); params of job-detail and
# clock (arrival | completion | none), late (yes | no), due, left, unit (min | hour | day), alerted, alertedCount
job-card = { $clock ->
    [arrival] { job-card-with-clock }
    [completion] { job-card-with-clock }
   *[none] { job-detail }
}
job-card-with-clock =
    { job-detail }
    { job-clock }
job-clock = { $late ->
    [yes] 🔴 { $clock ->
        [arrival] Arrival deadline passed
       *[completion] Completion deadline { $due } passed
    }{ $alertedCount ->
        [0] : please { $clock ->
            [arrival] get there as soon as you can.
           *[completion] finish soon, or press "Cannot finish" with the reason.
        }
        [1] : supervisor { $alerted } has been alerted.
       *[other] : { $alertedCount } supervisors ({ $alerted } and others) have been alerted.
    }
   *[no] ⏱ { $clock ->
        [arrival] On site
       *[completion] Done
    } by { $due }: { $unit ->
        [min] { $left } min
        [hour] about { $left } { $left ->
            [one] hour
           *[other] hours
        }
       *[day] about { $left } { $left ->
            [one] day
           *[other] days
        }
    } left.
}
btn-arrived = 📍 Arrived
btn-done = ✅ Done
btn-cannot-finish = 🕐 Cannot finish
btn-job-open = Open the job
arrived-ok = Arrival recorded
arrived-recorded = Your arrival at { $number } is recorded.
jobs-none = You have no open jobs.
jobs-title =
    You have { $count ->
        [one] 1 open job
       *[other] { $count } open jobs
    }:
jobs-button = { $emergency ->
    [yes] 🚨
   *[no] 🔧
} { $number } { $place } · { staff-status-label }
duty-usage = You are { $state ->
    [on] on duty (receiving jobs)
   *[off] off duty (not receiving jobs)
}. Send /duty on or /duty off.
duty-on = You are on duty; new jobs will come to you.
duty-off = You are off duty; no new jobs will be sent. Thank you!
tech-ask-done-note = Please write a short note on what you did ({ $number }), or tap "Skip".
tech-ask-done-photo = If you can, send a photo of the finished work, or tap "Skip".
tech-done-photo-hint = Please send a photo, or tap "Skip".
tech-done-ok = { $number } is done; the owner has been asked to confirm. Thank you!
tech-ask-cannot-reason = Why can { $number } not be finished today? (e.g. a part must be ordered)
tech-ask-new-time = When did you agree to come back? Tap a button or type it.
tech-cannot-ok = Recorded; the owner has been told the new time for { $number }.
tech-cancelled = Job { $number } was cancelled by the owner; no visit needed.
tech-reopened =
    🔁 The owner says job { $number } is not fixed; please go back.
    Reason: { $reason }
offer-mine = ✅ You took this job; please be there on time.
offer-reminder = ⏰ Reminder: job { $number } ({ $place }, { category-label }) was reported { $minutes } minutes ago and nobody has taken it yet. Please accept it if you can.
staff-ask-phone = Please leave your phone number: owners get it when you take their job. Tap "Send my phone number" below, or type it.
staff-phone-saved = Thank you, saved. New jobs will come here.
staff-status-label = { $status ->
    [open] waiting for a technician
    [accepted] accepted
    [arrived] on site
    [postponed] another visit booked
    [completed] waiting for the owner
    [closed] closed
    [cancelled] cancelled
   *[other] { $status }
}
