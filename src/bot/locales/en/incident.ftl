# One incident for many reporters (public areas): later reports follow the first one's number.
repair-created-linked = Hello! This problem at this place has already been reported, and we are handling it under number { $number }; there is no need to report it again. You will get the same progress messages; send /my to see them.
owner-linked = Hello! The problem you reported at "{ $place }" has already been reported by another resident, and we are handling it under number { $primary }. You will get the same progress messages; send /my to see them.
owner-unlinked = Your repair { $number } ({ $place }) will get a technician of its own. Reason: { $reason }. We will tell you when one is assigned.
tech-merged = Ticket { $number } is now handled together with { $primary }; you do not need to do it separately.
offer-merged = Ticket { $number } is now handled together with { $primary }; no need to accept it.
btn-merge = 🔗 Merge
btn-unmerge = ✂️ Unmerge
ask-reason-merge = Send the number of the ticket to merge this one into (its last digits are enough, e.g. 0003), optionally followed by a note, e.g. "0003 same lift".
merge-candidates = Unfinished tickets of this kind: { $candidates }
ask-reason-unmerge = Why is it taken out of the incident? (the owner is told)
done-merge = ✅ { $number } is merged into { $into } and no longer dispatched on its own; its owner gets the progress and the callback of { $into }.
done-unmerge = ✅ { $number } is out of { $of } and offered to the technicians on duty; the owner was told.
card-incident-of = 🔗 Same incident: merged into { $number }
card-incident-linked = 🔗 Also reported as: { $numbers }
intake-created-linked = ✅ Registered as { $number }. The same problem at this place is already reported as { $primary }: merged into it, not dispatched on its own.
    { $told ->
        [telegram] The owner got the number { $primary } on Telegram and will get every step.
        [patrol] This is a patrol report: you confirm it when done.
       *[phone] The owner is not on Telegram: tell them the number { $primary } by phone; the confirmation and the callback become phone tasks (/callbacks).
    }
owner-incident-renumbered = Hello! The first person who reported "{ $place }" withdrew their report, so we carry on under number { $number } (was { $old }); there is no need to report it again. Send /my to follow it.
error-merge-self = A ticket cannot be merged into itself (or into the incident it already belongs to). Please give another ticket's number.
error-merge-other-property = That ticket belongs to another property; tickets cannot be merged across properties. Please give a number of this property.
