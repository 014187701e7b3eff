"""Statistics of the cases (统计分析, issue 14 item 2): figures, the staff page, charts, Excel."""
