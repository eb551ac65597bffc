"""Scheduled reminders: meeting series, one-offs, and case-review/escalation deadlines, all sent by one engine."""
