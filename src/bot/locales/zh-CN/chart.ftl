## The report's chart: axis titles

chart-axis-days = 日期
chart-axis-count = 工单数（张）
chart-axis-rate = 满意率（%）
