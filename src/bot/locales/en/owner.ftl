## Owner: tickets, confirmation and rating
my-none = You have no repair tickets yet. To report a problem, send /repair.
my-title = 📋 Your latest tickets:
my-line =
    { $number } · { status-label }
    { category-label } · { $place }
    Latest: { $action } ({ $at })
timeline-line = { $at } { $action } { $actor }
ticket-detail =
    🧾 Ticket { $number }
    Status: { status-label }
    Place: { $place }
    Type: { category-label } ({ emergency-label })
    Problem: { $description }
    Technician: { $technician }{ ticket-expected }
    Progress:
# params expected (by | window | none), from, by: local times of the property
ticket-expected = { $expected ->
    [by] {""}
        Technician expected: by { $by }
    [window] {""}
        Technician expected: { $from }-{ $by }
   *[none] {""}
}
btn-cancel-ticket = Cancel this ticket
cancel-ask = Do you really want to cancel this ticket?
btn-cancel-yes = Yes, cancel it
btn-cancel-no = No, keep it
cancel-ok = Ticket { $number } is cancelled.
btn-confirm-fixed = ✅ It's fixed
btn-not-fixed = ❌ Not fixed
owner-accepted = 👷 { $technician }{ $techphone ->
    [none] {""}
   *[other] {" "}(phone { $techphone })
} will handle your ticket { $number } { $booked ->
    [yes] and will come at the agreed time, { $time }. Please keep your phone at hand.
   *[no] and should be with you within { $minutes } minutes. Please keep your phone at hand.
}
owner-done = 🔧 { $technician } has finished the repair for ticket { $number }; please confirm.{ $hasNote ->
    [yes] {""}
    What was done: { $note }
   *[no] {""}
}
    Is it fixed?
owner-postponed =
    🕐 Ticket { $number } cannot be finished today.
    Reason: { $reason }
    Next visit: { $newtime }
    The same technician will come back. We are sorry for the trouble.
owner-confirmed-ask-rating = Thank you for confirming! Please rate our service ({ $number }):
owner-rated = Your rating: { $rating } of 5 ({ $number }).
owner-rating-thanks = Thank you for your rating. Have a nice day!
owner-rating-thanks-low = We are sorry we did not satisfy you. Someone has been asked to follow it up and will contact you soon.
owner-ask-rating-reason = We are sorry. Someone has been asked to follow it up. Please tell us what went wrong (or tap "Skip").
owner-rating-reason-thanks = Thank you. We have recorded it and someone will follow it up; we will tell you the result.
owner-ask-not-fixed-reason = We are sorry! Please tell us briefly what is still wrong with { $number }; the technician will come back.
owner-not-fixed-sent = The technician has been told and will come back for { $number } as soon as possible.
