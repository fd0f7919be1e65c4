"""checks layer of aiplanner (see DESIGN.md)."""
