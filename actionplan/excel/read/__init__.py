"""Reading a partnership's own workbook or CSV into a plan. The reader finds each sheet's
header row and what its columns mean (headers, synonyms, column_mapping), decides what each
sheet is (sheet_roles), walks the action sheets row by row (action_sheet, action_cells,
cell_values, cell_updates), gathers priorities, executive champions, narratives and
indicators into one plan (plan_builder, champions, narratives, indicators, plan_title), and
reports everything it found or left out for the import preview (import_report,
sheet_sample, unused_columns). RAG from fill colours is applied here too (rag_fills)."""
