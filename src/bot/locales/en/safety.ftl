# Authorization, throttling, flows that never strand anyone, long replies (issue 11)
error-offer-closed = This job is no longer offered to you (declined or withdrawn); nothing to do.
error-too-many-attempts = Too many wrong codes. For your account's safety, please try again in 10 minutes, or contact the property office.
offer-revoked = Job { $number } was withdrawn; nothing to do.
# To supervisors when a technician's role is revoked; params number, place, category, emergency, offered
job-released-supervisor =
    ⚠️ The technician of job { $number } ({ emergency-label }) lost the role; the job is back in dispatch.
    Place: { $place } · { category-label }
    Offered to { $offered } technicians on duty. Please follow up.
admin-revoked-released = Their { $jobs } unfinished jobs went back to dispatch; { $offers } open offers were withdrawn.
private-chat-only = To protect your privacy, please do this in your private chat with me.
flow-replaced = The previous step "{ $flow }" was not finished; it has been closed.
flow-name-repair = repair report
flow-name-not-fixed = why it is not fixed
flow-name-rating-comment = reason for the rating
flow-name-job-done = job completion
flow-name-cannot-finish = cannot finish today
flow-name-desk-phone-answer = phone callback record
flow-name-desk-followup-close = closing a follow-up
flow-name-staff-phone = your phone number
more-pages = (continued { $page }/{ $pages })
admin-import-encoding = This file is not UTF-8 (it may be GBK, Excel's default in China). In Excel choose Save As → "CSV UTF-8 (Comma delimited)" and send it again.
