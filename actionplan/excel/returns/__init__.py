"""Update returns: one workbook per lead holding only their actions, for them to fill in and
send back (writer), and reading a return back: who sent it, for which plan and what each
row now says (reader)."""
