## Complaints: owner, desk, handler, supervisors

cmd-complain = complaints and suggestions
cmd-complaints = complaints to handle (desk)
btn-complain = 📮 Complain about this
complain-ask-target = Hello! What would you like to complain about?
complain-target-ticket = A repair request
complain-target-person = A member of staff
complain-target-service = The service in general
complain-ask-ticket = Which repair request is it about?
complain-ask-property = Which property is it about?
complain-ask-person = Please tell us the name or job of the person (e.g. "cleaner of building 3"):
complain-ask-text = Please describe what happened (at most { $max } characters):
complain-ask-photos = You may send up to { $max } photos as evidence, or press "Skip".
complain-filed =
    ✅ Your complaint is registered, number { $number }.
    We will answer you by { $answerBy }. Thank you for telling us!
complain-too-many-tries = Stopped; the complaint was not filed. Send /complain to start again.
complaint-answered =
    Hello! The result of your complaint { $number }:
    { $result }
    Are you satisfied with it?
btn-complaint-satisfied = 😊 Satisfied
btn-complaint-dissatisfied = 😞 Not satisfied
complaint-owner-satisfied = Thank you! Complaint { $number } is closed.
complaint-owner-dissatisfied = We are sorry. Complaint { $number } goes back to the supervisor, who will contact you soon.
complaint-category-label = { $category ->
    [attitude] service attitude
    [quality] work quality
    [fees] fees
    [management] management
    [none] not classified
   *[other] other
}
complaint-urgent-label = { $urgent ->
    [yes] urgent
   *[no] general
}
complaint-source-label = { $source ->
    [callback] from a callback
    [rating] from a low rating
   *[owner] from an owner
}
complaint-new =
    📮 New complaint { $number } ({ complaint-source-label })
    Against: { $against } · ticket: { $ticket }
    { $description }
    Please classify it and name a handler within 1 hour; handling deadline { $due }.
btn-complaint-handle = 🗂 Classify and assign
complaints-none = No complaints to handle.
complaints-title = 📮 Complaints to handle ({ $count })
complaints-line =
    { $overdue ->
        [yes] 🔴 overdue{" "}
       *[no] {""}
    }{ $number } · { complaint-category-label }{ $urgent ->
        [none] {""}
       *[other] {" "}· { complaint-urgent-label }
    } · due { $due }
    { $description }
    Against: { $against } · ticket: { $ticket } · handler: { $handler }{ $reopened ->
        [yes] {" "}· owner not satisfied, reopened
       *[no] {""}
    }
complaint-ask-category = Complaint { $number }: which class?
complaint-ask-urgency = How urgent is it?
complaint-urgency-urgent = Urgent (handled within 1 working day)
complaint-urgency-general = General (within 3 working days)
complaint-ask-valid = Is it a valid complaint, or a communication one (a request for help or information)?
complaint-valid-yes = Valid complaint
complaint-valid-no = Communication (沟通性)
complaint-ask-handler = Who handles it (starting today)?
complaint-no-handlers = This property has no staff to assign yet; invite staff first.
complaint-desk-done = ✅ Complaint { $number } classified; { $handler } handles it, due { $due }.
complaint-desk-too-many-tries = Stopped; nothing was changed. Send /complaints to start again.
complaint-assigned =
    📮 Please handle complaint { $number } (due { $due })
    Against: { $against }
    { $description }
    When done, press the button below to record the result; we will tell the owner.
btn-complaint-result = 📝 Record the result
complaint-ask-result = The result of complaint { $number } (the owner will read it; at most { $max } characters):
complaint-result-recorded = ✅ Result of complaint { $number } recorded; the owner has been told and asked to rate it.
cmd-tocomplaint = callback to complaint (desk)
tocomplaint-usage = Usage: /tocomplaint ticket-number, e.g. /tocomplaint BX-20261123-0001 (the ticket must have a callback rating).
tocomplaint-done = ✅ The callback of ticket { $ticket } is now complaint { $number }.
complaint-reminder = ⏰ Complaint { $number } ({ complaint-category-label }, { complaint-urgent-label }) must be handled by { $due }. Please follow it up.
complaint-overdue = { $stage ->
    [answer] ⚠️ Complaint { $number } ({ complaint-category-label }, against: { $against }) missed its answer deadline { $due } and the owner has no answer yet!
   *[handle] ⚠️ Complaint { $number } ({ complaint-category-label }, { complaint-urgent-label }, against: { $against }) missed its handling deadline { $due }.
}
complaint-unassigned = ⚠️ Complaint { $number } (filed { $since }) has no handler after 1 hour: { $description }
complaint-reopened =
    ⚠️ The owner is not satisfied with complaint { $number }; please handle it again (due { $due }).
    Complaint: { $description }
    Last result: { $result }
