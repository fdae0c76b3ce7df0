"""The server's revision of each pulled product, sent back as ``base_rev`` with a local
edit so the server can tell an edit of the current version from one of an older version.
NULL for a product the server has not sent (made at this till)."""

SQL = """
ALTER TABLE products ADD COLUMN server_rev INTEGER;
"""
