"""The central server: gathers every till's facts, hands the shop's catalog back.

Importing this package is cheap; the web framework and database drivers are imported by the
modules that need them.
"""
