"""Tables for reminders (filled in by that capability)."""
