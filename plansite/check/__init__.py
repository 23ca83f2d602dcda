"""Checking the data: turning every problem into `file:line: what is wrong, and the fix`."""
