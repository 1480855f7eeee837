"""The reviewer's workbench: a local web app over a pulled batch, served on 127.0.0.1.

It reads only the pulled batch folder and writes only a draft file next to it (redacted
text only) and, on submit, through the reviewer client. Imported only by ``cli``.
"""
