"""PDF reports: the board pack (executive summary), drawn with reportlab from plain values."""
