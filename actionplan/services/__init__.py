"""Use cases both faces call: plans, editing, progress, summary, import, export, report."""
