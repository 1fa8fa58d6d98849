### Generated from zh-CN/chart.ftl by `npm run locales:tw`: edit zh-CN or scripts/zh-tw-overrides.json.

## The report's chart: axis titles

chart-axis-days = 日期
chart-axis-count = 工單數（張）
chart-axis-rate = 滿意率（%）
