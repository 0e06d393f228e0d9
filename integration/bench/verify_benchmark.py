#!/usr/bin/env python3
"""Verification cost benchmark: what comparing the engine's own definitions adds to `apply`.

For each engine, builds a source database of N tables (primary key, foreign key, index, check),
writes its schema with `schemasync inspect --format yaml`, then times, as whole commands:
  - `apply` of that YAML into an empty database, with the engine-definition comparison (the
    default) and with SCHEMASYNC_VERIFY=model (the model alone), and
  - a no-op `plan` against the applied database, both ways,
and prints medians and the ratio (with / without). Issue 8's budget: at most 1.20x for apply.
Server engines run when SCHEMASYNC_POSTGRES_URL / SCHEMASYNC_MARIADB_URL are set.

Usage: python3 integration/bench/verify_benchmark.py [--tables 1000] [--runs 3] [--binary PATH]
       [--engines sqlite,postgresql,mariadb]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from inspect_benchmark import ddl, scale_arguments, sqlite_source, url_with_database  # noqa: E402


def timed(command, env):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return time.perf_counter() - start


def measure(engine, n, runs, binary, source_url, fresh_target):
    """fresh_target() returns the URL of a new empty database (and drops the previous one)."""
    yaml = subprocess.run([binary, "inspect", "--format", "yaml", "--url", source_url], check=True,
                          capture_output=True, text=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(yaml)
        schema = f.name
    results = {}
    for label, extra in (("engine", {}), ("model", {"SCHEMASYNC_VERIFY": "model"})):
        # The cost of building the comparison's scratch copy, so no definition cache.
        env = dict(os.environ, SCHEMASYNC_CACHE="off", **extra)
        applies, plans = [], []
        for _ in range(runs):
            target = fresh_target()
            applies.append(timed([binary, "apply", "--url", target, "--schema", schema], env))
            plans.append(timed([binary, "plan", "--url", target, "--schema", schema, "--exit-code"], env))
        results[label] = (statistics.median(applies), statistics.median(plans))
    os.unlink(schema)
    (ea, ep), (ma, mp) = results["engine"], results["model"]
    print(f"{engine:<10} {n:>5} tables  apply {ea:7.2f} s vs {ma:7.2f} s model-only = {ea / ma:5.2f}x   "
          f"no-op plan {ep:6.2f} s vs {mp:6.2f} s = {ep / mp:5.2f}x")


def main():
    args, binary, engines = scale_arguments()
    for n in [int(x) for x in args.tables.split(",")]:
        if "sqlite" in engines:
            with tempfile.TemporaryDirectory() as d:
                source = sqlite_source(os.path.join(d, "source.db"), n)
                counter = [0]
                def fresh():
                    counter[0] += 1
                    return "sqlite:" + os.path.join(d, f"target{counter[0]}.db")
                measure("sqlite", n, args.runs, binary, "sqlite:" + source, fresh)

        pg = os.environ.get("SCHEMASYNC_POSTGRES_URL") if "postgresql" in engines else None
        if pg:
            def psql(sql, db="postgres"):
                subprocess.run(["psql", url_with_database(pg, db), "-q", "-v", "ON_ERROR_STOP=1"], input=sql + ";\n",
                               text=True, check=True, stdout=subprocess.DEVNULL)
            psql("DROP DATABASE IF EXISTS schemasync_vbench_src")
            psql("CREATE DATABASE schemasync_vbench_src")
            psql("; ".join(ddl(n, "postgresql")), db="schemasync_vbench_src")
            def fresh_pg():
                psql("DROP DATABASE IF EXISTS schemasync_vbench_dst")
                psql("CREATE DATABASE schemasync_vbench_dst")
                return url_with_database(pg, "schemasync_vbench_dst")
            try:
                measure("postgresql", n, args.runs, binary, url_with_database(pg, "schemasync_vbench_src"), fresh_pg)
            finally:
                psql("DROP DATABASE IF EXISTS schemasync_vbench_src")
                psql("DROP DATABASE IF EXISTS schemasync_vbench_dst")

        maria = os.environ.get("SCHEMASYNC_MARIADB_URL") if "mariadb" in engines else None
        if maria:
            parts = urllib.parse.urlsplit(maria)
            base = ["-h", parts.hostname or "127.0.0.1", "-P", str(parts.port or 3306), "-u", parts.username or "root"]
            env = dict(os.environ, MYSQL_PWD=urllib.parse.unquote(parts.password or ""))
            def mariadb(sql, db=None):
                subprocess.run(["mariadb", *base, *([db] if db else [])], input=sql + ";\n", text=True, check=True, env=env)
            mariadb("DROP DATABASE IF EXISTS schemasync_vbench_src; CREATE DATABASE schemasync_vbench_src")
            mariadb("; ".join(ddl(n, "mariadb")), db="schemasync_vbench_src")
            def fresh_maria():
                mariadb("DROP DATABASE IF EXISTS schemasync_vbench_dst; CREATE DATABASE schemasync_vbench_dst")
                return url_with_database(maria, "schemasync_vbench_dst")
            try:
                measure("mariadb", n, args.runs, binary, url_with_database(maria, "schemasync_vbench_src"), fresh_maria)
            finally:
                mariadb("DROP DATABASE IF EXISTS schemasync_vbench_src; DROP DATABASE IF EXISTS schemasync_vbench_dst")


if __name__ == "__main__":
    sys.exit(main())
