"""Each print job keeps why it has not printed as a code beside the reason's words, so a
screen names the reason in its own language without reading the words."""

SQL = """
ALTER TABLE print_jobs ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
"""
