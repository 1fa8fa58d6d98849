## A submit pressed again, or the same flow submitted again after a lost reply: nothing new is made.
submitted-again = Already submitted, number { $number }; no need to submit again.
## The job card sent with an accept (queued in the accept's own transaction).
job-card-accepted =
    { offer-accepted }

    { job-card }
