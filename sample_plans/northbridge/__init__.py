"""The builders of the Northbridge sample workbooks: one module per workbook, laying out the
plans' words from ``sample_plans/data/`` with the cells, sheets and saving they share
(``workbook``)."""
