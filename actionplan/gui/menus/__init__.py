"""The window's commands (QActions) and the menus and toolbar that hold them."""
