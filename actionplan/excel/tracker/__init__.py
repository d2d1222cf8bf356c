"""The app's own tracker workbook, written and read back. The writer builds the Summary,
Actions, Measures, Updates and Priorities sheets (writer, sheets, book) in a shared look
(style, fast_cells) from what the domain rules work out about each action (facts); the
schema names every column both ways, so the own_export modules can read an export back into
exactly the plan it was written from."""
