"""Writing a plan back into the workbook it was imported from, in the partnership's own
layout. The layout stored at import (layout) says where each action's row is; the writer
puts only what changed into those rows, in the workbook's own RAG words and fills (rag_look),
adds a missing RAG, Status or Latest update column styled like its neighbours (columns),
compares with what the original itself says (baseline) and keeps the workbook's own printed
headers and footers (kept_headings)."""
