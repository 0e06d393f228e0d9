#!/usr/bin/env python3
"""Corpus runner: applies current -> desired schema pairs with `schemasync apply` and checks
that the result is exactly the desired schema, read back independently of SchemaSync:

- SQLite: pragma rows (table_xinfo, index_list/index_xinfo, foreign_key_list) and object list
  of the target versus a reference database where the desired SQL was run by hand;
- MariaDB: SHOW CREATE TABLE (AUTO_INCREMENT counters removed) and information_schema.VIEWS
  of the target versus a reference database holding the desired SQL run by hand;
- PostgreSQL: `pg_dump --schema-only` of the target versus a reference database holding the
  desired SQL run by hand, column lines sorted (see postgresql_runner.py).

A case is one file, integration/corpus/<engine>/<name>.sql, with a `-- current` and a
`-- desired` section (statements separated by `;` at line ends). Exact means apply exited 0
and the catalogs are equal; a case marked `-- expect: refused` is exact when apply refuses it
(exit 5) and the database is unchanged. Usage:

    swift build && python3 integration/corpus/run.py [sqlite] [postgresql] [mariadb] [-v] [-k NAME]

MariaDB uses $SCHEMASYNC_MARIADB_URL (mariadb://user:pass@host:port/db) and the `mariadb` client;
PostgreSQL uses $SCHEMASYNC_POSTGRES_URL and the `psql` / `pg_dump` clients.
"""
import os, re, sqlite3, subprocess, sys, tempfile, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from postgresql_runner import run_postgresql, run_retrying  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("SCHEMASYNC_BINARY") or os.path.join(ROOT, ".build", "debug", "schemasync")
HERE = os.path.dirname(os.path.abspath(__file__))


def sections(path):
    text = open(path).read()
    m = re.search(r"^-- current\s*$(.*?)^-- desired\s*$(.*)", text, re.S | re.M)
    if not m:
        raise SystemExit(f"{path}: needs '-- current' and '-- desired' sections")
    return m.group(1).strip(), m.group(2).strip()


def apply(url, desired_sql, workdir):
    path = os.path.join(workdir, "desired.sql")
    open(path, "w").write(desired_sql + "\n")
    p = subprocess.run([CLI, "apply", "--url", url, "--schema", path, "--allow-destructive"],
                       capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return p.returncode, (p.stdout + p.stderr).strip()


# --- SQLite -------------------------------------------------------------------------------

def sqlite_catalog(path):
    db = sqlite3.connect(path)
    out = []
    for typ, name, tbl in db.execute("SELECT type, name, tbl_name FROM sqlite_schema "
                                     "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"):
        out.append(f"{typ} {name} on {tbl}")
        if typ == "view":
            out.append("  columns " + str([r[1] for r in db.execute("SELECT * FROM pragma_table_info(?)", (name,))]))
        if typ != "table":
            continue
        for r in db.execute("SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)", (name,)):
            out.append(f"  column {r}")
        idx = []
        for iname, uniq, origin, partial in db.execute("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", (name,)):
            parts = list(db.execute("SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?)", (iname,)))
            label = "autoindex" if iname.startswith("sqlite_autoindex_") else iname
            idx.append(f"  index {label} unique={uniq} origin={origin} partial={partial} {parts}")
        out += sorted(idx)
        # Foreign key ids follow declaration order, which means nothing: compare the keys as a set.
        keys = {}
        for r in db.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,)):
            keys.setdefault(r[0], []).append(r[1:])
        out += sorted(f"  fk {k}" for k in keys.values())
        sql = db.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (name,)).fetchone()[0] or ""
        checks = len(re.findall(r"(?i)\bcheck\s*\(", sql))
        out.append(f"  checks {checks} autoincrement={'autoincrement' in sql.lower()}")
    db.close()
    return out


def run_sqlite(path, verbose):
    current, desired = sections(path)
    with tempfile.TemporaryDirectory() as d:
        target, ref = os.path.join(d, "target.db"), os.path.join(d, "ref.db")
        for p, sql in ((target, current), (ref, desired)):
            db = sqlite3.connect(p)
            db.executescript(sql)
            db.close()
        code, output = apply("sqlite:" + target, desired, d)
        a, b = sqlite_catalog(target), sqlite_catalog(ref)
        return code, output, a, b


# --- MariaDB ------------------------------------------------------------------------------

def mariadb_params():
    u = urllib.parse.urlparse(os.environ.get("SCHEMASYNC_MARIADB_URL", ""))
    if not u.hostname:
        raise SystemExit("SCHEMASYNC_MARIADB_URL is not set")
    return u


def mariadb(sql, database=None):
    u = mariadb_params()
    args = ["mariadb", "-h", u.hostname, "-P", str(u.port or 3306), "-u", urllib.parse.unquote(u.username or ""),
            "-p" + urllib.parse.unquote(u.password or ""), "--batch", "--skip-column-names"]
    if database:
        args += ["-D", database]
    p = subprocess.run(args, input=sql, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip())
    return [line.split("\t") for line in p.stdout.splitlines()]


def mariadb_catalog(db):
    out = []
    for name, typ in mariadb(f"SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME"):
        if typ == "VIEW":
            row = mariadb(f"SELECT VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, ALGORITHM, DEFINER FROM information_schema.VIEWS "
                          f"WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = '{name}'")[0]
            out.append("view " + name + " " + " | ".join(row).replace(f"`{db}`.", ""))
            continue
        text = mariadb(f"SHOW CREATE TABLE `{name}`", db)[0][1]
        text = re.sub(r" AUTO_INCREMENT=\d+", "", text.replace("\\n", "\n"))
        # The order of secondary keys is creation order, which the model does not keep: sort them.
        lines = text.split("\n")
        keys = sorted(l.rstrip(",") for l in lines if re.match(r"\s+(UNIQUE |FULLTEXT |SPATIAL )?KEY ", l))
        rest = [l.rstrip(",") for l in lines if not re.match(r"\s+(UNIQUE |FULLTEXT |SPATIAL )?KEY ", l)]
        out.append("\n".join(rest + keys))
    return out


def statements(sql):
    return [s.strip() for s in re.split(r";\s*$", sql, flags=re.M) if s.strip()]


def run_by_hand(db, sql):
    """Runs the statements of `sql` in `db`, retrying those that fail (a view before its
    table) until no more succeed; `mydb.` qualifiers name the database itself."""
    run_retrying(statements(sql.replace("mydb.", "")), lambda s: mariadb("SET FOREIGN_KEY_CHECKS=0;\n" + s, db))


def run_mariadb(path, verbose):
    current, desired = sections(path)
    refused = re.search(r"^-- expect: refused", open(path).read(), re.M) is not None
    base = "ss_corpus_" + re.sub(r"\W", "_", os.path.basename(path)[:-4])[:40]
    target, ref = base + "_t", base + "_r"
    try:
        for db, sql in ((target, current), (ref, current if refused else desired)):
            mariadb(f"DROP DATABASE IF EXISTS `{db}`; CREATE DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            run_by_hand(db, sql)
        u = mariadb_params()
        url = urllib.parse.urlunparse(u._replace(path="/" + target))
        with tempfile.TemporaryDirectory() as d:
            code, output = apply(url, desired, d)
        if refused:  # exact: refused as invalid (exit 5) and nothing changed
            code = 0 if code == 5 else (code or 99)
        a, b = mariadb_catalog(target), mariadb_catalog(ref)
    finally:
        for db in (target, ref):
            mariadb(f"DROP DATABASE IF EXISTS `{db}`")
    return code, output, a, b


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    only = args[args.index("-k") + 1] if "-k" in args else None
    all_engines = ("sqlite", "postgresql", "mariadb")
    engines = [e for e in all_engines if e in args] or list(all_engines)
    runners = {"sqlite": run_sqlite, "mariadb": run_mariadb,
               "postgresql": lambda path, verbose: run_postgresql(path, sections, apply, verbose)}
    for engine in engines:
        folder = os.path.join(HERE, engine)
        cases = sorted(f for f in os.listdir(folder) if f.endswith(".sql") and (not only or only in f))
        exact = 0
        for case in cases:
            try:
                code, output, got, want = runners[engine](os.path.join(folder, case), verbose)
                ok = code == 0 and got == want
            except Exception as e:  # a case that cannot even be set up counts as a failure
                code, output, got, want, ok = -1, str(e), [], [], False
            exact += ok
            print(f"{'✓' if ok else '✗'} {engine}/{case} (exit {code})")
            if verbose and (not ok or "-vv" in args):
                print("   " + output.replace("\n", "\n   ")[-2000:])
                for line in sorted(set(want) - set(got)):
                    print("   - want " + line.replace("\n", "\n          "))
                for line in sorted(set(got) - set(want)):
                    print("   + got  " + line.replace("\n", "\n          "))
        if cases:
            print(f"{engine}: {exact}/{len(cases)} exact ({100 * exact // len(cases)}%)")


if __name__ == "__main__":
    main()
