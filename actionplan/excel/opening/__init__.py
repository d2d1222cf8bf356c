"""Opening a file safely before any reader parses it: what it really is, whether it is too
big, damaged, encrypted or hostile (safety), a fast look through its XML (xml_scan) and how
much text it would hold once opened (shared_text). Every reader and the write-back start
here."""
