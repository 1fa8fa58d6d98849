## /export: the CSV's words for the codes it holds (category and priority use category-label, priority-label)

export-col-priority = Priority
export-col-deadline = Completion deadline
export-col-complaints = Complaints
export-yes-no = { $value ->
    [yes] yes
   *[no] no
}
export-channel = { $channel ->
    [chat] owner in the bot
    [phone] phone
    [counter] at the desk
    [patrol] patrol
   *[other] { $channel }
}
export-status = { $status ->
    [open] waiting for a technician
    [accepted] accepted
    [arrived] on site
    [postponed] to be continued
    [completed] awaiting the owner's confirmation
    [closed] done
    [cancelled] cancelled
    [linked] joined to the same report
    [declined] quote declined by the owner
   *[other] { $status }
}
export-callback = { $channel ->
    [bot] rated by the owner in the bot
    [phone] phone callback
   *[other] { $channel }
}
