"""`python -m coffeechat` is the `coffeechat` command."""

from coffeechat.cli import main

main()
