"""What the home page shows besides the network: each app adds its section here."""


def home_sections() -> dict:
    return {}
