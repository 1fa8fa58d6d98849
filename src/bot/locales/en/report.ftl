## Figures (/report, /export, the monthly summary, the weekly reconciliation)

cmd-report = service figures (supervisors)
cmd-export = export a month's tickets (supervisors)
report-usage = Usage: /report CODE [day|week|month|YYYY-MM], e.g. /report BX month or /report BX 2026-11 (this month when left out).
report-forbidden = Sorry, only the property's supervisors and admins can read its figures.
report-no-property = There is no property with the code "{ $code }".
report-title = 📊 { $name } ({ $code }) service figures · { $period }
report-col-figure = Figure
report-col-value = Actual
report-col-target = Target
report-fig-reported = Tickets reported
report-fig-completed = Completed
report-fig-satisfaction = Satisfaction
report-fig-callback = Callback rate (per reporter)
report-fig-dispatch = Dispatched in 5 min
report-fig-arrival = Arrived on time
report-fig-completion = Completed on time
report-fig-emergency = Emergencies on time
report-fig-rework = Rework rate
report-fig-complaints = Complaints
report-fig-complaintAnswer = Complaints answered in time
report-fig-validComplaints = Valid complaint rate
report-fig-urges = Urges
report-fig-paid = Paid work (CNY)
report-by-category = By category: { $list }
report-by-channel = By channel: { $list }
report-technicians = 👷 Technicians
report-col-name = Name
report-col-done = Done
report-col-arrival = Arrive (median min)
report-col-ontime = On time
report-col-rating = Rating
report-col-rework = Rework
report-col-complaints = Complaints
report-no-technicians = No jobs went to technicians in this period.
report-footnote =
    ✅ met ❌ missed — no data.
    Satisfaction = ratings 4-5 of all ratings; Callback rate = called back of completed;
    Dispatched in 5 min = accepted within 5 minutes of the report;
    Arrived on time = by the job card's deadline: an emergency within 15 minutes of the report,
    a booked window by its end, others within 30 minutes of acceptance;
    Completed on time = by the completion deadline;
    Emergencies on time = accepted within 5 minutes and arrived on time;
    Rework rate = jobs whose problem was reported again within 30 days;
    Complaints answered in time = within 4 working days (one reopened by a dissatisfied owner is not
    answered until answered again); Valid complaint rate = valid complaints of tickets reported.
report-chart-title = { $name } · { $period }: daily reports, completions and satisfaction
report-chart-reported = Reported
report-chart-completed = Completed
report-chart-satisfaction = Satisfaction
export-usage = Usage: /export CODE month YYYY-MM, e.g. /export BX month 2026-11 (this month when left out).
export-caption = 📄 { $code } { $month }: { $count } tickets (UTF-8, opens in Excel).
export-col-number = Ticket
export-col-place = Place
export-col-category = Category
export-col-emergency = Emergency
export-col-channel = Channel
export-col-status = Status
export-col-reportedAt = Reported
export-col-acceptedAt = Accepted
export-col-arrivedAt = Arrived
export-col-completedAt = Completed
export-col-confirmedAt = Confirmed by owner
export-col-cancelledAt = Cancelled
export-col-technician = Technician
export-col-rating = Rating
export-col-callback = Callback by
export-col-reworkOf = Rework of
export-col-fee = Fee (CNY)

# Monthly summary to supervisors and admins; params name, code, period, one per figure key
report-monthly =
    📊 { $name } ({ $code }) service figures for { $period }
    Tickets reported     { $reported }
    Completed            { $completed }
    Satisfaction         { $satisfaction }
    Callback rate        { $callback }
    Dispatched in 5 min  { $dispatch }
    Arrived on time      { $arrival }
    Completed on time    { $completion }
    Emergencies on time  { $emergency }
    Rework rate          { $rework }
    Complaints           { $complaints }
    Complaints answered  { $complaintAnswer }
    Valid complaints     { $validComplaints }
    Urges                { $urges }
    Paid work (CNY)      { $paid }
    Full report and chart: /report { $code } { $period }
# Weekly reconciliation of unfinished work; params name, date, count, complaints, table
reconciliation-weekly =
    📋 Weekly check of unfinished work · { $name } · { $date }
    Unfinished tickets: { $count }; open complaints: { $complaints }.
    { $table }
    Please check each one and chase those overdue.
