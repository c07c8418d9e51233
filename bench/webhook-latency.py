#!/usr/bin/env python3
"""Webhook latency (issue 13 part 5): the time from a write's answer to the receiver getting its push.

For each build (this checkout's Release build and, with --baseline, another commit built beside it) and each
provider, one after another in the same run (the builds' order turning each round): the service on a fresh
database (a scratch SQLite file, or a fresh PostgreSQL database) with one subscription (q=harvest) to a loopback
receiver; matching articles posted one at a time, each timed from its 201 to the push's arrival; then the same
while an NDJSON import of the bench corpus (bench/NewsWire.Bench generate) streams into the same instance, in
requests of 2,000 lines one after another, from before the first timed write to after the last.
Prints median and p99 per build, provider and phase, and writes them to bench/results/webhook-latency.tsv.

    python3 bench/webhook-latency.py --baseline main                  main against this checkout, SQLite and PostgreSQL
    python3 bench/webhook-latency.py --writes 60 --providers Sqlite --rounds 2

PostgreSQL: NEWSWIRE_BENCH_POSTGRES (default Host=127.0.0.1;Username=newswire;Password=newswire, a role that may
create databases).
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench/results")
API = "src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll"
BENCH = os.path.join(ROOT, "bench/NewsWire.Bench/bin/Release/net10.0/NewsWire.Bench.dll")
PG = os.environ.get("NEWSWIRE_BENCH_POSTGRES", "Host=127.0.0.1;Port=5432;Username=newswire;Password=newswire")
PG_DATABASE = "newswire_bench_webhooks"
KEY = "bench-key"
CHUNK = 2000
arrivals = {}

class Receiver(BaseHTTPRequestHandler):
    # Keep-alive, as a real receiver: the service keeps up to NewsWire:Webhooks:Concurrency (16) attempts in flight.
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.monotonic()
        arrivals.setdefault(json.loads(body)["data"]["article"]["id"], now)
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass

class ReceiverServer(ThreadingHTTPServer):
    # Python's default backlog of 5 refuses the service's concurrent attempts under an import (corpus articles match
    # too), and a refused attempt waits for its retry (5 s, then 5 min): the bench would measure its own receiver.
    request_queue_size = 256
    daemon_threads = True
    def handle_error(self, request, client_address):
        pass  # a service killed between runs resets its kept-alive connections: not the bench's concern

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def call(base, method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"X-Api-Key": KEY, "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=900) as response:
        return json.loads(response.read() or b"null")

def build(args):
    if not args.no_build:
        subprocess.run(["dotnet", "build", "-c", "Release", "src/NewsWire.Api", "--nologo", "-v", "q", "-clp:ErrorsOnly"], cwd=ROOT, check=True)
    builds = [("this", os.path.join(ROOT, API))]
    if args.baseline_dll:
        builds.insert(0, ("baseline", args.baseline_dll))
    elif args.baseline:
        tree = os.path.join(RESULTS, "webhook-baseline-src")
        shutil.rmtree(tree, ignore_errors=True); os.makedirs(tree)
        archive = subprocess.Popen(["git", "archive", args.baseline], cwd=ROOT, stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", tree], stdin=archive.stdout, check=True); archive.wait()
        subprocess.run(["dotnet", "build", "-c", "Release", "src/NewsWire.Api", "--nologo", "-v", "q", "-clp:ErrorsOnly"], cwd=tree, check=True)
        builds.insert(0, (args.baseline, os.path.join(tree, API)))
    return builds

def corpus(args):
    """The first --import-lines lines of the bench corpus, generated once."""
    path = os.path.join(RESULTS, f"webhook-corpus-{args.import_lines}.ndjson")
    if not os.path.exists(path):
        subprocess.run(["dotnet", "build", "-c", "Release", "bench/NewsWire.Bench", "--nologo", "-v", "q", "-clp:ErrorsOnly"], cwd=ROOT, check=True)
        subprocess.run(["dotnet", BENCH, "generate", "--size", str(args.import_lines), "--out", path, "--info", path + ".json"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(path, "rb") as f:
        return f.readlines()

def pg_admin(sql):
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "newswire", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql],
                   env=dict(os.environ, PGPASSWORD="newswire"), check=True, stdout=subprocess.DEVNULL)

def settings(provider, work):
    if provider == "Sqlite":
        return {"ConnectionStrings__NewsWire": f"Data Source={work}/bench.db"}
    pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    pg_admin(f"CREATE DATABASE {PG_DATABASE}")
    return {"NewsWire__Provider": "Postgres", "ConnectionStrings__NewsWire": f"{PG};Database={PG_DATABASE}",
            "NewsWire__Search__IndexPath": f"{work}/index"}

def measure(base, writes, tag, importing=lambda: True):
    """Median and p99 of the writes answered while importing() held (all of them without an import), and their count."""
    latencies = []
    for n in range(writes):
        counted = importing()
        if not counted:
            break  # the corpus ran out: later writes would not be timed under an import
        article = call(base, "POST", "/api/articles", {"headline": f"Harvest report {tag} {n}", "body": f"Region {n} {tag} gathered grain {os.urandom(8).hex()}.", "source": "TASS"})
        answered = time.monotonic()
        deadline = answered + 60
        while article["id"] not in arrivals and time.monotonic() < deadline:
            time.sleep(0.002)
        if counted and importing():
            latencies.append((arrivals.get(article["id"], float("inf")) - answered) * 1000)
        if article["id"] not in arrivals:
            # Never arrived: say what the service made of it (its delivery, if any, and whether it is a hidden duplicate).
            deliveries = [d for d in call(base, "GET", "/api/subscriptions/1/deliveries?limit=100")["items"] if d.get("article") == article["id"]]
            print(f"  article {article['id']} ({tag} {n}) not pushed within 60 s: deliveries {deliveries}, article {call(base, 'GET', '/api/articles/' + str(article['id'])).get('duplicateOf')}", file=sys.stderr, flush=True)
        time.sleep(0.05)
    latencies.sort()
    if not latencies:
        return float("nan"), float("nan"), 0
    return statistics.median(latencies), latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], len(latencies)

def run(dll, provider, args, lines, receiver_port):
    arrivals.clear()  # article ids start again in each fresh database
    work = tempfile.mkdtemp(prefix="newswire-webhooks-")
    port = free_port()
    env = dict(os.environ, NewsWire__ApiKeys__0=KEY, NewsWire__RateLimits__Enabled="false",
               NewsWire__Webhooks__AllowPrivateNetworks="true", ASPNETCORE_ENVIRONMENT="Production", **settings(provider, work))
    log = open(os.environ["NEWSWIRE_BENCH_LOG"], "ab") if os.environ.get("NEWSWIRE_BENCH_LOG") else subprocess.DEVNULL  # the service's log, to look into a run
    service = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], env=env, stdout=log, stderr=log, cwd=work)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/health", timeout=2); break
            except Exception:
                time.sleep(0.1)
        call(base, "POST", "/api/subscriptions", {"q": "harvest", "webhook": {"url": f"http://127.0.0.1:{receiver_port}/hook"}})
        idle = measure(base, args.writes, "idle")
        # The import streams in requests of CHUNK lines, one after another, until the timed writes are done (or the
        # corpus runs out, which the output says): the writes are timed with an import running, start to end.
        done = threading.Event()
        ran_out = []
        def import_until_done():
            for start in range(0, len(lines), CHUNK):
                if done.is_set():
                    return
                call(base, "POST", "/api/articles/import", b"".join(lines[start:start + CHUNK]), "application/x-ndjson")
            ran_out.append(True)
        importing = threading.Thread(target=import_until_done)
        importing.start()
        time.sleep(0.5)
        # Only writes answered while the import ran (before and after each one) count: a slow build must not be
        # measured partly after the corpus ran out.
        busy = measure(base, args.writes, "import", importing=lambda: not ran_out)
        if os.environ.get("NEWSWIRE_BENCH_LOG"):
            for d in call(base, "GET", "/api/subscriptions/1/deliveries?limit=100")["items"][:40]:
                print(f"  delivery {d['id']} article {d['article']} created {d['createdAt']} delivered {d.get('deliveredAt')} attempts {d['attempts']} {d.get('lastError')}", file=sys.stderr, flush=True)
        done.set()
        importing.join()
        return idle, busy, not ran_out
    finally:
        service.kill(); service.wait()
        shutil.rmtree(work, ignore_errors=True)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=60)
    parser.add_argument("--import-lines", type=int, default=100000, help="the corpus's size: the import stops when the timed writes end")
    parser.add_argument("--providers", default="Sqlite,Postgres")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline", help="a commit to build beside this checkout and measure in the same run")
    parser.add_argument("--baseline-dll", help="instead of --baseline: a NewsWire.Api.dll already built from the baseline")
    parser.add_argument("--no-build", action="store_true", help="use this checkout's Release build as it is")
    args = parser.parse_args()
    os.makedirs(RESULTS, exist_ok=True)
    builds = build(args)
    lines = corpus(args)
    receiver = ReceiverServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    rows = []
    try:
        for round in range(1, args.rounds + 1):
            for provider in args.providers.split(","):
                for name, dll in (builds if round % 2 else builds[::-1]):
                    idle, busy, still = run(dll, provider, args, lines, receiver.server_port)
                    for phase, (median, p99, count) in (("no import", idle), ("import running", busy)):
                        row = (name, provider, round, phase, count, f"{median:.0f}", f"{p99:.0f}", "" if phase == "no import" else "yes" if still else "corpus ran out")
                        rows.append(row)
                        print("\t".join(map(str, row)), flush=True)
    finally:
        receiver.shutdown()
        if args.baseline:
            shutil.rmtree(os.path.join(RESULTS, "webhook-baseline-src"), ignore_errors=True)
    with open(os.path.join(RESULTS, "webhook-latency.tsv"), "w") as out:
        out.write("build\tprovider\tround\tphase\twrites\tmedian_ms\tp99_ms\timport_still_running_at_end\n")
        out.writelines("\t".join(map(str, row)) + "\n" for row in rows)
    print(f"webhook latency, write answer -> loopback receiver, {args.writes} writes per phase, import of {args.import_lines:,} bench-corpus lines "
          f"(PollIntervalMs 250): bench/results/webhook-latency.tsv")

if __name__ == "__main__":
    sys.exit(main())
