# /help: one section per role, its commands from the table in src/bot/commands.ts
help-head = { $audience ->
    [technician] 🔧 Technician:
    [desk] 🧾 Service desk:
    [supervisor] 🧭 Supervisor (late jobs, low ratings and complaints reach you directly):
    [control_room] 🌙 Control room (emergencies outside office hours reach you directly: make sure someone takes them and gets there):
    [admin] ⚙️ Admin:
    [owner] 🏠 Owner:
   *[everyone] 🌐 Everyone:
}
cmd-newproperty = new property (admins)
cmd-addunit = add homes (admins)
cmd-import = import homes from a CSV (as the file's caption)
cmd-revoke = take a role away (admins)
cmd-start = start / open an invite link
cmd-join = link your home with a code
