#!/usr/bin/env python3
"""Webhook latency (issue 13 part 5): the time from a write's answer to the receiver getting its push.

Starts the Release build on a scratch SQLite file with one subscription to a loopback receiver, optionally
streams a bulk import of non-matching articles beside it, then posts matching articles one at a time and
records, for each, the time from the 201 to the push's arrival. Prints median and p99 (and the same with no
import, as the baseline of the same run).

    python3 bench/webhook-latency.py [--writes 100] [--import-lines 20000]
"""
import argparse, json, os, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DLL = os.path.join(ROOT, "src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll")
KEY = "bench-key"
arrivals = {}

class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.monotonic()
        article = json.loads(body)["data"]["article"]["id"]
        arrivals.setdefault(article, now)
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def call(base, method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"X-Api-Key": KEY, "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"null")

def measure(base, writes, tag):
    latencies = []
    for n in range(writes):
        article = call(base, "POST", "/api/articles", {"headline": f"Harvest report {tag} {n}", "body": f"Region {n} {tag} gathered grain {os.urandom(8).hex()}.", "source": "TASS"})
        answered = time.monotonic()
        deadline = answered + 30
        while article["id"] not in arrivals and time.monotonic() < deadline:
            time.sleep(0.002)
        latencies.append((arrivals.get(article["id"], float("inf")) - answered) * 1000)
        time.sleep(0.05)
    latencies.sort()
    return statistics.median(latencies), latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=100)
    parser.add_argument("--import-lines", type=int, default=20000)
    args = parser.parse_args()
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    work = tempfile.mkdtemp()
    port = free_port()
    env = dict(os.environ, ConnectionStrings__NewsWire=f"Data Source={work}/bench.db", NewsWire__ApiKeys__0=KEY,
               NewsWire__RateLimits__Enabled="false", NewsWire__Webhooks__AllowPrivateNetworks="true", ASPNETCORE_ENVIRONMENT="Production")
    service = subprocess.Popen(["dotnet", DLL, "--urls", f"http://127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/health", timeout=2); break
            except Exception:
                time.sleep(0.1)
        call(base, "POST", "/api/subscriptions", {"q": "harvest", "webhook": {"url": f"http://127.0.0.1:{receiver.server_port}/hook"}})
        idle = measure(base, args.writes, "idle")
        lines = b"".join(json.dumps({"headline": f"Budget debate {n}", "body": f"Deputies discussed item {n} {os.urandom(6).hex()}.", "source": "Reuters"}).encode() + b"\n" for n in range(args.import_lines))
        importing = threading.Thread(target=lambda: call(base, "POST", "/api/articles/import", lines, "application/x-ndjson"))
        importing.start()
        time.sleep(0.5)
        busy = measure(base, args.writes, "import")
        still = importing.is_alive()
        importing.join()
        print(f"webhook latency, write answer -> receiver, {args.writes} writes each (SQLite, loopback receiver, PollIntervalMs 250):")
        print(f"  no import:         median {idle[0]:.0f} ms, p99 {idle[1]:.0f} ms")
        print(f"  import running:    median {busy[0]:.0f} ms, p99 {busy[1]:.0f} ms (import of {args.import_lines:,} lines {'still running at the end' if still else 'ended before the last write'})")
    finally:
        service.kill(); service.wait(); receiver.shutdown()

if __name__ == "__main__":
    sys.exit(main())
