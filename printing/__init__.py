"""Printed documents: receipts (layout, ESC/POS bytes, print queue) and delivery slips (PDF)."""
