"""The app's screens, one per module: main, article, help, export and confirm dialogs."""
