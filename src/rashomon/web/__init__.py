"""The local web workbench and JSON API (`rashomon serve`): see `app.create_app`."""
