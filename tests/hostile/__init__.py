"""Hostile input: files and texts built to hang, crash, fool or silence the gate, each with the outcome owed."""
