## /tocomplaint: which ratings become a complaint, and its text when the owner left no words

tocomplaint-not-low =
    Only a rating of 1-2 (dissatisfied, very dissatisfied), or a complaint the owner made on the callback,
    can become a complaint.
tocomplaint-no-words = The owner rated the service as dissatisfied and left no words.

## /complain: a ticket in the picker; params place, category, date (MM-DD), short (the number's last digits)
complain-ticket-choice = { $place } · { category-label } · { $date } ({ $short })
