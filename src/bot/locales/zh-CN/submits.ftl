## A submit pressed again, or the same flow submitted again after a lost reply: nothing new is made.
submitted-again = 已提交，编号 { $number }，无需重复提交。
## The job card sent with an accept (queued in the accept's own transaction).
job-card-accepted =
    { offer-accepted }

    { job-card }
