"""The window's dialogs: each asks for one thing and hands it back."""
