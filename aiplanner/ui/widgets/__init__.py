"""Small widgets the window's dialogs share: a date field that takes dates as typed, drawn icons."""
