## Desk: phone callbacks and follow-ups
cmd-callbacks = Phone callbacks due (desk)
cmd-followups = Open follow-ups (desk, supervisors)
desk-only = Sorry, this is for the desk and supervisors only.
callbacks-none = No phone callbacks are due. 👍
callbacks-title = 📞 Phone callbacks due ({ $count }):
callbacks-line =
    { $number } · { $owner } · { $place }
    Phone: { $phone } · Finished: { $completed }
btn-record-phone-for = 📝 { $number }
phone-ask-rating = Please record the rating { $owner } (phone { $phone }) gave for ticket { $number }:
phone-ask-note = Did the owner say anything else? Type it, or tap "Skip".
phone-answer-recorded = ✅ Phone callback for ticket { $number } recorded: { $rating }. Thank you!
phone-answer-followup = A low rating: follow-up #{ $id } was opened for the supervisors.
desk-too-many-tries = Stopped; nothing was recorded. Send /callbacks or /followups to start again.
followups-none = No open follow-ups. 👍
followups-title = 📌 Open follow-ups ({ $count }):
followups-line = { $overdue ->
    [yes] ⚠️
   *[no] •
} #{ $id } ticket { $number } · due { $due }
    { followup-reason }
btn-close-followup = ✅ Close #{ $id }
followup-ask-result = Please type the result of follow-up #{ $id } (the owner will be told):
followup-closed = ✅ Follow-up #{ $id } is closed; the owner has been told the result.
followup-closed-no-owner = ✅ Follow-up #{ $id } is closed.
desk-agree-time =
    🕐 Please agree a visit time with the owner: ticket { $number } ({ $place }, { category-label })
    The owner asked for: { $time }
    Owner's phone: { $phone }
    The time could not be read; please call the owner to fix an exact time.

## A notification Telegram could not deliver for a long time
outbox-undelivered = ⚠️ A notification to { $name } (job { $number }) could not be delivered and is no longer retried. Please call them.
