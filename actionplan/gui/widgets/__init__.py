"""Small hand-drawn widgets: RAG chips, charts, the RAG filter button."""
