## The report's chart: axis titles

chart-axis-days = Day
chart-axis-count = Tickets
chart-axis-rate = Satisfaction (%)
