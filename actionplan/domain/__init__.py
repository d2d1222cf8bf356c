"""The plan's tables and the pure rules about them (RAG, status, timescales, measures). No I/O."""
