# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = paid-work quote
flow-name-paid-quote-reject = reason for returning a quote
flow-name-complain = filing a complaint
flow-name-complaint-desk = classifying and assigning a complaint
flow-name-complaint-result = recording a complaint's result
# /find is the office's (desk, supervisors, control room)
find-office-only = Sorry, finding tickets is for the desk, supervisors and the control room.
# The desk's 催办 from the ticket card; params number, urges, hours
btn-chase = 📣 Chase
chase-ok = ✅ The technician of { $number } was chased (time { $urges }).
chase-too-soon = This ticket was chased within the last { $hours } hours and the technician was reminded; please try again later.
urge-technician-desk = 📣 The desk is chasing { $number } ({ $place }), { $urges } time(s). Please deal with it and tell the desk how it stands.
