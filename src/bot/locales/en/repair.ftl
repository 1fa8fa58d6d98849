## /repair — the owner's report
repair-public-area = Public area ({ $property })
repair-ask-place = Hello! Where is the problem?
repair-ask-location = Please describe where in the public area, e.g. "Building 3, entrance 1, lift".
repair-ask-category = What kind of problem is it?
repair-ask-description = Please describe the problem in a few words, e.g. "kitchen tap keeps dripping".
repair-ask-photos = If you can, send photos (up to { $max }), or tap "Skip".
repair-photo-received = Got { $count ->
    [one] 1 photo
   *[other] { $count } photos
} (up to { $max }). Send more, or tap "No more photos".
btn-photos-done = No more photos
repair-photo-hint = Please send a photo, or tap the button below.
repair-ask-emergency = Is it an emergency? (a leak, power cut, gas, someone trapped in a lift…)
repair-ask-emergency-suggested = ⚠️ This looks like it may be an emergency; we will treat it first. Please confirm:
btn-emergency-yes = Emergency, please come now
btn-emergency-no = Not urgent
repair-ask-access = Will someone be at home for the repair?
repair-ask-time = When would you like us to come? You can also type a time, e.g. "Saturday morning".
repair-time-hint = Please tap a button, or type a time.
repair-ask-phone = Please leave a contact number: tap "Send my phone number" below, or type it.
repair-phone-hint = Please tap "Send my phone number", or type a phone number.
btn-share-phone = 📱 Send my phone number
repair-phone-ok = Thank you, contact number: { $phone }
repair-phone-invalid = That number does not look right. Please enter an 11-digit mobile number or a landline with its area code.
repair-summary =
    Please check your report:
    📍 Place: { $place }
    🔧 Type: { category-label }
    📝 Problem: { $description }
    📷 Photos: { $photos ->
        [0] none
       *[other] { $photos }
    }
    ⚠️ { $emergency ->
        [yes] It is an emergency
       *[no] Not an emergency
    }
    🏠 Access: { access-label }
    🕐 Time: { time-label }
    📞 Phone: { $phone }
btn-submit = ✅ Submit
btn-edit = ✏️ Change something
btn-cancel-report = Cancel
repair-ask-edit-field = What would you like to change?
repair-field-place = Place
repair-field-category = Type
repair-field-description = Problem
repair-field-photos = Photos
repair-field-emergency = Urgency
repair-field-access = Access
repair-field-time = Time
repair-field-phone = Phone
repair-cancelled = OK, cancelled. Nothing was submitted.
repair-created = Thank you! Your ticket number is { $number }. We will arrange a technician soon and tell you who is coming. Send /my to follow it.
repair-created-emergency = Emergency report received! Ticket { $number }. The technicians on duty have been alerted and will come within { $minutes } minutes.
repair-safety = { $hazard ->
    [water] 💧 Safety first: turn off the main water valve of your home, move valuables away, mind the wet floor.
    [gas] 🔥 Safety first: open the windows, do not switch any electrical device on or off, no flames; leave and call from outside.
    [electricity] ⚡ Safety first: do not touch wires or the faulty device; if it is safe, switch off the main breaker.
    [lift] 🛗 Safety first: people inside must not force the doors; press the alarm bell and wait for help.
   *[other] ⚠️ Safety first: keep away from the danger and stay safe.
}
