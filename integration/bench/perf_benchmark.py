#!/usr/bin/env python3
"""Performance benchmark (issue 13): SchemaSync against the engine's own tools, side by side.

Generates a schema of N tables, each with 20 columns, 3 secondary indexes, 1 foreign key and
1 check, and times as whole processes (median of --runs after one warm-up):
  - no-op `plan` with the desired schema as the engine's own .sql, and as YAML (from `inspect`)
  - `inspect --format json`
  - `apply` of the .sql into an empty database
against the engine's dump (`sqlite3 .schema`, `pg_dump --schema-only`, `mariadb-dump --no-data`)
and the native client loading the same .sql into an empty database. Prints seconds, ratios and
the peak RSS of each SchemaSync process. When SQLAlchemy (and a driver) is importable, its
reflection of the same database is timed as the peer users would pick instead.

Server engines run when SCHEMASYNC_POSTGRES_URL / SCHEMASYNC_MARIADB_URL are set.

Usage: python3 integration/bench/perf_benchmark.py [--tables 1000] [--runs 3] [--binary PATH]
       [--engines sqlite,postgresql,mariadb]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from inspect_benchmark import scale_arguments, url_with_database  # noqa: E402


def ddl(n, engine):
    """The generated schema: n tables of 20 columns, 3 secondary indexes, 1 foreign key, 1 check."""
    text = {"sqlite": "TEXT", "postgresql": "text", "mariadb": "TEXT"}[engine]
    ts = {"sqlite": "TEXT", "postgresql": "timestamp", "mariadb": "DATETIME"}[engine]
    now = {"sqlite": "CURRENT_TIMESTAMP", "postgresql": "CURRENT_TIMESTAMP", "mariadb": "CURRENT_TIMESTAMP"}[engine]
    out = []
    for i in range(n):
        parent = max(0, i - 1)
        cols = [
            "id BIGINT NOT NULL PRIMARY KEY",
            f"parent_id BIGINT REFERENCES t{parent}(id)" if i else "parent_id BIGINT",
            "name VARCHAR(80) NOT NULL DEFAULT ''",
            "code VARCHAR(20) NOT NULL",
            "qty INTEGER NOT NULL DEFAULT 0",
            "price DECIMAL(12,2)",
            "ratio DOUBLE PRECISION" if engine != "mariadb" else "ratio DOUBLE",
            "active BOOLEAN NOT NULL DEFAULT TRUE" if engine != "sqlite" else "active INTEGER NOT NULL DEFAULT 1",
            f"notes {text}",
            f"created_at {ts} NOT NULL DEFAULT {now}",
            f"updated_at {ts}",
            "status VARCHAR(16) NOT NULL DEFAULT 'new'",
            "email VARCHAR(120)",
            "score SMALLINT",
            "weight REAL" if engine != "mariadb" else "weight FLOAT",
            "external_ref VARCHAR(64)",
            "flags INTEGER NOT NULL DEFAULT 0",
            "category VARCHAR(32)",
            f"payload {text}",
            "version INTEGER NOT NULL DEFAULT 1",
        ]
        out.append(f"CREATE TABLE t{i} (\n  " + ",\n  ".join(cols) + ",\n  CHECK (qty >= 0)\n)")
        out.append(f"CREATE INDEX t{i}_name ON t{i} (name)")
        out.append(f"CREATE UNIQUE INDEX t{i}_code ON t{i} (code)")
        out.append(f"CREATE INDEX t{i}_status_created ON t{i} (status, created_at)")
    return ";\n".join(out) + ";\n"


def run(command, env=None, stdin=None):
    """Runs command; returns its wall-clock seconds (exit 0 or 2, plan's "changes pending", accepted)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, err = proc.communicate(stdin.encode() if stdin is not None else None)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"{command[0]} {' '.join(command[1:3])} exited {proc.returncode}: {err.decode()[-800:]}")
    return elapsed


def measured(command, runs, env=None, stdin=None):
    """Median seconds of runs after one warm-up."""
    times = [run(command, env, stdin) for _ in range(runs + 1)][1:]
    return statistics.median(times)


def peak_rss(command, env=None):
    """Peak RSS (MiB) of one run, read by GNU time when present."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not gnu_time:
        return float("nan")
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        subprocess.run([gnu_time, "-f", "%M", "-o", out.name, *command], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        try:
            return int(open(out.name).read().strip().splitlines()[-1]) / 1024
        except (ValueError, IndexError):
            return float("nan")


class Row:
    def __init__(self, engine, n):
        self.engine, self.n, self.lines = engine, n, []

    def add(self, label, ours, theirs=None, tool="", rss=None):
        ratio = f"= {ours / theirs:5.2f}x {tool} ({theirs:6.2f} s)" if theirs else ""
        memory = f"  peak {rss:5.1f} MiB" if rss is not None else ""
        line = f"{self.engine:<10} {self.n:>5} tables  {label:<26} {ours:7.2f} s {ratio}{memory}"
        print(line, flush=True)


def bench(engine, n, runs, binary, sql, fresh_target, dump, native_load, reflect=None):
    """fresh_target() -> URL of a new empty database; dump(url) / native_load(url) -> command + stdin."""
    row = Row(engine, n)
    with tempfile.TemporaryDirectory() as d:
        sql_path = os.path.join(d, "schema.sql")
        with open(sql_path, "w") as f:
            f.write(sql)
        # The source: loaded by the native client, timed as the baseline for apply.
        load_times = []
        for i in range(runs + 1):
            target = fresh_target()
            command, stdin = native_load(target)
            t = run(command, stdin=stdin)
            if i:
                load_times.append(t)
        native = statistics.median(load_times)
        row.add("native client load", native)
        applied = target
        command, stdin = dump(applied)
        dump_time = measured(command, runs, stdin=stdin)
        row.add("engine dump", dump_time)
        yaml_path = os.path.join(d, "schema.yaml")
        with open(yaml_path, "w") as f:
            f.write(subprocess.run([binary, "inspect", "--format", "yaml", "--url", applied], check=True,
                                   capture_output=True, text=True).stdout)

        inspect = [binary, "inspect", "--format", "json", "--url", applied]
        t = measured(inspect, runs)
        row.add("inspect", t, dump_time, "dump", peak_rss(inspect))
        plan_yaml = [binary, "plan", "--url", applied, "--schema", yaml_path, "--exit-code"]
        # Cold: no definition cache (a first run, a fresh CI machine); repeated: the warm-up run
        # fills the cache and the timed runs read it.
        cold = {**os.environ, "SCHEMASYNC_CACHE": "off"}
        t = measured(plan_yaml, runs, env=cold)
        row.add("no-op plan (YAML)", t, dump_time, "dump", peak_rss(plan_yaml, env=cold))
        warm = {**os.environ, "SCHEMASYNC_CACHE": os.path.join(d, "cache")}
        t = measured(plan_yaml, runs, env=warm)
        row.add("no-op plan (YAML, repeated)", t, dump_time, "dump", peak_rss(plan_yaml, env=warm))
        plan_sql = [binary, "plan", "--url", applied, "--schema", sql_path, "--exit-code"]
        t = measured(plan_sql, runs)
        row.add("no-op plan (.sql)", t, dump_time, "dump", peak_rss(plan_sql))
        row.add("  vs load + dump", t, native + dump_time, "load+dump")

        apply_times = []
        rss = None
        for i in range(runs + 1):
            target = fresh_target()
            command = [binary, "apply", "--url", target, "--schema", sql_path]
            if i == 0:
                rss = peak_rss(command)
                continue
            apply_times.append(run(command))
        row.add("apply from empty (.sql)", statistics.median(apply_times), native, "native load", rss)
        if reflect:
            t = reflect(applied, runs)
            if t is not None:
                row.add("SQLAlchemy reflection", t)


def sqlalchemy_reflection(url, runs):
    """Median seconds of `MetaData.reflect` in a fresh interpreter, or None when not installed."""
    script = ("import sys, sqlalchemy as sa; e = sa.create_engine(sys.argv[1]); "
              "m = sa.MetaData(); m.reflect(bind=e)")
    probe = subprocess.run([sys.executable, "-c", "import sqlalchemy"], capture_output=True)
    if probe.returncode:
        print("  (SQLAlchemy not installed: pip install sqlalchemy psycopg2-binary pymysql to time it)")
        return None
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", script, url], capture_output=True)
        if done.returncode:
            print(f"  (SQLAlchemy reflection failed: {done.stderr.decode()[-300:]})")
            return None
        if i:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    args, binary, engines = scale_arguments()
    for n in [int(x) for x in args.tables.split(",")]:
        if "sqlite" in engines:
            bench_sqlite(binary, n, args.runs)
        pg = os.environ.get("SCHEMASYNC_POSTGRES_URL")
        if "postgresql" in engines and pg:
            bench_postgresql(binary, n, args.runs, pg)
        maria = os.environ.get("SCHEMASYNC_MARIADB_URL")
        if "mariadb" in engines and maria:
            bench_mariadb(binary, n, args.runs, maria)


def bench_sqlite(binary, n, runs):
    d = tempfile.mkdtemp()
    counter = [0]

    def fresh():
        counter[0] += 1
        path = os.path.join(d, f"db{counter[0]}.db")
        return "sqlite:" + path

    def path_of(url):
        return url[len("sqlite:"):]

    def reflect(url, r):
        return sqlalchemy_reflection("sqlite:///" + path_of(url), r)

    bench("sqlite", n, runs, binary, ddl(n, "sqlite"), fresh,
          lambda url: (["sqlite3", path_of(url), ".schema"], None),
          lambda url: (["sqlite3", path_of(url)], "BEGIN;\n" + ddl(n, "sqlite") + "COMMIT;\n"), reflect)
    shutil.rmtree(d)


def bench_postgresql(binary, n, runs, pg):
    name = "schemasync_perf"

    def psql(sql, db="postgres"):
        subprocess.run(["psql", url_with_database(pg, db), "-q", "-v", "ON_ERROR_STOP=1"], input=sql,
                       text=True, check=True, stdout=subprocess.DEVNULL)

    def fresh():
        psql(f"DROP DATABASE IF EXISTS {name};\nCREATE DATABASE {name};\n")
        return url_with_database(pg, name)

    def reflect(url, r):
        return sqlalchemy_reflection(url.replace("postgres://", "postgresql+psycopg2://", 1), r)

    sql = ddl(n, "postgresql")
    bench("postgresql", n, runs, binary, sql, fresh,
          lambda url: (["pg_dump", "--schema-only", url], None),
          lambda url: (["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-1"], sql), reflect)
    psql(f"DROP DATABASE IF EXISTS {name};\n")


def bench_mariadb(binary, n, runs, maria):
    name = "schemasync_perf"
    parts = urllib.parse.urlsplit(maria)
    base = ["-h", parts.hostname or "127.0.0.1", "-P", str(parts.port or 3306), "-u", parts.username or "root"]
    os.environ["MYSQL_PWD"] = urllib.parse.unquote(parts.password or "")

    def mariadb(sql):
        subprocess.run(["mariadb", *base], input=sql, text=True, check=True)

    def fresh():
        mariadb(f"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name};\n")
        return url_with_database(maria, name)

    def reflect(url, r):
        return sqlalchemy_reflection(url.replace("mariadb://", "mysql+pymysql://", 1), r)

    sql = ddl(n, "mariadb")
    bench("mariadb", n, runs, binary, sql, fresh,
          lambda url: (["mariadb-dump", *base, "--no-data", name], None),
          lambda url: (["mariadb", *base, name], sql), reflect)
    mariadb(f"DROP DATABASE IF EXISTS {name};\n")


if __name__ == "__main__":
    sys.exit(main())
