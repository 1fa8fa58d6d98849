### Generated from zh-CN/complaint-words.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## /tocomplaint: which ratings become a complaint, and its text when the owner left no words

tocomplaint-not-low = 只有「不滿意」「很不滿意」（1-2 分）的評價，或電話回訪中業主提出的投訴，才能轉為投訴。
tocomplaint-no-words = 業主回訪評價為不滿意，未留言。

## /complain: a ticket in the picker; params place, category, date (MM-DD), short (the number's last digits)
complain-ticket-choice = { $place } · { category-label } · { $date }（{ $short }）
