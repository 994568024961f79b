"""Rule kinds: each module's ``check(table, rule)`` yields Hits; codes and messages come from TOML."""
