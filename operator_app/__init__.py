"""operator-app: padanan data guru ASN antara Dapodik dan SIASN, sepenuhnya offline."""

__version__ = "0.1.0"
APP_NAME = "operator-app"
