## Admin: properties, units, codes, invites, people
admin-only = Sorry, this command is for admins only.
admin-no-property = No property with the code "{ $code }". Send /units to see them all.
admin-no-properties = There are no properties yet. Create one with "/newproperty CODE Name", e.g. /newproperty BX Bixi Garden
admin-newproperty-usage = Usage: /newproperty CODE Name [time zone]. The code is 2-8 capital letters or digits and starts every ticket number, e.g. /newproperty BX Bixi Garden
admin-property-created = ✅ Property { $code } { $name } created. Next: add homes with "/addunit { $code } 3-1-502", or send a CSV file (one line per home: building,unit,room) with the caption "/import { $code }".
admin-addunit-usage = Usage: /addunit CODE building-unit-room (several at once are fine), e.g. /addunit BX 3-1-502 3-1-503
admin-unit-added = ✅ { $label } added
admin-unit-invalid = not understood: write building-unit-room, e.g. 3-1-502
admin-next-ownercode = Owner codes: /ownercode { $code } 3-1-502
admin-properties-title = 🏢 Properties
admin-units-title = 🏠 Homes of { $name } ({ $count })
admin-no-units = Property { $code } has no homes yet. Add them with /addunit or upload a CSV.
admin-units-hint = To import many: send a CSV file (building,unit,room per line) with the caption "/import CODE".
admin-col-code = Code
admin-col-name = Name
admin-col-units = Homes
admin-col-unit = Home
admin-col-owners = Linked
admin-col-id = Id
admin-col-roles = Roles
admin-col-homes = Homes
admin-col-reach = Reachable
admin-import-usage = Please send a CSV file (building,unit,room per line) with the caption "/import CODE", e.g. /import BX
admin-import-too-big = The file is too big (at most 1 MB / 20,000 lines); please split it.
admin-import-started = ⏳ Importing { $name } …
admin-import-download-failed = Sorry, the file could not be downloaded; please send it again.
admin-import-done = ✅ { $name }: { $added } homes added, { $existing } already there, { $problems } lines with problems.
admin-import-problem = Line { $line } "{ $text }": { $reason ->
    [columns] needs 3 columns (building,unit,room)
   *[invalid] has characters that are not allowed
}
admin-no-unit = Property { $code } has no home { $label }. See /units { $code }.
admin-ownercode-usage = Usage: /ownercode CODE building-unit-room, e.g. /ownercode BX 3-1-502
admin-ownercode-issued =
    🔑 Owner code for { $property } { $unit }: { $code }
    Link: { $link }
    Valid until { $expires }, for one use. Give the link or the code to the owner (they can also send "/join { $code }").
admin-invite-usage = Usage: /invite CODE role [skills]. Roles: { $roles }. Skills (technicians, comma-separated): { $skills }. E.g. /invite BX technician water,electricity
admin-invite-issued =
    📨 Staff invite for { $property }: { role-label }{ $skills ->
        [none] {""}
        [all] {" "}(every kind of job)
       *[other] {" "}(skills: { $skills })
    }
    Link: { $link }
    Code: { $code }, valid until { $expires }, for one use.
admin-no-people = Nobody yet.
admin-people-title = 👥 People ({ $count })
admin-revoke-usage = To revoke a role: /revoke ID role [CODE], e.g. /revoke 12 technician BX
admin-revoke-none = This person does not hold that role (or it was already revoked).
admin-revoked = ✅ Role { $role } of person { $id } revoked ({ $count }).
cmd-units = Properties and homes (admin)
cmd-people = People (admin)
cmd-ownercode = Owner code for a home
cmd-invite = Staff invite (admin)
cmd-settings = A property's time limits (admin)
admin-settings-title = ⏱ Time limits of { $name }
admin-settings-usage = To change one: /settings { $code } name value, e.g. /settings { $code } callbackDelayMin 90; holidays: /settings { $code } holidays 2026-10-01,2026-10-02 (- clears them)
admin-setting-invalid = The value for "{ $key }" is not valid, or breaks the service standard (dispatch within 5 minutes, callback within 24 hours). Settings: { $keys }
admin-setting-changed = ✅ { $code }: { $key } changed from { $old } to { $value }.
setting-timezone = time zone
setting-officeStart = office opens
setting-officeEnd = office closes
setting-closeOutAt = daily close-out at
setting-callbackDelayMin = callback after completion (min)
setting-callbackReminderMin = callback reminder after (min)
setting-phoneCallbackAfterMin = phone callback after completion (min)
setting-dispatchTimeoutMin = escalate unaccepted job after (min)
setting-emergencyDispatchMin = escalate unaccepted emergency after (min)
setting-workdays = extra working days
setting-officialCalendar = official calendar (auto by zone / cn / none)
setting-holidays = holidays
admin-role-line = { role-label }{ $property ->
    [all] {" "}(all properties)
   *[other] {" "}at { $property }
}{ $skills ->
    [none] {""}
   *[other] {" "}({ $skills })
}
