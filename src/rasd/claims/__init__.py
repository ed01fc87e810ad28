"""The cross-document claims ledger: which sources assert or deny the same proposition."""
