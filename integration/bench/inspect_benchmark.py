#!/usr/bin/env python3
"""Catalog inspection benchmark: `schemasync inspect --format json` against the engine's own schema dump.

Builds databases with N tables (each with a primary key, a foreign key, an index and a check),
times `schemasync inspect --format yaml` and the engine's tool (`sqlite3 .schema`,
`pg_dump --schema-only`, `mariadb-dump --no-data`) as whole commands, and prints medians and
the ratio schemasync / engine tool. Server engines run when SCHEMASYNC_POSTGRES_URL /
SCHEMASYNC_MARIADB_URL are set.

Usage: python3 integration/bench/inspect_benchmark.py [--tables 10,1000] [--runs 5]
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "schemasync"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "schemasync")


def scale_arguments():
    """The options the 1,000-table benchmarks share: returns (args, schemasync binary, engines)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", default="1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", help="a prebuilt release schemasync (default: build one)")
    parser.add_argument("--engines", default="sqlite,postgresql,mariadb")
    args = parser.parse_args()
    return args, args.binary or build(), args.engines.split(",")


def ddl(n, dialect):
    statements = []
    for i in range(n):
        ref = "" if i == 0 else f", ref BIGINT REFERENCES t0(id)"
        statements.append(f"CREATE TABLE t{i} (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT 'x'{ref}, "
                          f"qty INTEGER CHECK (qty >= 0))")
        statements.append(f"CREATE INDEX t{i}_name ON t{i} (name)")
    return statements


def median_seconds(command, runs, env=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(engine, n, ours, theirs, tool):
    print(f"{engine:<10} {n:>6} tables   schemasync inspect {ours * 1000:8.1f} ms   "
          f"{tool} {theirs * 1000:8.1f} ms   ratio {ours / theirs:5.2f}x")


def sqlite_source(path, n):
    """Creates the generated schema of n tables in a new SQLite file at path; returns path."""
    db = sqlite3.connect(path)
    for s in ddl(n, "sqlite"):
        db.execute(s)
    db.commit()
    db.close()
    return path


def bench_sqlite(binary, sizes, runs):
    if not shutil.which("sqlite3"):
        print("sqlite3 shell not installed (apt-get install sqlite3); skipping SQLite")
        return
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            path = sqlite_source(os.path.join(d, "bench.db"), n)
            ours = median_seconds([binary, "inspect", "--format", "json", "--url", "sqlite:" + path], runs)
            theirs = median_seconds(["sqlite3", path, ".schema"], runs)
            report("sqlite", n, ours, theirs, "sqlite3 .schema")


def bench_server(binary, sizes, runs, engine, url, create, drop, tool_command):
    for n in sizes:
        name = f"schemasync_bench_{n}"
        create(name, n)
        try:
            target = url_with_database(url, name)
            ours = median_seconds([binary, "inspect", "--format", "json", "--url", target], runs)
            theirs = median_seconds(tool_command(name), runs)
            report(engine, n, ours, theirs, tool_command(name)[0])
        finally:
            drop(name)


def url_with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", default="10,1000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(x) for x in args.tables.split(",")]
    binary = build()
    bench_sqlite(binary, sizes, args.runs)

    pg = os.environ.get("SCHEMASYNC_POSTGRES_URL")
    if pg and shutil.which("psql"):
        def psql(sql, db="postgres"):
            subprocess.run(["psql", url_with_database(pg, db), "-q", "-v", "ON_ERROR_STOP=1"], input=sql + ";\n",
                           text=True, check=True, stdout=subprocess.DEVNULL)
        def create(name, n):
            psql(f"DROP DATABASE IF EXISTS {name}")
            psql(f"CREATE DATABASE {name}")
            psql("; ".join(ddl(n, "postgresql")), db=name)
        bench_server(binary, sizes, args.runs, "postgresql", pg, create,
                     lambda name: psql(f"DROP DATABASE IF EXISTS {name}"),
                     lambda name: ["pg_dump", "--schema-only", url_with_database(pg, name)])
    maria = os.environ.get("SCHEMASYNC_MARIADB_URL")
    if maria and shutil.which("mariadb"):
        parts = urllib.parse.urlsplit(maria)
        base = ["-h", parts.hostname or "127.0.0.1", "-P", str(parts.port or 3306), "-u", parts.username or "root"]
        env = dict(os.environ, MYSQL_PWD=urllib.parse.unquote(parts.password or ""))
        def mariadb(sql, db=None):
            subprocess.run(["mariadb", *base, *([db] if db else [])], input=sql + ";\n", text=True, check=True, env=env)
        def create(name, n):
            mariadb(f"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}")
            mariadb("; ".join(ddl(n, "mariadb")), db=name)
        def tool(name):
            return ["mariadb-dump", *base, "--no-data", name]
        for n in sizes:
            name = f"schemasync_bench_{n}"
            create(name, n)
            try:
                ours = median_seconds([binary, "inspect", "--format", "json", "--url", url_with_database(maria, name)], args.runs)
                theirs = median_seconds(tool(name), args.runs, env=env)
                report("mariadb", n, ours, theirs, "mariadb-dump")
            finally:
                mariadb(f"DROP DATABASE IF EXISTS {name}")


if __name__ == "__main__":
    sys.exit(main())
