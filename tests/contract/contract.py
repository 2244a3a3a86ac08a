"""The contract layer: schemathesis against a fresh reference backend.

Starts the release backend (in-memory database, a free port, no test hooks), signs in
as the demo admin (a session token and the organisation's API key), and runs every
schemathesis phase (examples, coverage, fuzzing, stateful) against
`/api/openapi.json` with a fixed seed and a time budget. schemathesis.toml beside this
file holds the credentials and, each with its reason, what bintu's design answers that
the document cannot foresee. Exits with schemathesis' status: any failure fails the
layer.

    python contract.py BACKEND_BIN DIST_DIR REPORT_DIR

Run by `cargo xtask test contract` with the virtual environment xtask installs.
"""

import collections
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

# A fixed seed: the same requests every run, so a failure reproduces.
SEED = "20261203"
# The whole run's time budget in seconds (fuzzing and stateful stop when it is used):
# the layer stays under 5 minutes on two cores.
MAX_TIME = "150"
# Requests per second, well within what two cores answer (the hashing queue must not
# shed the logins).
RATE = "100/s"
# Failed logins from the run's one address before the throttle locks them: the run
# makes a few hundred, which must reach the login logic, not the throttle (tested on
# its own in crates/backend/tests/login_limits.rs).
FREE_LOGIN_FAILURES = "100000"


def main() -> int:
    backend, dist, report_dir = sys.argv[1:4]
    server = subprocess.Popen(
        [
            backend, "--db", ":memory:", "--port", "0", "--dist", dist,
            "--free-login-failures-per-address", FREE_LOGIN_FAILURES,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Warnings and errors only: a line per request is noise here.
        env={**os.environ, "RUST_LOG": "warn", "NO_COLOR": "1"},
    )
    try:
        base = wait_for_address(server)
        # Keep reading what the backend writes (a full pipe would stall it); its last
        # lines are printed if the run fails.
        tail = collections.deque(maxlen=200)
        threading.Thread(target=lambda: tail.extend(server.stdout), daemon=True).start()
        login = admin_login(base)
        env = {**os.environ, "BINTU_API_KEY": login["apiKey"], "BINTU_TOKEN": login["token"]}
        here = os.path.dirname(os.path.abspath(__file__))
        args = [
            # The one beside this interpreter (the layer's virtual environment).
            os.path.join(os.path.dirname(sys.executable), "schemathesis"),
            "--config-file", os.path.join(here, "schemathesis.toml"),
            "run", f"{base}/api/openapi.json",
            "--url", f"{base}/api",
            "--phases", "examples,coverage,fuzzing,stateful",
            "--checks", "all",
            "--seed", SEED,
            "--max-time", MAX_TIME,
            "--rate-limit", RATE,
            # One worker: the seed then fixes the order of the requests too, so a
            # slower machine runs a prefix of what a faster one ran.
            "--workers", "1",
            "--report", "junit",
            "--report-dir", os.path.abspath(report_dir),
            "--no-color",
        ]
        # Its caches (.hypothesis, .schemathesis) go beside the report, not into the
        # repository.
        os.makedirs(report_dir, exist_ok=True)
        status = subprocess.call(args, env=env, cwd=report_dir)
        if status != 0 and tail:
            print("the backend's last lines:\n" + "".join(tail))
        return status
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


def wait_for_address(server: subprocess.Popen) -> str:
    """The `console: http://127.0.0.1:N/` line the backend prints when it listens."""
    deadline = time.monotonic() + 30
    seen = []
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        seen.append(line)
        m = re.search(r"console:\s+(http://[^\s/]+)", line)
        if m:
            return m.group(1)
    raise SystemExit("the backend printed no address:\n" + "".join(seen))


def admin_login(base: str) -> dict:
    """The demo admin's session token and the organisation's API key."""
    body = json.dumps({"email": "admin@demo.local", "password": "demo-password"}).encode()
    request = urllib.request.Request(
        f"{base}/api/user/validate",
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


if __name__ == "__main__":
    sys.exit(main())
