"""A minimal FastAPI ExApp for the ExApp runtime benchmark (ExAppLoad), the Python side of the comparison.

It does what an nc_py_api ExApp does for each request: GET /heartbeat is answered without authentication; every
other request must carry EX-APP-ID equal to APP_ID, an EX-APP-VERSION, and AUTHORIZATION-APP-API = base64 of
"user:secret", split at the first colon, the secret compared with APP_SECRET. The check runs as a plain ASGI
middleware (no BaseHTTPMiddleware task per request). Run it as nc_py_api runs an ExApp, one uvicorn process:

    cd benchmarks/src/main/python
    APP_ID=... APP_SECRET=... /usr/bin/python3 -m uvicorn exapp_fastapi:app --port 23000 --no-access-log
"""

import base64
import binascii
import hmac
import os

from fastapi import FastAPI
from fastapi.responses import JSONResponse

APP_ID = os.environ["APP_ID"]
APP_SECRET = os.environ["APP_SECRET"].encode()


class AppAPIAuth:
    """Refuses with 401 every request but GET /heartbeat that does not carry AppAPI's headers."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] != "/heartbeat":
            error = self.check(scope)
            if error:
                await JSONResponse({"error": error}, status_code=401)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    def check(scope):
        headers = {}
        for name, value in scope["headers"]:
            headers[name.lower()] = value
        if headers.get(b"ex-app-id", b"").decode() != APP_ID:
            return "EX-APP-ID"
        if not headers.get(b"ex-app-version"):
            return "EX-APP-VERSION"
        try:
            decoded = base64.b64decode(headers.get(b"authorization-app-api", b""), validate=True)
        except (binascii.Error, ValueError):
            return "AUTHORIZATION-APP-API"
        user, colon, secret = decoded.partition(b":")
        if not colon or not hmac.compare_digest(secret, APP_SECRET):
            return "AUTHORIZATION-APP-API"
        scope.setdefault("state", {})["user"] = user.decode()
        return None


app = FastAPI()
app.add_middleware(AppAPIAuth)


@app.get("/heartbeat")
async def heartbeat():
    return {"status": "ok"}


@app.get("/")
async def root():
    return {"status": "ok"}
