"""The pages and panels of the main window: plan view, dashboard, measures."""
