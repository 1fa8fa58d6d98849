### Generated from zh-CN/submits.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## A submit pressed again, or the same flow submitted again after a lost reply: nothing new is made.
submitted-again = 已提交，編號 { $number }，無需重複提交。
## The job card sent with an accept (queued in the accept's own transaction).
job-card-accepted =
    { offer-accepted }

    { job-card }
