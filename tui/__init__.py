"""newsdigest's terminal side: the command line, stdout renderers and the Textual app."""
