"""Reading and writing workbooks (openpyxl, python-calamine). Knows the domain, not the database.

By area: ``opening/`` checks a file before anything reads it, ``read/`` turns a
partnership's workbook into a plan, ``tracker/`` writes the app's own tracker and reads it
back, ``write_back/`` writes changes into the original workbook, ``returns/`` makes and
reads the leads' update returns. Shared by several areas: ``errors`` (the one error a
reader raises), ``cell_safety`` (text into cells, never a formula), ``colours`` and
``fills`` (fill colours read as RAG).
"""
