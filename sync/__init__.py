"""Sync: the till's outbox, the sync client and the central server."""
