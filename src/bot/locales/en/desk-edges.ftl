# The desk at the edges of its tools (issue 22): names of flows ended by a newer one
flow-name-paid-quote = paid-work quote
flow-name-paid-quote-reject = reason for returning a quote
flow-name-complain = filing a complaint
flow-name-complaint-desk = classifying and assigning a complaint
flow-name-complaint-result = recording a complaint's result
# /find is the office's (desk, supervisors, control room)
find-office-only = Sorry, finding tickets is for the desk, supervisors and the control room.
