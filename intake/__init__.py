"""Where documents come from: the inbox port and its adapters (directory, S3 prefix, memory)."""
