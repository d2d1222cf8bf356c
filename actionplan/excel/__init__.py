"""Reading and writing workbooks (openpyxl, python-calamine). Knows the domain, not the database."""
