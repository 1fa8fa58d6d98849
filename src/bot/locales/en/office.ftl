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
