"""Tables for case reviews (filled in by that capability)."""
