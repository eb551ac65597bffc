"""Answers capability: the Slack-free flow (service), Block Kit builders (blocks) and ids."""
