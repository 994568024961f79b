"""Reporters turn FileResults into text for people or machines; one small module per format."""
