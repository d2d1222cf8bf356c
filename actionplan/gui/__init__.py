"""The desktop window: Qt widgets and item models that talk only to services."""
