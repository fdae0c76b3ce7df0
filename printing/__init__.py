"""Receipts: a layout made from a sale, its ESC/POS bytes, and the print queue."""
