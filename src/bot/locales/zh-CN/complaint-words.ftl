## /tocomplaint: which ratings become a complaint, and its text when the owner left no words

tocomplaint-not-low = 只有「不满意」「很不满意」（1-2 分）的评价，或电话回访中业主提出的投诉，才能转为投诉。
tocomplaint-no-words = 业主回访评价为不满意，未留言。

## /complain: a ticket in the picker; params place, category, date (MM-DD), short (the number's last digits)
complain-ticket-choice = { $place } · { category-label } · { $date }（{ $short }）
