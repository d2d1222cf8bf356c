"""The update round in the window: starting one, the round screen, merging what came back."""
