## The technicians' group as the dispatch board (/linkgroup)
cmd-linkgroup = Link the technicians' group as the dispatch board (admin, send it in the group)
cmd-unlinkgroup = Unlink the technicians' group (admin)
btn-board-accept = Accept
# A job posted in the group; params number, place, category, emergency, time, deadline (HH:MM),
# left (minutes to the deadline), late (yes | no), minutes (since the report), round, again (yes | no)
board-job =
    { $emergency ->
        [yes] 🚨 EMERGENCY { $number }
       *[no] 🔔 New job { $number }
    }{ $again ->
        [yes] {" "}(back in the pool, offered again)
       *[no] {""}
    }
    Place: { $place }
    Type: { category-label }
    Urgency: { emergency-label }
    Time: { time-label }
    { board-clock }
board-clock = { $late ->
    [yes] ⏱ Dispatch was due by { $deadline }
   *[no] ⏱ Dispatch by { $deadline } ({ $left } min left)
}{ $round ->
    [1] {""}
   *[other] {" "}· round { $round } · reported { $minutes } min ago
}
# What became of a job on the board; params number, place, category, emergency, state, technician, at
board-job-closed = { $state ->
    [taken] ✅ Job { $number } ({ $place }, { category-label }) taken by { $technician } · { $at }
    [cancelled] ⛔ Job { $number } ({ $place }, { category-label }) was cancelled · { $at }
    [reassigned] ↪️ Job { $number } ({ $place }, { category-label }) was assigned by the desk · { $at }
    [merged] 🔗 Job { $number } ({ $place }, { category-label }) merged with the same fault · { $at }
   *[closed] Job { $number } ({ $place }, { category-label }) needs nobody any more · { $at }
}
board-accepted-toast = Accepted! The job and the owner's phone are in your private chat with me.
board-open-bot = Please open a private chat with me first (tap here), then accept in the group.
board-not-technician = Sorry, only this property's technicians can accept jobs.
board-not-eligible = Sorry, you are off duty or this kind of job is not yours: you cannot accept it now.
board-card-queued = Accepted! The details follow in your private chat.
group-link-usage = Send in the technicians' group: /linkgroup CODE, e.g. /linkgroup BX (admins only).
group-linked =
    ✅ This group is now the dispatch board of { $name } ({ $code }); dispatch mode: group.
    New jobs will be posted here: number, place, type, urgency, time, the dispatch deadline and an Accept button; the first to press takes it.
    The owner's name and phone never appear here: only the technician who accepts gets them, privately. Emergencies also go to the technicians on duty privately.
    Every technician must open a private chat with me once, or they cannot accept.{ $replaced ->
        [none] {""}
       *[other] {"\u000A"}(The previous group "{ $replaced }" is unlinked.)
    }
group-unlinked = { $name } ({ $code }) is no longer linked to a group; dispatch mode: { $mode }.
group-link-taken = This group is linked to another property: send /unlinkgroup with that property's code here first.
group-not-linked = That property has no dispatch group.
group-in-group-only = Add me to the technicians' group and send /linkgroup { $code } there.
setting-groupAlsoPrivate = In group mode, also send private offers (on / off)
setting-dispatchGroup = Dispatch group (linked with /linkgroup)
board-opened = ✅ Our private chat is open. Go back to the group and press Accept: the job's details will come here.
