"""Printed documents: delivery slips as PDF."""
