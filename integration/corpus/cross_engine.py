#!/usr/bin/env python3
"""Cross-engine corpus: every case's `-- desired` SQL is loaded into a fresh source database with
the engine's own client, then copied with `schemasync apply --url TARGET --schema SOURCE-URL
--allow-lossy` onto a fresh database of each other engine. A copy is good when apply exits 0 and
a following `plan --exit-code --allow-lossy` exits 0 (it converged), or when apply refuses it up
front (exit 5) and the target is still empty. Anything else (a failed statement, exit 4) is a
bug and is printed. Usage:

    swift build && python3 integration/corpus/cross_engine.py [sqlite] [postgresql] [mariadb] [-v] [-k NAME]

Uses $SCHEMASYNC_POSTGRES_URL and $SCHEMASYNC_MARIADB_URL and the psql / mariadb clients.
"""
import os, re, sqlite3, subprocess, sys, tempfile, urllib.parse, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("SCHEMASYNC_BINARY") or os.path.join(ROOT, ".build", "debug", "schemasync")
HERE = os.path.dirname(os.path.abspath(__file__))
ENGINES = ["sqlite", "postgresql", "mariadb"]


def desired_sql(path):
    text = open(path).read()
    if re.search(r"^-- expect: refused", text, re.M):
        return None
    m = re.search(r"^-- desired\s*$(.*)", text, re.S | re.M)
    return m.group(1).strip() if m else None


class Server:
    def __init__(self, engine):
        self.engine = engine
        var = "SCHEMASYNC_POSTGRES_URL" if engine == "postgresql" else "SCHEMASYNC_MARIADB_URL"
        url = os.environ.get(var)
        if not url:
            raise SystemExit(f"{var} is not set (integration/start-postgres.sh / start-mariadb.sh)")
        self.url = urllib.parse.urlsplit(url)

    def client(self, database, sql):
        u = self.url
        env = dict(os.environ)
        if self.engine == "postgresql":
            if u.password:
                env["PGPASSWORD"] = urllib.parse.unquote(u.password)
            args = ["psql", "-h", u.hostname, "-p", str(u.port or 5432), "-U", u.username or "postgres",
                    "-d", database, "-qAtX", "-v", "ON_ERROR_STOP=1"]
        else:
            if u.password:
                env["MYSQL_PWD"] = urllib.parse.unquote(u.password)
            args = ["mariadb", "--no-defaults", "--protocol=tcp", "-h", u.hostname, "-P", str(u.port or 3306),
                    "-u", u.username or "root", "-N", "-B", database]
        p = subprocess.run(args, input=sql, capture_output=True, text=True, env=env)
        return p.returncode, (p.stdout + p.stderr).strip()

    def admin_db(self):
        return "postgres" if self.engine == "postgresql" else "mysql"

    def fresh(self):
        name = "ss_x_" + uuid.uuid4().hex[:10]
        self.client(self.admin_db(), f"CREATE DATABASE {name};")
        u = self.url
        netloc = u.netloc
        return name, urllib.parse.urlunsplit((u.scheme, netloc, "/" + name, "", ""))

    def drop(self, name):
        force = " WITH (FORCE)" if self.engine == "postgresql" else ""
        self.client(self.admin_db(), f"DROP DATABASE IF EXISTS {name}{force};")

    def table_count(self, name):
        if self.engine == "postgresql":
            _, out = self.client(name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public';")
        else:
            _, out = self.client(name, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE();")
        return out.strip()


def make(engine, workdir, servers, sql=None):
    """A fresh database of `engine` (loaded with `sql`): (url, cleanup, table_count, load_error)."""
    if engine == "sqlite":
        path = os.path.join(workdir, uuid.uuid4().hex[:8] + ".db")
        open(path, "w").close()
        error = None
        if sql is not None:
            try:
                db = sqlite3.connect(path)
                db.executescript(sql)
                db.close()
            except sqlite3.Error as e:
                error = str(e)

        def count():
            db = sqlite3.connect(path)
            n = db.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchone()[0]
            db.close()
            return str(n)
        return "sqlite:" + path, (lambda: None), count, error
    server = servers[engine]
    name, url = server.fresh()
    error = None
    if sql is not None:
        rc, out = server.client(name, sql + ";\n")
        if rc != 0:
            error = out
    return url, (lambda: server.drop(name)), (lambda: server.table_count(name)), error


def cli(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return p.returncode, (p.stdout + p.stderr).strip()


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    only = args[args.index("-k") + 1] if "-k" in args else None
    sources = [a for a in args if a in ENGINES] or ENGINES
    servers = {e: Server(e) for e in ENGINES if e != "sqlite"}
    tally = {"converged": 0, "refused": 0, "bad": 0, "skipped": 0}
    bad = []
    with tempfile.TemporaryDirectory() as workdir:
        for source in sources:
            folder = os.path.join(HERE, source)
            for case in sorted(os.listdir(folder)):
                if not case.endswith(".sql") or (only and only not in case):
                    continue
                sql = desired_sql(os.path.join(folder, case))
                if not sql:
                    tally["skipped"] += 1
                    continue
                src_url, src_drop, _, load_error = make(source, workdir, servers, sql)
                try:
                    if load_error:
                        tally["skipped"] += 1
                        continue
                    for target in ENGINES:
                        if target == source:
                            continue
                        url, drop, count, _ = make(target, workdir, servers)
                        try:
                            rc, out = cli("apply", "--url", url, "--schema", src_url, "--allow-lossy")
                            label = f"{source}/{case} -> {target}"
                            if rc == 0:
                                rc2, out2 = cli("plan", "--url", url, "--schema", src_url, "--allow-lossy", "--exit-code")
                                if rc2 == 0:
                                    tally["converged"] += 1
                                    if verbose:
                                        print(f"ok        {label}")
                                else:
                                    tally["bad"] += 1
                                    bad.append(f"{label}: re-plan exit {rc2}\n{out2}")
                            elif rc == 5 and count() == "0":
                                tally["refused"] += 1
                                if verbose:
                                    print(f"refused   {label}: {out.splitlines()[-1] if out else ''}")
                            else:
                                tally["bad"] += 1
                                bad.append(f"{label}: apply exit {rc}\n{out}")
                        finally:
                            drop()
                finally:
                    src_drop()
    for entry in bad:
        print("BAD " + entry[:3000] + "\n")
    print(", ".join(f"{k} {v}" for k, v in tally.items()))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
