"""Domain data shipped with aiplanner (read through :mod:`aiplanner.catalog`)."""
